'use strict';
// Small process helpers shared by the runtime scripts (no dependencies).
const { spawn } = require('child_process');

/** Environment without the npm_* variables an outer `npm start` / `npm test` injects, so that a
 *  nested npm does not inherit the project's config (ignore-scripts, local prefix, nodedir...). */
function cleanEnv(base = process.env) {
	const env = {};
	for (const [key, value] of Object.entries(base)) {
		const k = key.toLowerCase();
		if (k.startsWith('npm_config_') || k.startsWith('npm_package_') || k.startsWith('npm_lifecycle_')) continue;
		if (k === 'npm_execpath' || k === 'npm_node_execpath' || k === 'init_cwd' || k === 'npm_command') continue;
		env[key] = value;
	}
	return env;
}

function prependPath(env, dir) {
	const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') || 'PATH';
	env[key] = env[key] ? `${dir}:${env[key]}` : dir;
	return env;
}

/**
 * Runs a command, resolves with { code, stdout, stderr }; rejects when it exits non-zero
 * (unless opts.allowFail). opts.quiet: capture output instead of inheriting the terminal;
 * the tail of the output is put into the error message on failure.
 */
function run(cmd, args, opts = {}) {
	const { cwd, env, quiet = false, allowFail = false, input, detached = false } = opts;
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			cwd,
			env: env || process.env,
			stdio: [input === undefined ? 'ignore' : 'pipe', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
			detached, // own process group: whatever it leaves behind is ended with it (see below)
		});
		const killGroup = () => {
			if (!detached) return;
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {}
		};
		if (detached) {
			const onExit = () => killGroup();
			process.once('exit', onExit);
			child.on('close', () => process.removeListener('exit', onExit));
		}
		let stdout = '';
		let stderr = '';
		if (quiet) {
			child.stdout.on('data', (d) => (stdout += d));
			child.stderr.on('data', (d) => (stderr += d));
		}
		if (input !== undefined) child.stdin.end(input);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			killGroup();
			const result = { code, signal, stdout, stderr };
			if ((code === 0 || allowFail) && !signal) return resolve(result);
			if (allowFail) return resolve(result);
			const tail = (stderr || stdout).split('\n').slice(-30).join('\n');
			const err = new Error(
				`Command failed (${signal ? `signal ${signal}` : `exit code ${code}`}): ${cmd} ${args.join(' ')}` +
					(cwd ? `\n  in ${cwd}` : '') +
					(tail.trim() ? `\n${tail}` : ''),
			);
			err.result = result;
			reject(err);
		});
	});
}

/** Sends `signal` to the process group `pid` leads (a child spawned with detached: true); false when it is gone. */
function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

function seconds(startMs) {
	return ((Date.now() - startMs) / 1000).toFixed(1) + ' s';
}

function log(prefix, msg) {
	process.stdout.write(`[${prefix}] ${msg}\n`);
}

module.exports = { cleanEnv, prependPath, run, killGroup, seconds, log };
