#!/usr/bin/env node
'use strict';
/**
 * `npm start`: a local n8n with this package installed as a community node, talking to the
 * Constant Contact sandbox.
 *   1. npm run build                       (skip with --no-build)
 *   2. Node 24 + n8n 2.41.1 into .runtime  (scripts/runtime/install.js; cached)
 *   3. the packed package into .runtime/user/.n8n/nodes (scripts/runtime/install-package.js; cached by dist hash)
 *   4. the sandbox on 127.0.0.1:4010       (tsx test/sandbox/cli.ts --port 4010)
 *   5. credentials (v2 API key, v3 OAuth2 with tokens from the sandbox) and, the first time only,
 *      the example workflows: `n8n import:*` before the server starts
 *   6. n8n start on http://localhost:5678, owner account demo@example.com / Demo-n8n-2025
 * Ctrl-C stops n8n and the sandbox. Flags: --no-build, --verbose (all n8n output),
 * --reset (delete .runtime/user first: a fresh n8n database), --workers N (queue mode: Redis,
 * `n8n start` as the main process and N `n8n worker --concurrency=1` processes on the same
 * user folder; without redis-server installed it says how to install it and starts in regular mode).
 */
const fs = require('fs');
const path = require('path');
const P = require('./paths');
const C = require('./demo-config');
const { installRuntime, checkPlatform, UnsupportedPlatformError } = require('./install');
const { installPackage } = require('./install-package');
const cli = require('./n8n-cli');
const { startSandbox, authorizeV3, sandboxCredentials } = require('./sandbox');
const redis = require('./redis');
const { freePort } = require('./ports');
const { cleanEnv, run, seconds, log } = require('./proc');

const say = (msg) => log('start', msg);
const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
/** The value after `--name` (or `--name=value`), else undefined. */
const flagValue = (f) => {
	const eq = argv.find((a) => a.startsWith(`${f}=`));
	if (eq) return eq.slice(f.length + 1);
	const i = argv.indexOf(f);
	return i >= 0 ? argv[i + 1] : undefined;
};
const STATE_FILE = path.join(C.USER_FOLDER, '.n8n', 'cc-demo-state.json');
const LOG_FILE = path.join(P.RUNTIME_DIR, 'n8n.log');

const children = [];
let stopping = false;

async function shutdown(code, why) {
	if (stopping) return;
	stopping = true;
	if (why) say(why);
	// n8n and its workers first: they unregister from Redis as they stop.
	const last = children.filter((c) => c.isRedis);
	await Promise.all(children.filter((c) => !c.isRedis).map((c) => c.stop().catch(() => {})));
	await Promise.all(last.map((c) => c.stop().catch(() => {})));
	process.exit(code);
}

/** `--workers N`: how many n8n workers to start in queue mode (0: regular mode). */
function workerCount() {
	const value = flagValue('--workers');
	if (value === undefined) return 0;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0 || n > 16) {
		say(`--workers wants a whole number from 0 to 16, not "${value}"`);
		process.exit(2);
	}
	return n;
}

function readState() {
	// a fresh database (user deleted it) means nothing is imported
	if (!fs.existsSync(path.join(C.USER_FOLDER, '.n8n', 'database.sqlite'))) return {};
	try {
		return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
	} catch {
		return {};
	}
}

function exampleWorkflows() {
	return fs
		.readdirSync(C.EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({ file: f, workflow: JSON.parse(fs.readFileSync(path.join(C.EXAMPLES_DIR, f), 'utf8')) }));
}

/**
 * The OpenAI credential the example "AI assistant for campaigns" refers to (ccOpenAiDemo), so that
 * the imported example opens and publishes: OpenAI's own URL and a placeholder key that OpenAI
 * refuses. There is no model in the demo; the user puts a real key (or an OpenAI-compatible
 * Base URL) in it to chat.
 */
function openAiPlaceholder() {
	return {
		...C.CREDENTIALS.openAi,
		data: { apiKey: 'placeholder-put-your-openai-api-key-here', url: 'https://api.openai.com/v1', header: false },
	};
}

/**
 * Credentials (every start: the sandbox forgets its tokens when it stops, so the v3 credential
 * gets fresh ones; the v2 one, with fixed fake secrets, and the OpenAI placeholder are imported
 * once, so the user's edits are kept) and the example workflows (once per user folder, for the
 * same reason), imported before n8n starts.
 */
