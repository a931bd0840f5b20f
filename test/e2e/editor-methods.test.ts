/**
 * The node's editor methods (resource locator "From List" searches and the contact-list
 * multi-selects), called the way n8n 2.41's editor calls them: through the REST endpoints
 * POST /rest/dynamic-node-parameters/resource-locator-results and .../options of a real
 * `n8n start` with this package installed, against the sandbox running in this jest process.
 * The answers are compared with the sandbox's own state and API.
 */
import { createEnv, startServer, rest, E2eEnv, NODE_TYPE, seconds, C } from './real-n8n';

let env: E2eEnv;
let server: { stop(): Promise<unknown> } | undefined;
let cookie: string;
let url: string;
const timings: Record<string, number> = {};

const V3_CREDENTIAL = { constantContactOAuth2Api: { id: C.CREDENTIALS.v3.id, name: C.CREDENTIALS.v3.name } };
const V2_CREDENTIAL = { constantContactApi: { id: C.CREDENTIALS.v2.id, name: C.CREDENTIALS.v2.name } };
const EMPTY_LOCATOR = { __rl: true, mode: 'list', value: '' };

/** What the editor sends for each editor method (parameters of an operation that shows the field). */
const CONTEXT = {
	searchCampaigns: {
		path: 'parameters.campaignId',
		credentials: V3_CREDENTIAL,
		parameters: { authentication: 'oAuth2', resource: 'campaign', operation: 'get', campaignId: EMPTY_LOCATOR },
	},
	searchCampaignActivities: {
		path: 'parameters.campaignActivityId',
		credentials: V3_CREDENTIAL,
		parameters: {
			authentication: 'oAuth2',
			resource: 'campaignActivity',
			operation: 'get',
			campaignActivityId: EMPTY_LOCATOR,
		},
	},
	searchV2Campaigns: {
		path: 'parameters.campaignId',
		credentials: V2_CREDENTIAL,
		parameters: { authentication: 'apiKey', resource: 'campaign', operation: 'get', campaignId: EMPTY_LOCATOR },
	},
	getContactLists: {
		path: 'parameters.updateFields.contactListIds',
		credentials: V3_CREDENTIAL,
		parameters: {
			authentication: 'oAuth2',
			resource: 'campaignActivity',
			operation: 'update',
			campaignActivityId: EMPTY_LOCATOR,
			updateFields: { contactListIds: [] },
		},
	},
	getV2ContactLists: {
		path: 'parameters.contactListIds',
		credentials: V2_CREDENTIAL,
		parameters: { authentication: 'apiKey', resource: 'campaign', operation: 'create', contactListIds: [] },
	},
} as const;
type Method = keyof typeof CONTEXT;

interface SearchPage {
	results: { name: string; value: string; url?: string }[];
	paginationToken?: string;
}

/** One call of a listSearch method, as the editor makes it (filter and token only when set). */
async function search(methodName: Method, filter?: string, paginationToken?: string, credentials?: object) {
	const ctx = CONTEXT[methodName];
	return await rest(url, cookie, 'POST', '/rest/dynamic-node-parameters/resource-locator-results', {
		nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
		path: ctx.path,
		methodName,
		currentNodeParameters: ctx.parameters,
		credentials: credentials ?? ctx.credentials,
		...(filter === undefined ? {} : { filter }),
		...(paginationToken === undefined ? {} : { paginationToken }),
	});
}

/** Follows paginationToken until it is absent; every page answered 200. */
async function allPages(methodName: Method, filter?: string, maxPages = 20) {
	const pages: SearchPage[] = [];
	let token: string | undefined;
	do {
		const r = await search(methodName, filter, token);
		expect({ status: r.status, text: r.status === 200 ? '' : r.text }).toEqual({ status: 200, text: '' });
		const page = r.json.data as SearchPage;
		expect(Array.isArray(page.results)).toBe(true);
		pages.push(page);
		token = page.paginationToken;
		if (token !== undefined) expect(typeof token).toBe('string');
	} while (token && pages.length < maxPages);
	expect(token).toBeUndefined();
	return pages;
}

