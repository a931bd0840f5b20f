'use strict';
/**
 * Helpers to drive the local n8n runtime (installed by ./install.js) from scripts and tests.
 * CommonJS, Node standard library only.
 *
 *   const cli = require('./scripts/runtime/n8n-cli');
 *   const opts = { userFolder: '/tmp/x' };               // every helper takes these options
 *   await cli.importCredentials([{ id, name, type, data }], opts);
 *   await cli.importWorkflow('examples/v2-reschedule.json', opts);
 *   const { data } = await cli.executeWorkflow('ccV2Reschedule', opts);
 *   const server = await cli.startServer(opts); await server.ready; ...; await server.stop();
 *   queue mode: startServer({ ...opts, queue: { redisPort } }) and
 *   startWorker({ ...opts, queue: { redisPort }, healthPort, brokerPort, concurrency: 1 })
 *
 * Options (all optional):
 *   userFolder     N8N_USER_FOLDER (default <project>/.runtime/user); n8n keeps data in <userFolder>/.n8n
 *   encryptionKey  N8N_ENCRYPTION_KEY (default DEFAULT_ENCRYPTION_KEY; must stay the same for a user folder)
 *   port           editor/API port (default 5678), bound to 127.0.0.1
 *   brokerPort     task-runner broker port (default 5679; CLI commands use port+1000 unless given)
 *   timezone       GENERIC_TIMEZONE (default: TZ or UTC)
 *   env            extra environment variables
 *   quiet          capture the command's output instead of printing it (default true for commands)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const crypto = require('crypto');
const { spawn } = require('child_process');
const P = require('./paths');
const { cleanEnv, prependPath, run, killGroup } = require('./proc');
const { envVar } = require('../env-vars');

const DEFAULT_ENCRYPTION_KEY = 'cc-local-demo-encryption-key-0001';
const DEFAULT_PORT = 5678;
const DEFAULT_BROKER_PORT = 5679;

function n8nEnv(opts = {}) {
	const port = opts.port || DEFAULT_PORT;
	const env = prependPath(cleanEnv(), P.NODE_BIN_DIR);
	// jest sets NODE_ENV=test; n8n reads it (`inTest`) and then runs no command at all.
	if (env.NODE_ENV === 'test') delete env.NODE_ENV;
	Object.assign(env, {
		N8N_USER_FOLDER: path.resolve(opts.userFolder || P.USER_FOLDER),
		N8N_ENCRYPTION_KEY: opts.encryptionKey || DEFAULT_ENCRYPTION_KEY,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://localhost:${port}/`,
		N8N_WEBHOOK_URL: `http://localhost:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_BROKER_PORT: String(opts.brokerPort || DEFAULT_BROKER_PORT),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		DB_SQLITE_POOL_SIZE: '2',
		GENERIC_TIMEZONE: opts.timezone || envVar('GENERIC_TIMEZONE') || envVar('TZ') || 'UTC',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: envVar('N8N_LOG_LEVEL') || 'info',
		// Node 24 binary headers for any native rebuild n8n might trigger (community package installs).
		npm_config_nodedir: P.NODE_PACKAGE_DIR,
	});
	return Object.assign(env, opts.env || {});
}

function assertInstalled() {
	if (!fs.existsSync(P.N8N_BIN) || !fs.existsSync(P.NODE_BIN)) {
		throw new Error(`n8n runtime not installed (${P.N8N_BIN}). Run: node scripts/runtime/install.js`);
	}
}

/** Runs `n8n <args>` to completion with the Node 24 binary. Resolves { code, stdout, stderr }. */
function runN8n(args, opts = {}) {
	assertInstalled();
	// One-off commands start their own task-runner broker: keep it off the server's port.
	const brokerPort = opts.brokerPort || (opts.port || DEFAULT_PORT) + 1000 + 1;
	const env = n8nEnv({ ...opts, brokerPort });
	fs.mkdirSync(env.N8N_USER_FOLDER, { recursive: true });
	return run(P.NODE_BIN, [P.N8N_BIN, ...args], {
		env,
		cwd: env.N8N_USER_FOLDER,
		quiet: opts.quiet !== false,
		allowFail: !!opts.allowFail,
		detached: true, // its task runner must not outlive the command
	});
}

function tmpJson(prefix, value, opts) {
	// Inside the user folder (not /tmp): credential files carry secrets.
	const dir = path.join(path.resolve(opts.userFolder || P.USER_FOLDER), '.tmp');
	fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
	const file = path.join(dir, `${prefix}-${process.pid}-${crypto.randomBytes(4).toString('hex')}.json`);
	fs.writeFileSync(file, JSON.stringify(value, null, 2), { mode: 0o600 });
	return file;
}

