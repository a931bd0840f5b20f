/** The set-up of the sandbox's own tests over real HTTP (plain fetch, no n8n). */
import { Sandbox, type SandboxOptions } from './index';

export interface Answer {
	status: number;
	/** The parsed body of a JSON answer (undefined for an empty or a CSV one). */
	body: any;
	text: string;
	headers: Headers;
}

/**
 * A sandbox for a test file: started before its tests (no rate limits, no seed data unless
 * `options` say otherwise), reset with a fresh v3 access token before each test, and after each
 * test it must have seen no request or answer outside the contract. `sb` is the Sandbox;
 * `call` sends a v3 request with the current token (`renewToken()` takes a new one).
 */
export function useSandbox(options: SandboxOptions = {}) {
	let sandbox: Sandbox | undefined;
	let token = '';
	beforeAll(async () => {
		sandbox = await Sandbox.start({ rateLimitPerSecond: false, dailyLimit: false, seed: false, ...options });
	});
	afterAll(async () => {
		await sandbox?.close();
	});
	const renewToken = (): void => {
		token = sandbox!.issueTokens().access_token;
	};
	beforeEach(() => {
		sandbox!.reset();
		renewToken();
	});
	afterEach(() => {
		expect(sandbox!.contractViolations).toEqual([]);
		expect(sandbox!.responseViolations).toEqual([]);
	});

	const sb = new Proxy({} as Sandbox, {
		get(_target, key) {
			if (!sandbox) throw new Error('useSandbox(): the sandbox is there once beforeAll has run');
			const value = Reflect.get(sandbox, key, sandbox) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(sandbox) : value;
		},
	});

	async function call(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Answer> {
		const r = await fetch(`${sb.v3BaseUrl}${path}`, {
			method,
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept },
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
		const text = await r.text();
		// A JSON answer must parse (a test asking for JSON fails on anything else); a CSV one has only `text`.
		const json = accept === 'application/json' || /json/.test(r.headers.get('content-type') ?? '');
		return { status: r.status, body: text && json ? JSON.parse(text) : undefined, text, headers: r.headers };
	}

	return {
		sb,
		renewToken,
		call,
		get: (path: string) => call('GET', path),
		post: (path: string, body: unknown) => call('POST', path, body),
		del: (path: string) => call('DELETE', path),
	};
}
