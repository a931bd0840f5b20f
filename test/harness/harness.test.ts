/**
 * Proves the harness against a fixture node and a local HTTP server: real requests through
 * n8n-core's request helpers, v2 generic auth (api_key + bearer), OAuth2 refresh on 401 with
 * persisted rotated tokens, continueOnFail, error surface and log capture.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { engineLine, runNode, runWorkflow, versions } from './index';
import { FixtureNode } from './fixtures/Fixture.node';

declare const __N8N_ENGINE_LINE__: string | undefined;

const extraNodes = [{ type: 'fixture', node: new FixtureNode() }];

const CLIENT_ID = 'client-id-123';
const CLIENT_SECRET = 'client-secret-xyz-789';
const V2_KEY = 'v2-api-key-abc';
const V2_TOKEN = 'v2-access-token-def';

interface Seen {
	method: string;
	url: string;
	authorization?: string;
	body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
const oauth = { access: 'access-1', refresh: 'refresh-1', generation: 1, validAccess: 'access-2' };

function send(res: ServerResponse, status: number, body: unknown) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

function handle(req: IncomingMessage, res: ServerResponse, body: string) {
	const url = new URL(req.url ?? '/', 'http://x');
	seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });

	if (url.pathname === '/v2/account/info') {
		if (url.searchParams.get('api_key') === V2_KEY && req.headers.authorization === `Bearer ${V2_TOKEN}`) {
			return send(res, 200, { api: 'v2', ok: true });
		}
		return send(res, 401, { error_key: 'http.status.unauthorized', error_message: 'Not authorized' });
	}

	if (url.pathname === '/oauth/token' && req.method === 'POST') {
		const expected = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
		if (req.headers.authorization !== expected) return send(res, 401, { error: 'invalid_client' });
		const form = new URLSearchParams(body);
		if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== oauth.refresh) {
			return send(res, 400, { error: 'invalid_grant' });
		}
		oauth.generation += 1;
		oauth.access = `access-${oauth.generation}`;
		oauth.refresh = `refresh-${oauth.generation}`;
		return send(res, 200, {
			access_token: oauth.access,
			refresh_token: oauth.refresh,
			expires_in: 7200,
			token_type: 'Bearer',
			scope: 'account_read offline_access',
		});
	}

	if (url.pathname.startsWith('/v3/')) {
		if (req.headers.authorization !== `Bearer ${oauth.access}` || oauth.access === 'access-1') {
			return send(res, 401, { error_key: 'unauthorized', error_message: 'token expired' });
		}
		if (url.pathname === '/v3/account/summary') return send(res, 200, { api: 'v3', ok: true });
		if (url.pathname === '/v3/bad') return send(res, 400, [{ error_key: 'bad', error_message: 'Bad thing happened' }]);
		return send(res, 404, { error_message: 'not found' });
	}
	return send(res, 404, { error_message: 'not found' });
}

beforeAll(async () => {
	server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => handle(req, res, body));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
	seen.length = 0;
	Object.assign(oauth, { access: 'access-1', refresh: 'refresh-1', generation: 1 });
});

const v2Credentials = () => ({ apiKey: V2_KEY, accessToken: V2_TOKEN, baseUrl: `${base}/v2` });
const oauthCredentials = () => ({
	clientId: CLIENT_ID,
	clientSecret: CLIENT_SECRET,
	authServerUrl: `${base}/oauth/`,
	baseUrl: `${base}/v3`,
	grantType: 'authorizationCode',
	scope: 'account_read offline_access',
	oauthTokenData: { access_token: 'access-1', refresh_token: 'refresh-1', expires_in: 7200, token_type: 'Bearer' },
});

function expectNoSecretInLogs(logs: string[], secrets: string[]) {
	for (const secret of secrets) {
		for (const line of logs) expect(line).not.toContain(secret);
	}
}

describe(`harness on engine ${engineLine()} (n8n-core ${versions.core}, n8n-workflow ${versions.workflow})`, () => {
	it('loads the engine line this jest project asks for, for the harness and the node alike', () => {
		if (typeof __N8N_ENGINE_LINE__ === 'string') expect(engineLine()).toBe(__N8N_ENGINE_LINE__);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const nodeSideWorkflow = require('n8n-workflow/package.json').version as string;
		expect(nodeSideWorkflow.split('.')[0]).toBe(engineLine() === '1.x' ? '1' : '2');
	});

	it('v2: signs with api_key query and bearer header from the generic authenticate', async () => {
		const result = await runNode({
			nodeType: 'fixture',
			extraNodes,
			parameters: { authentication: 'apiKey', path: '/account/info' },
			input: [{ a: 1 }, { a: 2 }],
			credentials: { constantContactApi: v2Credentials() },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{ api: 'v2', ok: true, input: { a: 1 } },
			{ api: 'v2', ok: true, input: { a: 2 } },
		]);
		expect(seen).toHaveLength(2);
		expect(seen[0].url).toBe(`/v2/account/info?api_key=${V2_KEY}`);
		expect(seen[0].authorization).toBe(`Bearer ${V2_TOKEN}`);
		expect(result.logs.some((l) => l.includes('fixture: GET /account/info with constantContactApi'))).toBe(true);
		expectNoSecretInLogs(result.logs, result.credentialStore.secrets());
	});

	it('OAuth2: a 401 makes n8n-core refresh at the $self-derived token URL, retry, and persist rotated tokens', async () => {
		const result = await runNode({
			nodeType: 'fixture',
			extraNodes,
			parameters: { authentication: 'oAuth2', path: '/account/summary' },
			credentials: { constantContactOAuth2Api: oauthCredentials() },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ api: 'v3', ok: true, input: {} });

		expect(seen.map((s) => `${s.method} ${s.url} ${s.authorization?.split(' ')[0]}`)).toEqual([
			'GET /v3/account/summary Bearer',
			'POST /oauth/token Basic',
			'GET /v3/account/summary Bearer',
		]);
		expect(seen[0].authorization).toBe('Bearer access-1');
		expect(new URLSearchParams(seen[1].body).get('grant_type')).toBe('refresh_token');
		expect(new URLSearchParams(seen[1].body).get('refresh_token')).toBe('refresh-1');
		expect(seen[2].authorization).toBe('Bearer access-2');

		const stored = result.credentialStore.get('constantContactOAuth2Api')!;
		const tokenData = stored.oauthTokenData as Record<string, unknown>;
		expect(tokenData.access_token).toBe('access-2');
		expect(tokenData.refresh_token).toBe('refresh-2');
		// the rest of the credential is untouched
		expect(stored.clientSecret).toBe(CLIENT_SECRET);
		expect(stored.authServerUrl).toBe(`${base}/oauth/`);
		expect(result.credentialStore.updates.map((u) => u.kind)).toEqual(['oauthTokenData']);

		const secrets = result.credentialStore.secrets();
		expect(secrets).toEqual(expect.arrayContaining(['access-1', 'access-2', 'refresh-2', CLIENT_SECRET]));
		expectNoSecretInLogs(result.logs, secrets);

		// A second run with the same store uses the rotated token directly.
		seen.length = 0;
		const again = await runNode({
			nodeType: 'fixture',
			extraNodes,
			parameters: { authentication: 'oAuth2', path: '/account/summary' },
			credentials: { constantContactOAuth2Api: oauthCredentials() }, // ignored: id already in the store
			credentialStore: result.credentialStore,
		});
		expect(again.error).toBeUndefined();
		expect(seen.map((s) => s.authorization)).toEqual(['Bearer access-2']);
	});

	it('failing node: the NodeApiError object surfaces with the HTTP status and the API body in its cause', async () => {
		oauth.access = 'access-2'; // skip the refresh
		const credentials = oauthCredentials();
		credentials.oauthTokenData.access_token = 'access-2';
		const result = await runNode({
			nodeType: 'fixture',
			extraNodes,
			parameters: { authentication: 'oAuth2', path: '/bad' },
			credentials: { constantContactOAuth2Api: credentials },
		});
		expect(result.items).toEqual([]);
		expect(result.error).toBeInstanceOf(NodeApiError);
		const error = result.error as NodeApiError;
		expect(error.httpCode).toBe('400');
		expect(error.node?.name).toBe('Fixture');
		const cause = error.cause as unknown as { response?: { data?: unknown } } | undefined;
		if (engineLine() === '2.x') {
			// The API's own body, where N8N-RUNTIME.md says it is: error.cause.response.data
			expect(JSON.stringify(cause?.response?.data)).toContain('Bad thing happened');
		} else {
			// 1.x OAuth2 path (legacy helpers.request): n8n-core already throws a NodeApiError
			// without cause; the API's body is not reachable from the error at all.
			expect(cause).toBeUndefined();
		}
		expect(result.run.data.resultData.error).toBeDefined();
	});

	it('failing node: a NodeOperationError surfaces as is', async () => {
		const result = await runNode({
			nodeType: 'fixture',
			extraNodes,
			parameters: { authentication: 'apiKey', throwOperationError: true },
			credentials: { constantContactApi: v2Credentials() },
		});
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('Fixture operation error');
		expect(seen).toHaveLength(0);
	});

	it('continueOnFail: the failure becomes an output item and the run does not fail', async () => {
		const result = await runNode({
			nodeType: 'fixture',
			extraNodes,
			parameters: { authentication: 'apiKey', path: '/account/info' },
			input: [{ n: 1 }],
			credentials: { constantContactApi: { ...v2Credentials(), apiKey: 'wrong-key-000' } },
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(typeof result.items[0].json.error).toBe('string');
		expectNoSecretInLogs(result.logs, ['wrong-key-000', V2_TOKEN]);
	});

	it('runWorkflow: runs saved workflow JSON with a Manual Trigger and credential references', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					{
						id: 'a',
						name: 'When clicking',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 'b',
						name: 'Fixture',
						type: 'fixture',
						typeVersion: 1,
						position: [200, 0],
						parameters: { authentication: 'apiKey', path: '/account/info' },
						credentials: { constantContactApi: { id: 'abc', name: 'My v2 account' } },
					},
				],
				connections: { 'When clicking': { main: [[{ node: 'Fixture', type: 'main' as never, index: 0 }]] } },
			},
			{ extraNodes, credentials: { constantContactApi: v2Credentials() } },
		);
		expect(result.error).toBeUndefined();
		expect(result.runData.Fixture[0].data?.main[0]?.[0].json).toMatchObject({ api: 'v2', ok: true });
		expect(result.credentialStore.getById('abc')?.name).toBe('My v2 account');
	});
});