async function withInput(prefix, input, opts, fn) {
	if (typeof input === 'string') return fn(path.resolve(input));
	const file = tmpJson(prefix, input, opts);
	try {
		return await fn(file);
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/**
 * Imports workflows: a file path, a folder (all *.json in it, via --separate), or an array of
 * workflow objects. Existing workflows with the same id are overwritten.
 */
async function importWorkflow(input, opts = {}) {
	if (typeof input === 'string' && fs.statSync(input).isDirectory()) {
		return runN8n(['import:workflow', '--separate', `--input=${path.resolve(input)}`], opts);
	}
	return withInput('workflows', input, opts, (file) => runN8n(['import:workflow', `--input=${file}`], opts));
}

/** Imports credentials: a file path or an array [{ id, name, type, data }] (plain data is encrypted on import). */
async function importCredentials(input, opts = {}) {
	return withInput('credentials', input, opts, (file) => runN8n(['import:credentials', `--input=${file}`], opts));
}

/** `n8n publish:workflow --id=X` (2.x: activates the published version; takes effect on the next start). */
async function publishWorkflow(id, opts = {}) {
	return runN8n(['publish:workflow', `--id=${id}`], opts);
}

/** Lists stored workflows as [{ id, name }] (`n8n list:workflow`). */
async function listWorkflows(opts = {}) {
	const r = await runN8n(['list:workflow'], opts);
	return r.stdout
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => /^[A-Za-z0-9]{1,16}\|/.test(l))
		.map((l) => ({ id: l.slice(0, l.indexOf('|')), name: l.slice(l.indexOf('|') + 1) }));
}

/** Finds the outermost JSON value in text that may contain log lines around it. */
function extractJson(text) {
	const starts = [];
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if ((c === '{' || c === '[') && (i === 0 || text[i - 1] === '\n')) starts.push(i);
	}
	for (const s of starts) {
		// try the longest candidate first: from this start to each later closing line
		const rest = text.slice(s);
		const ends = [];
		for (let j = rest.length - 1; j >= 0; j--) if (rest[j] === '}' || rest[j] === ']') ends.push(j);
		for (const e of ends) {
			try {
				return JSON.parse(rest.slice(0, e + 1));
			} catch {}
		}
	}
	return undefined;
}

/** The resultData ({ runData, lastNodeExecuted, error? }) of the IRun that `n8n execute` prints. */
function resultDataOf(data) {
	if (!data) return undefined;
	if (data.data && data.data.resultData) return data.data.resultData;
	if (data.resultData) return data.resultData;
	if (data.runData) return data;
	return undefined;
}

/**
 * Runs a stored workflow headless: `n8n execute --id=X --rawOutput` (it starts from the Manual
 * Trigger, or an Execute Workflow Trigger; a workflow with only a Schedule or Webhook trigger
 * cannot run this way). Resolves
 *   { ok, code, data, resultData, error, lastNodeExecuted, lastNodeOutput, stdout, stderr }
 * where data is the IRun n8n prints ({ data: { resultData: { runData, lastNodeExecuted, error? } },
 * status, startedAt, ... }) and lastNodeOutput the JSON of the items the last node produced.
 * On a failed run n8n logs the IRun and exits 1; it is parsed all the same. Never throws for a
 * failed workflow: check ok / error.
 */
async function executeWorkflow(id, opts = {}) {
	const r = await runN8n(['execute', `--id=${id}`, '--rawOutput'], { ...opts, allowFail: true });
	const data = extractJson(r.stdout) || extractJson(r.stderr);
	const resultData = resultDataOf(data);
	let error = resultData && resultData.error;
	if (!error && r.code !== 0) error = { message: (r.stderr || r.stdout).trim().split('\n').slice(-15).join('\n') };
	const lastNodeExecuted = resultData && resultData.lastNodeExecuted;
	const result = {
		ok: r.code === 0 && !error,
		code: r.code,
		data,
		resultData,
		error,
		lastNodeExecuted,
		stdout: r.stdout,
		stderr: r.stderr,
	};
	result.lastNodeOutput = lastNodeExecuted ? nodeOutput(result, lastNodeExecuted) : undefined;
	return result;
}

