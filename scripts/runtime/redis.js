'use strict';
/**
 * Redis for n8n's queue mode (CommonJS, Node standard library only): Debian's `redis-server`,
 * started on a loopback port with no persistence (nothing is written to disk), in its own
 * process group.
 *
 *   const redis = require('./scripts/runtime/redis');
 *   const bin = redis.findRedisServer();        // undefined when not installed (see INSTALL_HINT)
 *   const r = redis.startRedis({ port: 6390 }); await r.ready; ...; await r.stop();
 */
const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');
const { envVar } = require('../env-vars');
const { killGroup } = require('./proc');

const INSTALL_HINT = 'sudo apt-get install -y redis-server';

/** The redis-server binary: CC_REDIS_SERVER, else redis-server on PATH, else /usr/bin/redis-server. */
function findRedisServer() {
	const candidates = [
		envVar('CC_REDIS_SERVER'),
		...(envVar('PATH') || '').split(path.delimiter).map((d) => d && path.join(d, 'redis-server')),
		'/usr/bin/redis-server',
	].filter(Boolean);
	return candidates.find((c) => {
		try {
			fs.accessSync(c, fs.constants.X_OK);
			return fs.statSync(c).isFile();
		} catch {
			return false;
		}
	});
}

/** Sends PING over RESP; resolves true on +PONG. */
function ping(port, timeoutMs = 1000) {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		let answer = '';
		const done = (ok) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(timeoutMs, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (d) => {
			answer += d;
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

/**
 * Starts `redis-server` on 127.0.0.1:<port> (no RDB/AOF files, no protected-mode surprises).
 * Returns { port, pid, ready: Promise<seconds>, stop(): Promise, exited, logs() }.
 * Throws an Error with code 'NO_REDIS' (and the install command) when redis-server is missing.
 */
function startRedis({ port, bin = findRedisServer(), timeoutMs = 20000 } = {}) {
	if (!bin) {
		const err = new Error(`redis-server is not installed (n8n's queue mode needs Redis). Install it: ${INSTALL_HINT}`);
		err.code = 'NO_REDIS';
		throw err;
	}
	if (!port) throw new Error('startRedis: a port is required');
	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--daemonize',
		'no',
		'--dir',
		require('os').tmpdir(),
		'--dbfilename',
		`cc-redis-${port}.rdb`,
		'--loglevel',
		'warning',
	];
	const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	const collect = (d) => {
		output += d;
		if (output.length > 100000) output = output.slice(-50000);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	let exitedFlag = false;
	const exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => ((exitedFlag = true), resolve({ code, signal }))),
	);
	child.on('error', (e) => collect(`\n${e.message}\n`));
	const onExit = () => killGroup(child.pid, 'SIGKILL');
	process.once('exit', onExit);
	const t = Date.now();
	const ready = (async () => {
		while (Date.now() - t < timeoutMs) {
			if (exitedFlag) throw new Error(`redis-server exited before answering on port ${port}:\n${output.slice(-2000)}`);
			if (await ping(port)) return (Date.now() - t) / 1000;
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`redis-server did not answer on 127.0.0.1:${port} within ${timeoutMs / 1000} s`);
	})();
	ready.catch(() => {});
	async function stop() {
		process.removeListener('exit', onExit);
		if (exitedFlag) return exited;
		killGroup(child.pid, 'SIGTERM');
		const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
		const r = await exited;
		clearTimeout(timer);
		return r;
	}
	return { port, pid: child.pid, ready, stop, exited, logs: () => output };
}

module.exports = { INSTALL_HINT, findRedisServer, ping, startRedis };