async function importDemoData(sandbox, opts) {
	const state = readState();
	const callback = `http://localhost:${C.N8N_PORT}/rest/oauth2-credential/callback`;
	let tokens;
	try {
		tokens = await authorizeV3(sandbox.info, { redirectUri: callback });
	} catch (e) {
		say(`warning: could not get v3 tokens from the sandbox (${e.message}); use "Connect" on the credential instead`);
	}
	const creds = sandboxCredentials(sandbox.info, tokens);
	// (v2CredentialImported: what a user folder of an earlier version recorded)
	const importedOnce = state.credentialsImportedOnce || (state.v2CredentialImported ? [creds.v2.id] : []);
	const once = [creds.v2, openAiPlaceholder()].filter((c) => !importedOnce.includes(c.id));
	const toImport = [creds.v3, ...once];
	let t = Date.now();
	await cli.importCredentials(toImport, opts);
	say(`credentials imported in ${seconds(t)}: ${toImport.map((c) => `${c.name} (${c.id})`).join(', ')}`);
	state.credentialsImportedOnce = [...importedOnce, ...once.map((c) => c.id)];
	delete state.v2CredentialImported;
	writeState(state);

	state.importedWorkflows = state.importedWorkflows || [];
	const missing = exampleWorkflows().filter((w) => !state.importedWorkflows.includes(w.workflow.id));
	if (missing.length) {
		t = Date.now();
		await cli.importWorkflow(
			missing.map((w) => w.workflow),
			opts,
		);
		state.importedWorkflows.push(...missing.map((w) => w.workflow.id));
		writeState(state);
		say(`example workflows imported in ${seconds(t)}: ${missing.map((w) => w.file).join(', ')}`);
	}
}

function writeState(state) {
	fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
	fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2) + '\n');
}

// n8n output shown in the terminal: warnings/errors and anything about this package, minus the
// known harmless noise of an offline machine (everything goes to .runtime/n8n.log).
const NOISE = [
	/Python task runner/i,
	/ENOTFOUND|EAI_AGAIN|getaddrinfo/,
	/Error fetching from Strapi API/,
	/A system task run failed/,
	/license SDK/i,
];
function interesting(line, state) {
	if (/^\s+at\s/.test(line) || /^\s*$/.test(line)) return state.lastShown; // stack lines follow their message
	const show = /error|warn|fail|constant-?contact/i.test(line) && !NOISE.some((re) => re.test(line));
	state.lastShown = show;
	return show;
}

