'use strict';
/**
 * Starts the Constant Contact sandbox (`tsx test/sandbox/cli.ts --port N`) as a child process
 * group, waits until it answers, obtains v3 OAuth2 tokens from it (authorization-code flow, the
 * "Allow" button done over HTTP) and builds the n8n credentials that point at it.
 */
const fs = require('fs');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');
const P = require('./paths');
const C = require('./demo-config');
const { cleanEnv } = require('./proc');
const { envVar } = require('../env-vars');

function sandboxInfo(port = C.SANDBOX_PORT) {
	const url = `http://127.0.0.1:${port}`;
	return {
		url,
		v2BaseUrl: `${url}/v2`,
		v3BaseUrl: `${url}/v3`,
		oauthBaseUrl: `${url}/oauth2/default/v1`,
		secrets: { ...C.SANDBOX.secrets },
	};
}

function request(method, url, { headers = {}, body } = {}) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers, timeout: 5000 }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (text += d));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
		if (body) req.write(body);
		req.end();
	});
}

/**
 * Spawns the sandbox. Returns { child, info, ready: Promise, stop(), logs() }.
 * opts: port, onLine(line) (default: print with a [sandbox] prefix), command (override argv).
 * The child has this process's environment without npm's variables: with CC_SUITE_RECORD_DIR set
 * (only `npm test` sets it, see test/suite/record.ts) it writes to the suite record like any
 * Sandbox; `npm start` and `npm run sandbox` record nothing.
 */
function startSandbox(opts = {}) {
	const port = opts.port || C.SANDBOX_PORT;
	const tsxBin = path.join(P.PROJECT_DIR, 'node_modules', '.bin', 'tsx');
	// CC_SANDBOX_COMMAND (space-separated argv) replaces the sandbox command, e.g. for a stand-in.
	const envCommand = envVar('CC_SANDBOX_COMMAND') && envVar('CC_SANDBOX_COMMAND').trim().split(/\s+/);
	const command = opts.command || envCommand;
	const [cmd, ...args] =
		command ||
		(fs.existsSync(tsxBin)
			? [tsxBin, 'test/sandbox/cli.ts', '--port', String(port)]
			: ['npx', 'tsx', 'test/sandbox/cli.ts', '--port', String(port)]);
	const cli = path.join(P.PROJECT_DIR, 'test', 'sandbox', 'cli.ts');
	if (!command && !fs.existsSync(cli)) {
		const err = new Error(`The sandbox entry ${path.relative(P.PROJECT_DIR, cli)} does not exist yet`);
		err.code = 'NO_SANDBOX';
		throw err;
	}
	const child = spawn(cmd, args, {
		cwd: P.PROJECT_DIR,
		env: cleanEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let output = '';
	let partial = '';
	const onLine = opts.onLine || ((l) => process.stdout.write(`[sandbox] ${l}\n`));
	const onData = (d) => {
		output += d;
		partial += d;
		const lines = partial.split('\n');
		partial = lines.pop();
		lines.forEach((l) => l.trim() && onLine(l));
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	let exitedFlag = false;
	const exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => ((exitedFlag = true), resolve({ code, signal }))),
	);
	const info = sandboxInfo(port);
	const ready = (async () => {
		const t = Date.now();
		while (Date.now() - t < (opts.timeoutMs || 60000)) {
			if (exitedFlag) throw new Error(`The sandbox exited before answering on ${info.url}:\n${output.slice(-2000)}`);
			try {
				await request('GET', `${info.v3BaseUrl}/account/summary`);
				return (Date.now() - t) / 1000;
			} catch {}
			await new Promise((r) => setTimeout(r, 150));
		}
		throw new Error(`The sandbox did not answer on ${info.url} within ${(opts.timeoutMs || 60000) / 1000} s`);
	})();
	ready.catch(() => {});
	async function stop() {
		if (exitedFlag) return exited;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {}
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {}
		}, 5000);
		const r = await exited;
		clearTimeout(timer);
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {}
		return r;
	}
	return { child, pid: child.pid, info, ready, stop, exited, logs: () => output };
}

/**
 * Obtains v3 tokens from the sandbox's OAuth2 server as n8n's "Connect" would: approve the
 * consent form (POST /authorize decision=allow), then exchange the code at /token.
 */
async function authorizeV3(info, { redirectUri, scope = C.V3_SCOPE } = {}) {
	const { clientId, clientSecret } = info.secrets;
	const state = 'cc-demo-' + Date.now();
	const form = new URLSearchParams({
		client_id: clientId,
		redirect_uri: redirectUri,
		scope,
		state,
		decision: 'allow',
	}).toString();
	const approve = await request('POST', `${info.oauthBaseUrl}/authorize`, {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(form) },
		body: form,
	});
	const location = approve.headers.location;
	const code = location && new URL(location).searchParams.get('code');
	if (!code)
		throw new Error(
			`Sandbox authorize did not return a code: HTTP ${approve.status} ${location || approve.text.slice(0, 200)}`,
		);
	const tokenForm = new URLSearchParams({
		grant_type: 'authorization_code',
		code,
		redirect_uri: redirectUri,
	}).toString();
	const tok = await request('POST', `${info.oauthBaseUrl}/token`, {
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			'Content-Length': Buffer.byteLength(tokenForm),
			Authorization:
				'Basic ' +
				Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64'),
			Accept: 'application/json',
		},
		body: tokenForm,
	});
	if (tok.status !== 200)
		throw new Error(`Sandbox token exchange failed: HTTP ${tok.status} ${tok.text.slice(0, 300)}`);
	return JSON.parse(tok.text);
}

/** n8n credential objects (for `n8n import:credentials`) pointing at the sandbox. */
function sandboxCredentials(info, tokens) {
	const v3 = {
		...C.CREDENTIALS.v3,
		data: {
			grantType: 'authorizationCode',
			clientId: info.secrets.clientId,
			clientSecret: info.secrets.clientSecret,
			authServerUrl: info.oauthBaseUrl,
			baseUrl: info.v3BaseUrl,
			scope: C.V3_SCOPE,
			...(tokens
				? {
						oauthTokenData: {
							access_token: tokens.access_token,
							refresh_token: tokens.refresh_token,
							expires_in: tokens.expires_in,
							token_type: tokens.token_type || 'Bearer',
							scope: tokens.scope,
						},
					}
				: {}),
		},
	};
	const v2 = {
		...C.CREDENTIALS.v2,
		data: { apiKey: info.secrets.v2ApiKey, accessToken: info.secrets.v2AccessToken, baseUrl: info.v2BaseUrl },
	};
	return { v2, v3 };
}

module.exports = { startSandbox, sandboxInfo, authorizeV3, sandboxCredentials };