/** One call of a loadOptions method. */
async function loadOptions(methodName: Method, credentials?: object) {
	const ctx = CONTEXT[methodName];
	return await rest(url, cookie, 'POST', '/rest/dynamic-node-parameters/options', {
		nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
		path: ctx.path,
		methodName,
		currentNodeParameters: ctx.parameters,
		credentials: credentials ?? ctx.credentials,
	});
}

/** A request straight to the sandbox's API with the demo credentials (not through n8n). */
async function sandboxApi(api: 'v2' | 'v3', method: string, p: string, body?: unknown) {
	const sep = p.includes('?') ? '&' : '?';
	const target =
		api === 'v3'
			? `${env.sandbox.v3BaseUrl}${p}`
			: `${env.sandbox.v2BaseUrl}${p}${sep}api_key=${encodeURIComponent(env.sandbox.secrets.v2ApiKey)}`;
	const token = api === 'v3' ? env.credentials.v3.data.oauthTokenData.access_token : env.sandbox.secrets.v2AccessToken;
	const res = await fetch(target, {
		method,
		headers: {
			Authorization: `Bearer ${token}`,
			Accept: 'application/json',
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const byName = (a: string, b: string) => a.localeCompare(b);

/** Every secret the sandbox credentials hold. */
function secrets(): string[] {
	const v3 = env.credentials.v3.data;
	return [
		env.sandbox.secrets.v2ApiKey,
		env.sandbox.secrets.v2AccessToken,
		env.sandbox.secrets.clientSecret,
		v3.oauthTokenData.access_token,
		v3.oauthTokenData.refresh_token,
	];
}

let removedV3: string[] = [];
let deletedV2: string[] = [];
let deletedListName = '';

beforeAll(async () => {
	const t = Date.now();
	env = await createEnv('editor');
	timings.setup = seconds(t);
	const t2 = Date.now();
	({ server, cookie, url } = await startServer(env));
	timings.serverReady = seconds(t2);

	// Enough campaigns for several 100-record pages, some of them removed through the API (which
	// moves them to the top of the newest-first listing) plus one older, seeded one.
	const v3 = env.sandbox.draftCampaigns('v3', 250, { prefix: 'Paging test' }).map((c) => c.campaignId);
	const seededDraft = env.sandbox.v3Campaigns().find((c) => c.name === 'u8cf32jeirb2')!.campaign_id;
	removedV3 = [v3[3], v3[120], v3[248], v3[249], seededDraft];
	for (const id of removedV3) expect((await sandboxApi('v3', 'DELETE', `/emails/${id}`)).status).toBe(204);

	const v2 = env.sandbox.draftCampaigns('v2', 130, { prefix: 'V2 paging test' }).map((c) => c.campaignId);
	deletedV2 = [v2[0], v2[64], v2[129], '1100367567199'];
	for (const id of deletedV2)
		expect((await sandboxApi('v2', 'DELETE', `/emailmarketing/campaigns/${id}`)).status).toBe(204);

	// Contact lists whose names sort differently by case and code point, one of them deleted.
	for (const name of ['alpha subscribers', 'Zeta customers', 'beta testers', 'Deleted list']) {
		const r = await sandboxApi('v3', 'POST', '/contact_lists', { name, favorite: false });
		expect(r.status).toBe(201);
		if (name === 'Deleted list') {
			deletedListName = name;
			expect((await sandboxApi('v3', 'DELETE', `/contact_lists/${r.json.list_id}`)).status).toBe(202);
		}
	}
}, 300_000);

afterAll(async () => {
	if (server) await server.stop();
	if (env) await env.cleanup();

	console.log(`editor-methods.test.ts timings (s): ${JSON.stringify(timings)}`);
});

/** The sandbox's v3 campaigns as its API lists them (newest first), not removed. */
function liveV3Campaigns() {
	return env.sandbox
		.v3Campaigns()
		.filter((c) => c.current_status !== 'Removed')
		.sort((a, b) => b.updatedMs - a.updatedMs || (a.campaign_id < b.campaign_id ? 1 : -1));
}

describe('searchCampaigns (v3 campaign locator)', () => {
	test('following paginationToken lists every campaign once, newest first, without removed ones', async () => {
		const t = Date.now();
		const pages = await allPages('searchCampaigns');
		timings.searchCampaignsAllPages = seconds(t);
		// 260 campaigns on the API (250 + 10 seeded), 100 per API page.
		expect(pages.length).toBeGreaterThanOrEqual(3);
		const items = pages.flatMap((p) => p.results);
		const values = items.map((i) => i.value);
		expect(new Set(values).size).toBe(values.length);

		const live = liveV3Campaigns();
		expect(live.length).toBe(255);
		expect(values).toEqual(live.map((c) => c.campaign_id));
		for (const id of removedV3) expect(values).not.toContain(id);
		const byId = new Map(live.map((c) => [c.campaign_id, c]));
		for (const item of items) {
			const c = byId.get(item.value)!;
			expect(item.name).toBe(`${c.name} (${c.current_status})`);
		}
		// Newest first within each page (and so over the whole list, the API's order).
		for (const page of pages) {
			const dates = page.results.map((i) => byId.get(i.value)!.updatedMs);
			expect(dates).toEqual([...dates].sort((a, b) => b - a));
		}

		// Every value is an id the API knows.
		const answers = await Promise.all(values.map((id) => sandboxApi('v3', 'GET', `/emails/${id}`)));
		expect(answers.filter((a) => a.status !== 200)).toEqual([]);
		expect(answers.map((a) => a.json.campaign_id)).toEqual(values);
	});

	test('a filter keeps only names that contain it, whatever the case', async () => {
		const pages = await allPages('searchCampaigns', 'PAGING TEST 1');
		const names = pages.flatMap((p) => p.results.map((i) => i.name));
		const expected = liveV3Campaigns()
			.filter((c) => c.name.toLowerCase().includes('paging test 1'))
			.map((c) => `${c.name} (${c.current_status})`);
		// 1, 10-19, 100-199, minus the removed "Paging test 121"
		expect(expected.length).toBe(110);
		expect(names).toEqual(expected);

		const seeded = (await allPages('searchCampaigns', '  weekly SPECIALS ')).flatMap((p) => p.results);
		expect(seeded.map((i) => i.name)).toEqual(['Weekly specials (scheduled) (Scheduled)']);

		const none = (await allPages('searchCampaigns', 'no campaign is called this')).flatMap((p) => p.results);
		expect(none).toEqual([]);
		// A removed campaign is not found by its name either.
		const removedName = env.sandbox.v3Campaign(removedV3[0])!.name;
		const removed = (await allPages('searchCampaigns', removedName)).flatMap((p) => p.results);
		expect(removed.map((i) => i.name)).not.toContain(`${removedName} (Draft)`);
		expect(removed.map((i) => i.value)).not.toContain(removedV3[0]);
	});
});

describe('searchCampaigns: filters reaching past the newest page, and page tokens', () => {
	test('a filter that matches only an older campaign finds it in the first answer', async () => {
		const first = await search('searchCampaigns', '  weekly SPECIALS ');
		expect(first.status).toBe(200);
		expect((first.json.data as SearchPage).results.map((i) => i.name)).toEqual([
			'Weekly specials (scheduled) (Scheduled)',
		]);
	});

	test('a token that is not one the node gave is refused before any request', async () => {
		const forged = [
			'not json',
			JSON.stringify({ request: { endpoint: '/account/summary', qs: {} }, skip: 0 }),
			JSON.stringify({ request: { link: '/v3/account/summary', qs: {} }, skip: 0 }),
		];
		for (const token of forged) {
			const mark = env.sandbox.requests.length;
			const r = await search('searchCampaigns', undefined, token);
			expect(r.status).not.toBe(200);
			expect(r.text).toMatch(/page token is not valid/);
			expect(env.sandbox.requests.slice(mark)).toEqual([]);
		}
	});
});

describe('searchCampaignActivities (v3 campaign activity locator)', () => {
	test("values are the listed campaigns' primary_email activities, names contain the campaign names", async () => {
		const t = Date.now();
		const first = await search('searchCampaignActivities');
		expect(first.status).toBe(200);
		const page1 = first.json.data as SearchPage;
		expect(typeof page1.paginationToken).toBe('string');
		const second = await search('searchCampaignActivities', undefined, page1.paginationToken);
		expect(second.status).toBe(200);
		const page2 = second.json.data as SearchPage;
		timings.searchCampaignActivitiesTwoPages = seconds(t);

		// Removed campaigns leave no activity; each answer still fills up to 10 from further API
		// pages, so the first two answers are the 20 newest live campaigns, in the API's order.
		const live = env.sandbox
			.v3Campaigns()
			.sort((a, b) => b.updatedMs - a.updatedMs || (a.campaign_id < b.campaign_id ? 1 : -1))
			.filter((c) => c.current_status !== 'Removed');
		const expectedPage = (campaigns: typeof live) =>
			campaigns.map((c) => {
				const primary = c.activityIds.find((a) => a.role === 'primary_email')!;
				expect(env.sandbox.v3Activity(primary.campaign_activity_id)!.role).toBe('primary_email');
				return { campaign: c, value: primary.campaign_activity_id };
			});
		const want1 = expectedPage(live.slice(0, 10));
		const want2 = expectedPage(live.slice(10, 20));
		expect(page1.results.map((r) => r.value)).toEqual(want1.map((w) => w.value));
		expect(page2.results.map((r) => r.value)).toEqual(want2.map((w) => w.value));
		[...page1.results, ...page2.results].forEach((r, i) => {
			const { campaign } = [...want1, ...want2][i];
			expect(r.name).toBe(`${campaign.name} (primary email, ${campaign.current_status})`);
		});
		expect(page1.results.length).toBe(10);
		expect(page2.results.length).toBe(10);

		// Each value is an activity the API knows, a primary email.
		for (const r of [...page1.results, ...page2.results]) {
			const a = await sandboxApi('v3', 'GET', `/emails/activities/${r.value}`);
			expect(a.status).toBe(200);
			expect(a.json.role).toBe('primary_email');
		}
	});

	test('a filter applies to the campaign names', async () => {
		const r = await search('searchCampaignActivities', 'paging TEST 245');
		expect(r.status).toBe(200);
		const page = r.json.data as SearchPage;
		const c = env.sandbox.v3Campaigns().find((x) => x.name === 'Paging test 245')!;
		const primary = c.activityIds.find((a) => a.role === 'primary_email')!.campaign_activity_id;
		expect(page.results).toEqual([{ name: 'Paging test 245 (primary email, Draft)', value: primary }]);
	});
});

describe('searchV2Campaigns (v2 campaign locator)', () => {
	test("ids and names are the sandbox's v2 campaigns, newest first, deleted ones absent", async () => {
		const pages = await allPages('searchV2Campaigns');
		expect(pages.length).toBeGreaterThanOrEqual(2); // 136 live campaigns, 100 per page
		const items = pages.flatMap((p) => p.results);
		const live = env.sandbox
			.v2Campaigns()
			.filter((c) => c.status !== 'DELETED')
			.sort((a, b) => b.modifiedMs - a.modifiedMs || (a.id < b.id ? 1 : -1));
		expect(live.length).toBe(136);
		expect(items).toEqual(live.map((c) => ({ name: `${c.data.name} (${c.status})`, value: c.id })));
		for (const id of deletedV2) expect(items.map((i) => i.value)).not.toContain(id);

		const filtered = (await allPages('searchV2Campaigns', 'v2 PAGING test 12')).flatMap((p) => p.results);
		expect(filtered.map((i) => i.name)).toEqual(
			live.filter((c) => /v2 paging test 12/i.test(c.data.name)).map((c) => `${c.data.name} (${c.status})`),
		);
		expect(filtered.length).toBe(11); // 12, 120-129
	});
});

describe('contact list options', () => {
	const sandboxLists = () =>
		env.sandbox
			.contactLists()
			.filter((l) => !l.deleted_at)
			.sort((a, b) => byName(a.name, b.name));

	test('getContactLists (v3): exactly the live lists, by name, list_id as value', async () => {
		const r = await loadOptions('getContactLists');
		expect(r.status).toBe(200);
		const lists = sandboxLists();
		expect(lists.length).toBe(6);
		expect(r.json.data).toEqual(lists.map((l) => ({ name: l.name, value: l.list_id })));
		const names = (r.json.data as { name: string }[]).map((o) => o.name);
		expect(names).not.toContain(deletedListName);
		// case-insensitive order, as a person reads it
		expect(names).toEqual([
			'alpha subscribers',
			'beta testers',
			'General Interest',
			'mod_Test List 1',
			'Test List 4',
			'Zeta customers',
		]);
	});

	test('getV2ContactLists: the same lists with their v2 ids, by name', async () => {
		const r = await loadOptions('getV2ContactLists');
		expect(r.status).toBe(200);
		expect(r.json.data).toEqual(sandboxLists().map((l) => ({ name: l.name, value: l.v2Id })));
		const direct = await sandboxApi('v2', 'GET', '/lists');
		expect((r.json.data as { value: string }[]).map((o) => o.value).sort()).toEqual(
			(direct.json as { id: string }[]).map((l) => String(l.id)).sort(),
		);
	});
});

describe('a wrong credential', () => {
	const WRONG_V2_VALUE = 'wrong-api-key-3f9c1e77b2';
	let wrongCredential: { constantContactApi: { id: string; name: string } };

	beforeAll(async () => {
		const created = await rest(url, cookie, 'POST', '/rest/credentials', {
			name: 'Constant Contact v2 (wrong key)',
			type: 'constantContactApi',
			data: { apiKey: WRONG_V2_VALUE, accessToken: env.sandbox.secrets.v2AccessToken, baseUrl: env.sandbox.v2BaseUrl },
		});
		expect(created.status).toBe(200);
		wrongCredential = { constantContactApi: { id: created.json.data.id, name: created.json.data.name } };
	});

	function expectCleanError(r: Awaited<ReturnType<typeof rest>>) {
		expect(r.status).toBeGreaterThanOrEqual(400);
		expect(r.json).toBeDefined();
		for (const secret of [WRONG_V2_VALUE, ...secrets()]) expect(r.text).not.toContain(secret);
		return r.json;
	}

	test('searchV2Campaigns answers an error naming the refused authorization, without secrets', async () => {
		const before = env.sandbox.requests.length;
		const r = await search('searchV2Campaigns', undefined, undefined, wrongCredential);
		const body = expectCleanError(r);
		expect(body.message).toMatch(/unauthorized/i);
		expect(JSON.stringify(body)).toMatch(/api key|api_key|access token/i);
		const calls = env.sandbox.requests.slice(before);
		expect(calls.length).toBe(1); // a 401 is not retried
		expect(calls[0]).toMatchObject({ api: 'v2', status: 401, path: '/v2/emailmarketing/campaigns' });
	});

	test('getV2ContactLists answers the same way', async () => {
		const r = await loadOptions('getV2ContactLists', wrongCredential);
		const body = expectCleanError(r);
		expect(body.message).toMatch(/unauthorized/i);
	});
});

describe('a v3 credential whose tokens are no longer valid', () => {
	const BAD_ACCESS = 'revoked-access-token-7d1a0c';
	const BAD_REFRESH = 'revoked-refresh-token-52be9f';
	let revoked: { constantContactOAuth2Api: { id: string; name: string } };

	beforeAll(async () => {
		const data = env.credentials.v3.data;
		const created = await rest(url, cookie, 'POST', '/rest/credentials', {
			name: 'Constant Contact v3 (revoked)',
			type: 'constantContactOAuth2Api',
			data: {
				...data,
				oauthTokenData: { ...data.oauthTokenData, access_token: BAD_ACCESS, refresh_token: BAD_REFRESH },
			},
		});
		expect(created.status).toBe(200);
		revoked = { constantContactOAuth2Api: { id: created.json.data.id, name: created.json.data.name } };
	});

	test('searchCampaigns answers "reconnect", without tokens or the client secret', async () => {
		const before = env.sandbox.requests.length;
		const r = await search('searchCampaigns', undefined, undefined, revoked);
		expect(r.status).toBeGreaterThanOrEqual(400);
		for (const secret of [BAD_ACCESS, BAD_REFRESH, ...secrets()]) expect(r.text).not.toContain(secret);
		expect(r.json.message).toMatch(/reconnect/i);
		const calls = env.sandbox.requests.slice(before);
		// the listing refused (401), n8n's refresh refused; nothing else
		expect(calls.map((q) => `${q.api} ${q.status}`)).toEqual(
			expect.arrayContaining(['v3 401', expect.stringMatching(/^oauth 4\d\d$/)]),
		);
		expect(calls.filter((q) => q.api === 'v3' && q.status === 200)).toEqual([]);
	});
});