async function main() {
	const t0 = Date.now();
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
		process.on(sig, () => shutdown(0, `${sig}: stopping n8n and the sandbox ...`));
	checkPlatform();
	const opts = { userFolder: C.USER_FOLDER, port: C.N8N_PORT, encryptionKey: C.ENCRYPTION_KEY };
	if (flag('--reset')) {
		say(`--reset: deleting ${C.USER_FOLDER}`);
		fs.rmSync(C.USER_FOLDER, { recursive: true, force: true });
	}

	// The sandbox does not depend on anything: start it first.
	const sandbox = startSandbox({ port: C.SANDBOX_PORT });
	children.push(sandbox);
	sandbox.exited.then(
		({ code, signal }) => !stopping && shutdown(1, `The sandbox stopped (${signal || `exit code ${code}`}); stopping.`),
	);

	// Two independent chains side by side:
	//   npm run build
	//   runtime install -> sandbox ready -> v3 tokens -> n8n import:credentials / import:workflow
	const buildChain = (async () => {
		if (flag('--no-build')) return;
		const t = Date.now();
		say('npm run build ...');
		await run('npm', ['run', 'build', '--silent'], { cwd: P.PROJECT_DIR, env: cleanEnv() });
		say(`build done in ${seconds(t)}`);
	})();
	const importChain = (async () => {
		const rt = await installRuntime();
		if (rt.skipped) say(`runtime: Node ${P.NODE_VERSION} + n8n ${P.N8N_VERSION} already installed`);
		await sandbox.ready;
		say(`sandbox ready at ${sandbox.info.url}`);
		await importDemoData(sandbox, opts);
	})();
	const settled = await Promise.allSettled([buildChain, importChain]);
	for (const r of settled) if (r.status === 'rejected') throw r.reason;
	const pk = await installPackage({ userFolder: C.USER_FOLDER });
	if (pk.skipped) say(`package: ${pk.name}@${pk.version} unchanged (dist hash ${pk.hash.slice(0, 12)})`);

	// Queue mode (--workers N): Redis first, then main, then the workers.
	const workers = workerCount();
	let queue;
	if (workers > 0) {
		if (!redis.findRedisServer()) {
			say(`--workers ${workers}: redis-server is not installed, so queue mode cannot start.`);
			say(`  Install it with: ${redis.INSTALL_HINT}   (then run npm start -- --workers ${workers} again)`);
			say('  Starting in regular mode (one n8n process runs every execution).');
		} else {
			const r = redis.startRedis({ port: await freePort() });
			children.push(Object.assign(r, { isRedis: true }));
			await r.ready;
			r.exited.then(
				({ code, signal }) => !stopping && shutdown(1, `Redis stopped (${signal || `exit code ${code}`}); stopping.`),
			);
			queue = { redisPort: r.port };
			say(`Redis ready on 127.0.0.1:${r.port} (no persistence); queue mode with ${workers} worker(s)`);
		}
	}

	// n8n
	const t = Date.now();
	fs.mkdirSync(path.dirname(LOG_FILE), { recursive: true });
	const logStream = fs.createWriteStream(LOG_FILE, { flags: 'a' });
	logStream.write(`\n===== n8n start ${new Date().toISOString()} =====\n`);
	const verbose = flag('--verbose');
	say(`starting n8n ${P.N8N_VERSION} (log: ${path.relative(process.cwd(), LOG_FILE)}) ...`);
	/** Output of an n8n process: all of it to the log file, what matters to the terminal. */
	const outputOf = (prefix) => {
		let partial = '';
		const filterState = { lastShown: false };
		return (chunk) => {
			logStream.write(prefix === 'n8n' ? chunk : chunk.replace(/^(?=.)/gm, `[${prefix}] `));
			partial += chunk;
			const lines = partial.split('\n');
			partial = lines.pop();
			for (const l of lines) {
				if (verbose || interesting(l, filterState)) process.stdout.write(`[${prefix}] ${l}\n`);
			}
		};
	};
	const server = cli.startServer({ ...opts, queue, onOutput: outputOf('n8n') });
	children.unshift(server);
	server.exited.then(
		({ code, signal }) => !stopping && shutdown(1, `n8n stopped (${signal || `exit code ${code}`}); see ${LOG_FILE}`),
	);
	// The workers once main is up: a first start seeds the instance's keys in the shared SQLite
	// database, and processes seeding it at once can lock each other out.
	await server.ready;
	const workerProcs = [];
	for (let i = 1; queue && i <= workers; i++) {
		const w = cli.startWorker({
			...opts,
			queue,
			concurrency: 1,
			healthPort: await freePort(),
			brokerPort: await freePort(),
			onOutput: outputOf(`worker ${i}`),
		});
		children.unshift(w);
		workerProcs.push(w);
		w.exited.then(
			({ code, signal }) =>
				!stopping && shutdown(1, `n8n worker ${i} stopped (${signal || `exit code ${code}`}); see ${LOG_FILE}`),
		);
	}
	await Promise.all(workerProcs.map((w) => w.ready));
	const owner = await cli.ensureOwner(server.url, C.OWNER);
	const rss = cli.treeRssMb(server.pid);
	const ready = (Date.now() - t0) / 1000;

	const wf = exampleWorkflows();
	const lines = [
		'',
		'================================================================================',
		` n8n ${P.N8N_VERSION} with n8n-nodes-constant-contact is ready (${ready.toFixed(1)} s, n8n ${seconds(t)}, ${rss.totalMb} MB RSS)`,
		'',
		` Editor:    http://localhost:${C.N8N_PORT}`,
		...(queue
			? [
					` Mode:      queue: main + ${workers} worker(s) (n8n worker --concurrency=1) over Redis 127.0.0.1:${queue.redisPort};`,
					'            production executions (webhooks, triggers, schedules) run on the workers, manual ones on main',
				]
			: []),
		` Login:     ${C.OWNER.email}  /  ${C.OWNER.password}${owner === 'created' ? '   (account just created)' : ''}`,
		` Sandbox:   ${sandbox.info.url}  (fake Constant Contact: v2 ${sandbox.info.v2BaseUrl}, v3 ${sandbox.info.v3BaseUrl})`,
		` Credentials: "${C.CREDENTIALS.v3.name}" (OAuth2, connected) and "${C.CREDENTIALS.v2.name}" (API key)`,
		`              "${C.CREDENTIALS.openAi.name}": no model runs here; the AI assistant example chats once you put your OpenAI key in it`,
		'',
		' Try:',
		...wf.map(({ workflow }) => `   - ${workflow.name}:  http://localhost:${C.N8N_PORT}/workflow/${workflow.id}`),
		'     open one and click "Execute workflow"; each runs against the sandbox.',
		'   - Add a "Constant Contact" node to a new workflow (search "Constant Contact").',
		`   - Re-authorize v3: Credentials -> "${C.CREDENTIALS.v3.name}" -> Connect (the sandbox asks Allow/Deny).`,
		`   - Webhook example: publish "${wf.find((w) => w.workflow.id === 'ccCrmDrivenSend') ? 'CRM-driven send' : 'the workflow'}", then`,
		`       curl -X POST http://localhost:${C.N8N_PORT}/webhook/cc-new-deal -H 'Content-Type: application/json' -d '{"deals":[{"id":"d1"}]}'`,
		'',
		` Ctrl-C stops n8n${queue ? ', the workers, Redis' : ''} and the sandbox. Your workflows are kept in .runtime/user (npm start -- --reset wipes it).`,
		'================================================================================',
		'',
	];
	process.stdout.write(lines.join('\n'));
}

main().catch((err) => {
	if (err instanceof UnsupportedPlatformError) {
		process.stderr.write(`\n${err.message}\n`);
		process.exit(2);
	}
	if (err && err.code === 'NO_SANDBOX') {
		process.stderr.write(`\n[start] ${err.message}\n`);
		return shutdown(1);
	}
	process.stderr.write(`\n[start] ${err && err.stack ? err.stack : err}\n`);
	shutdown(1);
});
