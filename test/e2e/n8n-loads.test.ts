/**
 * `n8n start` (the real 2.41 server) with this package installed as a community package: it
 * loads without warnings about our package, the node type is served by the REST API, and both
 * credentials pass n8n's own credential test against the sandbox (a wrong v2 api key fails).
 */
import { createEnv, startServer, rest, E2eEnv, NODE_TYPE, seconds } from './real-n8n';

let env: E2eEnv;
let server: any;
let cookie: string;
let url: string;
const timings: Record<string, number> = {};

beforeAll(async () => {
	const t = Date.now();
	env = await createEnv('loads');
	timings.setup = seconds(t);
	const t2 = Date.now();
	({ server, cookie, url } = await startServer(env));
	timings.serverReady = seconds(t2);
}, 300_000);

afterAll(async () => {
	if (server) await server.stop();
	if (env) await env.cleanup();

	console.log(`n8n-loads.test.ts timings (s): ${JSON.stringify(timings)}`);
});

test("the package loads without warnings or errors about it in n8n's log", async () => {
	const log: string = server.logs();
	expect(log).toMatch(/Editor is now accessible/);
	const ours = log
		.split('\n')
		.filter((l) => /n8n-nodes-constant-contact|constantContact|Constant ?Contact/i.test(l))
		.filter((l) => /warn|error|fail|could not|cannot|deprecat/i.test(l));
	expect(ours).toEqual([]);
	expect(log).not.toMatch(/Failed to load|Could not load|Error loading package/i);
});

test('the node type is listed by the REST API', async () => {
	const r = await rest(url, cookie, 'GET', '/types/nodes.json');
	expect(r.status).toBe(200);
	const types: any[] = r.json;
	expect(Array.isArray(types)).toBe(true);
	const ours = types.filter((t) => t.name === NODE_TYPE);
	expect(ours).toHaveLength(1);
	expect(ours[0].displayName).toBe('Constant Contact');
	expect(ours[0].credentials.map((c: any) => c.name).sort()).toEqual([
		'constantContactApi',
		'constantContactOAuth2Api',
	]);

	const creds = await rest(url, cookie, 'GET', '/types/credentials.json');
	expect(creds.status).toBe(200);
	const names = (creds.json as any[]).map((c) => c.name);
	expect(names).toEqual(expect.arrayContaining(['constantContactApi', 'constantContactOAuth2Api']));
});

/** POST /rest/credentials/test with the stored credential (optionally with changed data). */
async function testCredential(id: string, change: Record<string, unknown> = {}) {
	const stored = await rest(url, cookie, 'GET', `/rest/credentials/${id}?includeData=true`);
	expect(stored.status).toBe(200);
	const { name, type, data } = stored.json.data;
	// n8n answers secrets as a blanking sentinel and OAuth2 token data as `true`; sent back, the
	// sentinel makes n8n use the stored value (what its editor does), so send it for the tokens too.
	const sentinel = Object.values(data).find((v) => typeof v === 'string' && v.startsWith('__n8n_BLANK_VALUE_'));
	if (data.oauthTokenData === true) {
		expect(sentinel).toBeDefined();
		data.oauthTokenData = sentinel;
	}
	const r = await rest(url, cookie, 'POST', '/rest/credentials/test', {
		credentials: { id, name, type, data: { ...data, ...change } },
	});
	expect(r.status).toBe(200);
	return r.json.data as { status: 'OK' | 'Error'; message: string };
}

test('v2 credential test passes (GET {baseUrl}/account/info)', async () => {
	const before = env.sandbox.requests.length;
	const result = await testCredential('ccApiKeyDemo');
	expect(result).toMatchObject({ status: 'OK' });
	const calls = env.sandbox.requests.slice(before);
	expect(calls.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual([
		expect.stringMatching(/^GET \S*\/account\/info 200$/),
	]);
	expect(calls[0].api).toBe('v2');
});

test('v3 OAuth2 credential test passes (GET {baseUrl}/account/summary)', async () => {
	const before = env.sandbox.requests.length;
	const result = await testCredential('ccOAuth2Demo');
	expect(result).toEqual({ status: 'OK', message: expect.any(String) });
	const calls = env.sandbox.requests.slice(before);
	expect(calls.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual([
		expect.stringMatching(/^GET \S*\/account\/summary 200$/),
	]);
	expect(calls[0].api).toBe('v3');
	expect(calls[0].headers.authorization).toBe(`Bearer ${env.credentials.v3.data.oauthTokenData.access_token}`);
});

test('a wrong v2 api key is answered as failing', async () => {
	const before = env.sandbox.requests.length;
	const result = await testCredential('ccApiKeyDemo', { apiKey: 'not-the-right-key' });
	expect(result.status).toBe('Error');
	expect(result.message).toBeTruthy();
	const calls = env.sandbox.requests.slice(before);
	expect(calls.length).toBeGreaterThanOrEqual(1);
	expect(calls.every((q) => q.status === 401 && /\/account\/info$/.test(q.path))).toBe(true);
	expect(calls.every((q) => q.query.api_key === 'not-the-right-key')).toBe(true);
});
