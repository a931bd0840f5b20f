/**
 * Shared set-up of the end-to-end tests: a fresh n8n user folder inside .runtime/ (our package
 * installed as a community package), the Constant Contact sandbox started in the jest process
 * (so a test can read its state after n8n ran), both credentials pointing at it, free loopback
 * ports. n8n itself (the real 2.41 CLI and server from .runtime/) runs as child processes.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as crypto from 'crypto';
import { envFlag } from '../../scripts/env-vars';
import { Sandbox, type SandboxOptions } from '../sandbox';
import { recordRestAnswer, recordServerLog, recordingCli } from './n8n-exposure';

// Plain CommonJS helpers of the local runtime (scripts/runtime/README.md); what the n8n CLI
// prints is recorded for the suite's secret scan.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const cli = recordingCli(require('../../scripts/runtime/n8n-cli'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { installPackage } = require('../../scripts/runtime/install-package');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { authorizeV3, sandboxCredentials } = require('../../scripts/runtime/sandbox');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const C = require('../../scripts/runtime/demo-config');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const P = require('../../scripts/runtime/paths');

export const PACKAGE_NAME = 'n8n-nodes-constant-contact';
export const NODE_TYPE = `${PACKAGE_NAME}.constantContact`;
export const PROJECT_DIR: string = P.PROJECT_DIR;
export const EXAMPLES_DIR = path.join(PROJECT_DIR, 'examples');
export const OWNER = C.OWNER as { email: string; password: string; firstName: string; lastName: string };

/** A free TCP port on 127.0.0.1 (and, when `alsoFree` is given, port + each offset free too). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const freePort: (alsoFree?: number[]) => Promise<number> = require('../../scripts/runtime/ports').freePort;

export interface E2eEnv {
	userFolder: string;
	/** options for every scripts/runtime/n8n-cli helper */
	opts: { userFolder: string; port: number; brokerPort?: number; timezone: string; env?: Record<string, string> };
	port: number;
	sandbox: Sandbox;
	credentials: { v2: any; v3: any };
	/** ends the sandbox and removes the user folder (keeps it when E2E_KEEP=1) */
	cleanup(): Promise<void>;
}

/**
 * Creates a user folder `.runtime/e2e-<tag>-<random>`, installs the package there, starts the
 * sandbox on a free loopback port, gets v3 tokens through its OAuth consent + token endpoints and
 * imports both credentials (ids ccOAuth2Demo / ccApiKeyDemo, as the examples expect).
 * `sandbox`: options for Sandbox.start (default: no rate limit; the queue-mode tests want the real one).
 */
export async function createEnv(
	tag: string,
	{ importCreds = true, sandbox: sandboxOptions = {} }: { importCreds?: boolean; sandbox?: SandboxOptions } = {},
): Promise<E2eEnv> {
	const userFolder = path.join(P.RUNTIME_DIR, `e2e-${tag}-${crypto.randomBytes(4).toString('hex')}`);
	fs.mkdirSync(userFolder, { recursive: true });
	// n8n port P; CLI commands use broker P+1001 (n8n-cli default), the server P+1 (set below).
	const port = await freePort([1, 1001]);
	const opts = { userFolder, port, timezone: 'UTC' };
	const sandbox = await Sandbox.start({ port: 0, host: '127.0.0.1', rateLimitPerSecond: false, ...sandboxOptions });
	const cleanup = async () => {
		await sandbox.close().catch(() => undefined);
		if (!envFlag('E2E_KEEP')) fs.rmSync(userFolder, { recursive: true, force: true });
	};
	try {
		await installPackage({ userFolder });
		const info = {
			url: sandbox.url,
			v2BaseUrl: sandbox.v2BaseUrl,
			v3BaseUrl: sandbox.v3BaseUrl,
			oauthBaseUrl: sandbox.oauthBaseUrl,
			secrets: sandbox.secrets,
		};
		const tokens = await authorizeV3(info, { redirectUri: `http://localhost:${port}/rest/oauth2-credential/callback` });
		const credentials = sandboxCredentials(info, tokens);
		if (importCreds) await cli.importCredentials([credentials.v2, credentials.v3], opts);
		return { userFolder, opts, port, sandbox, credentials, cleanup };
	} catch (e) {
		await cleanup();
		throw e;
	}
}

/**
 * Starts `n8n start` on env.port (broker env.port + 1), creates the owner, resolves the server and a session cookie.
 * `extra`: more options for scripts/runtime/n8n-cli's startServer (e.g. `queue: { redisPort }`, `onOutput`).
 */
export async function startServer(env: E2eEnv, extra: Record<string, unknown> = {}) {
	const server = cli.startServer({ ...env.opts, brokerPort: env.port + 1, ...extra });
	// n8n's whole log goes to the suite's secret scan once the server has stopped.
	const stop = server.stop;
	server.stop = async (...args: unknown[]) => {
		const result = await stop(...args);
		recordServerLog(server.logs());
		return result;
	};
	try {
		await server.ready;
		await cli.ensureOwner(server.url, OWNER);
		const cookie: string = await cli.login(server.url, OWNER);
		return { server, cookie, url: server.url as string };
	} catch (e) {
		const failed = withLogTail(e, 'n8n', server.logs());
		await server.stop();
		throw failed;
	}
}

/** `e` with the end of the log of the n8n process (`who`) it came from, to read why it failed. */
export function withLogTail(e: unknown, who: string, logs: string): Error {
	return new Error(`${(e as Error).message}\n--- ${who} log (tail) ---\n${logs.slice(-4000)}`);
}

/** fetch() against n8n's REST API with the session cookie. */
export async function rest(url: string, cookie: string, method: string, p: string, body?: unknown) {
	const res = await fetch(url + p, {
		method,
		headers: {
			cookie,
			Accept: 'application/json',
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	recordRestAnswer(method, p, res.status, text);
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, text, json };
}

/** A workflow's stored executions, newest first (n8n's REST API, the newest 100): id, status, mode. */
export async function workflowExecutions(
	url: string,
	cookie: string,
	workflowId: string,
): Promise<{ id: string; status: string; mode: string }[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const r = await rest(url, cookie, 'GET', `/rest/executions?filter=${filter}&limit=100`);
	const results: Array<{ id: string | number; status: string; mode: string }> | undefined = r.json?.data?.results;
	if (r.status !== 200 || !Array.isArray(results))
		throw new Error(`GET /rest/executions: HTTP ${r.status} ${r.text.slice(0, 300)}`);
	return results.map((e) => ({ ...e, id: String(e.id) }));
}

/** Deep copy of a value with Maps and Sets turned into plain objects/arrays (for state snapshots). */
export function plain<T = any>(v: unknown): T {
	return JSON.parse(
		JSON.stringify(v, (_k, x) => (x instanceof Map ? Object.fromEntries(x) : x instanceof Set ? [...x] : x)),
	);
}

export const seconds = (t: number) => Math.round((Date.now() - t) / 100) / 10;