/** JSON items a node produced (all runs, all outputs flattened) in an `executeWorkflow` result. */
function nodeOutput(result, nodeName) {
	const rd = result.resultData || resultDataOf(result.data);
	const runs = (rd && rd.runData && rd.runData[nodeName]) || [];
	return runs.flatMap((r) =>
		((r.data && r.data.main) || [])
			.flat()
			.filter(Boolean)
			.map((i) => i.json),
	);
}

/** The error of a node's last run in an `executeWorkflow` result, if any. */
function nodeError(result, nodeName) {
	const rd = result.resultData || resultDataOf(result.data);
	const runs = (rd && rd.runData && rd.runData[nodeName]) || [];
	return runs.length ? runs[runs.length - 1].error : undefined;
}

function httpRequest(method, url, { body, headers = {}, timeoutMs = 5000 } = {}) {
	return new Promise((resolve, reject) => {
		const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
		const req = http.request(
			url,
			{
				method,
				headers: {
					Accept: 'application/json',
					...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
					...headers,
				},
				timeout: timeoutMs,
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (d) => (text += d));
				res.on('end', () => {
					let json;
					try {
						json = JSON.parse(text);
					} catch {}
					resolve({ status: res.statusCode, headers: res.headers, text, json });
				});
			},
		);
		req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${url}`)));
		req.on('error', reject);
		if (payload) req.write(payload);
		req.end();
	});
}

/**
 * Polls until n8n answers 200. Default path /healthz/readiness: 200 only once the database is
 * migrated and n8n is fully started (nodes loaded, REST API up). /healthz alone answers as soon
 * as the HTTP server listens, before migrations and node loading.
 */
async function waitForHealth(
	baseUrl,
	{ timeoutMs = 120000, intervalMs = 250, exitedHow, path: healthPath = '/healthz/readiness' } = {},
) {
	const t = Date.now();
	const url = baseUrl.replace(/\/+$/, '') + healthPath;
	let lastError;
	while (Date.now() - t < timeoutMs) {
		const exit = exitedHow && exitedHow();
		if (exit) throw new Error(`n8n exited (${exit}) before ${url} became healthy`);
		try {
			const r = await httpRequest('GET', url, { timeoutMs: 2000 });
			if (r.status === 200) return (Date.now() - t) / 1000;
			lastError = new Error(`HTTP ${r.status}`);
		} catch (e) {
			lastError = e;
		}
		await new Promise((r) => setTimeout(r, intervalMs));
	}
	throw new Error(`n8n not healthy at ${url} after ${timeoutMs / 1000} s: ${lastError && lastError.message}`);
}

/**
 * Creates the instance owner unless one exists. Resolves 'created' or 'exists'.
 * 2.x: POST /rest/owner/setup { email, firstName, lastName, password } (password: 8+ chars, a digit, an uppercase letter).
 */
async function ensureOwner(baseUrl, owner) {
	const base = baseUrl.replace(/\/+$/, '');
	const settings = await httpRequest('GET', `${base}/rest/settings`);
	const um = settings.json && settings.json.data && settings.json.data.userManagement;
	if (um && um.showSetupOnFirstLoad === false) return 'exists';
	const r = await httpRequest('POST', `${base}/rest/owner/setup`, { body: owner });
	if (r.status === 200) return 'created';
	if (r.status === 400 && /already/i.test(r.text)) return 'exists';
	throw new Error(`Owner setup failed: HTTP ${r.status} ${r.text.slice(0, 300)}`);
}

/** Logs in (POST /rest/login) and resolves the session cookie for further /rest calls. */
async function login(baseUrl, { email, password }) {
	const base = baseUrl.replace(/\/+$/, '');
	const r = await httpRequest('POST', `${base}/rest/login`, { body: { emailOrLdapLoginId: email, email, password } });
	if (r.status !== 200) throw new Error(`Login failed: HTTP ${r.status} ${r.text.slice(0, 300)}`);
	const cookie = []
		.concat(r.headers['set-cookie'] || [])
		.map((c) => c.split(';')[0])
		.join('; ');
	return cookie;
}

/**
 * Starts `n8n start` in its own process group. Returns
 * { child, pid, url, ready: Promise<seconds until /healthz/readiness answers 200>, stop(): Promise, logs(): string, exited }.
 * opts.onOutput(chunk): called with every output chunk (default: collected only; opts.inherit prints it).
 * With opts.queue ({ redisPort }) it is the main process of queue mode (see queueEnv).
 */
function startServer(opts = {}) {
	const env = n8nEnv({ ...opts, env: { ...(opts.queue ? queueEnv(opts.queue) : {}), ...(opts.env || {}) } });
	return startN8nProcess(['start'], env, `http://localhost:${env.N8N_PORT}`, opts);
}

/**
 * The settings of n8n's queue mode (main and workers alike): executions go through Redis at
 * 127.0.0.1:<redisPort> (Bull queue), run by `n8n worker` processes. SQLite is shared through the
 * user folder (n8n only warns that queue mode wants Postgres).
 */
function queueEnv({ redisPort, redisHost = '127.0.0.1' }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redisHost,
		QUEUE_BULL_REDIS_PORT: String(redisPort),
	};
}

/**
 * Starts `n8n worker --concurrency=<n>` (queue mode) in its own process group, with the same user
 * folder as the main process. opts: the usual options plus queue ({ redisPort }), concurrency
 * (default 1: one execution at a time, so that executions started together spread over the
 * workers), healthPort (its /healthz server, used for readiness; required) and brokerPort (its own
 * task-runner broker; required: every n8n process runs one). Returns what startServer returns;
 * url is the worker's health server.
 */
function startWorker(opts = {}) {
	if (!opts.queue || !opts.healthPort || !opts.brokerPort)
		throw new Error('startWorker needs opts.queue ({ redisPort }), opts.healthPort and opts.brokerPort');
	const env = n8nEnv({
		...opts,
		env: {
			...queueEnv(opts.queue),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(opts.healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...(opts.env || {}),
		},
	});
	const concurrency = opts.concurrency || 1;
	return startN8nProcess(['worker', `--concurrency=${concurrency}`], env, `http://127.0.0.1:${opts.healthPort}`, opts);
}

function startN8nProcess(args, env, url, opts) {
	assertInstalled();
	fs.mkdirSync(env.N8N_USER_FOLDER, { recursive: true });
	const child = spawn(P.NODE_BIN, [P.N8N_BIN, ...args], {
		env,
		cwd: env.N8N_USER_FOLDER,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true, // own process group: stop() ends n8n and its task runners together
	});
	let output = '';
	const onChunk = (d) => {
		const s = d.toString();
		output += s;
		if (output.length > 2e6) output = output.slice(-1e6);
		if (opts.onOutput) opts.onOutput(s);
		else if (opts.inherit) process.stdout.write(s);
	};
	child.stdout.on('data', onChunk);
	child.stderr.on('data', onChunk);
	let exitedHow;
	const exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => {
			exitedHow = signal ? `signal ${signal}` : `exit code ${code}`;
			resolve({ code, signal });
		}),
	);
	const ready = waitForHealth(url, { timeoutMs: opts.timeoutMs || 180000, exitedHow: () => exitedHow });
	ready.catch(() => {});

	async function stop({ timeoutMs = 15000 } = {}) {
		if (exitedHow) return exited;
		killGroup(child.pid, 'SIGTERM');
		const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs);
		const r = await exited;
		clearTimeout(timer);
		// task runners etc. left in the group
		killGroup(child.pid, 'SIGKILL');
		return r;
	}
	return { child, pid: child.pid, url, env, ready, stop, exited, logs: () => output };
}

/** RSS in MB of a process and its descendants (Linux /proc). */
function treeRssMb(rootPid) {
	const kids = new Map();
	for (const d of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(d)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (!kids.has(ppid)) kids.set(ppid, []);
			kids.get(ppid).push(Number(d));
		} catch {}
	}
	const rss = (pid) => {
		try {
			const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
			return m ? Number(m[1]) / 1024 : 0;
		} catch {
			return 0;
		}
	};
	let total = 0;
	const perPid = {};
	const stack = [rootPid];
	while (stack.length) {
		const p = stack.pop();
		perPid[p] = Math.round(rss(p));
		total += rss(p);
		stack.push(...(kids.get(p) || []));
	}
	return { totalMb: Math.round(total), perPid };
}

module.exports = {
	DEFAULT_ENCRYPTION_KEY,
	DEFAULT_PORT,
	DEFAULT_BROKER_PORT,
	paths: P,
	n8nEnv,
	runN8n,
	importWorkflow,
	importCredentials,
	publishWorkflow,
	listWorkflows,
	executeWorkflow,
	nodeOutput,
	nodeError,
	resultDataOf,
	extractJson,
	startServer,
	startWorker,
	queueEnv,
	waitForHealth,
	ensureOwner,
	login,
	httpRequest,
	killGroup,
	treeRssMb,
	tmpdir: os.tmpdir,
};
