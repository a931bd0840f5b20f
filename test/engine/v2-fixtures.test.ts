/**
 * Every real v2 response body in test/sandbox/data/v2-fixtures/ (copied from the shared
 * reference by scripts/extract-reference.ts), served by the sandbox byte for byte:
 *  - where the node has an operation that reads it, that operation runs through n8n's engine and
 *    its output items must be exactly the fixture's records;
 *  - where it has none, a test's own HTTP request gets it from its v2 endpoint, and it is parsed
 *    as the node parses v2 answers: pages with apiStyles' v2 items/nextPage (the built node's, from
 *    dist/); a single object or an array is not a page and is said so.
 * A fixture file with neither mapping fails.
 */
import path from 'node:path';

import { DIST_DIR } from '../harness';
import {
	listV2Fixtures,
	readV2Fixture,
	readV2FixtureText,
	serveV2Fixture,
	V2_FIXTURE_ENDPOINTS,
	v2FixturePath,
} from '../sandbox/v2-fixtures';
import { byId, jsonOf, v2, World } from './world';

type Json = Record<string, unknown>;

interface V2PageParsing {
	items(body: Json, itemsKey: string): Json[];
	nextPage(body: Json, endpoint: string): { endpoint?: string; qs: Json } | undefined;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { v2Style } = require(path.join(DIST_DIR, 'nodes/ConstantContact/transport/apiStyles.js')) as {
	v2Style: V2PageParsing;
};

const CAMPAIGN = '1100394165290';
const campaign = { campaignId: byId(CAMPAIGN) };

interface NodeRead {
	operation: string;
	parameters: Json;
	/** Path parameters of the fixture's endpoint as the node fills them. */
	params: Record<string, string>;
	/** The output items' json the fixture must give. */
	expected: (fixture: any) => Json[];
}

const withCampaign = (records: Json[]) => records.map((r) => ({ campaign_id: CAMPAIGN, ...r }));
const trackingRead = (type: string): NodeRead => ({
	operation: `Tracking › Get Activity (${type}, Return All)`,
	parameters: { resource: 'tracking', operation: 'getActivity', ...campaign, trackingType: type, returnAll: true },
	params: { campaignId: CAMPAIGN },
	expected: (f) => f.results,
});

/** Fixtures a node operation reads. */
const NODE_READS: Record<string, NodeRead> = {
	'Campaigns/get_campaign.json': {
		operation: 'Campaign › Get',
		parameters: { resource: 'campaign', operation: 'get', ...campaign },
		params: { campaignId: CAMPAIGN },
		expected: (f) => [f],
	},
	'Campaigns/get_campaigns.json': {
		operation: 'Campaign › Get Many (Return All)',
		parameters: { resource: 'campaign', operation: 'getMany', returnAll: true },
		params: {},
		expected: (f) => f.results,
	},
	'Campaigns/get_preview.json': {
		operation: 'Campaign › Get Preview',
		parameters: { resource: 'campaign', operation: 'getPreview', ...campaign },
		params: { campaignId: CAMPAIGN },
		expected: (f) => withCampaign([f]),
	},
	'Campaigns/post_test_send.json': {
		operation: 'Campaign › Send Test',
		parameters: {
			resource: 'campaign',
			operation: 'sendTest',
			...campaign,
			emailAddresses: 'test@roving.com',
			format: 'HTML',
			additionalFields: { personalMessage: 'oh hai there' },
		},
		params: { campaignId: CAMPAIGN },
		expected: (f) => withCampaign([f]),
	},
	'Campaigns/get_schedule.json': {
		operation: 'Schedule › Get',
		parameters: { resource: 'schedule', operation: 'get', ...campaign, scheduleId: '1' },
		params: { campaignId: CAMPAIGN, scheduleId: '1' },
		expected: (f) => withCampaign([f]),
	},
	'Campaigns/get_schedules.json': {
		operation: 'Schedule › Get Many (Return All)',
		parameters: { resource: 'schedule', operation: 'getMany', ...campaign, returnAll: true },
		params: { campaignId: CAMPAIGN },
		expected: (f) => withCampaign(f),
	},
	'Lists/get_lists.json': {
		operation: 'Contact List › Get Many (Return All)',
		parameters: { resource: 'contactList', operation: 'getMany', returnAll: true },
		params: {},
		expected: (f) => f,
	},
	'Tracking/get_summary.json': {
		operation: 'Tracking › Get Summary',
		parameters: { resource: 'tracking', operation: 'getSummary', ...campaign },
		params: { campaignId: CAMPAIGN },
		expected: (f) => [f],
	},
	'Tracking/get_bounces.json': trackingRead('bounces'),
	'Tracking/get_clicks.json': trackingRead('clicks'),
	'Tracking/get_forwards.json': trackingRead('forwards'),
	'Tracking/get_opens.json': trackingRead('opens'),
	'Tracking/get_opt_outs.json': trackingRead('unsubscribes'),
	'Tracking/get_sends.json': trackingRead('sends'),
};

/** Fixtures no node operation reads (v2 contacts, library, bulk activities, account, v2 OAuth): path parameters to ask with. */
const SERVED_ONLY: Record<string, Record<string, string>> = {
	'Account/get_account_info.json': {},
	'Account/get_verified_email_addresses.json': {},
	'Activities/get_activities.json': {},
	'Activities/get_activity.json': { activityId: 'a07e1ikxyomhd4la0o9' },
	'Activities/post_add_contacts.json': {},
	'Activities/post_clear_lists.json': {},
	'Activities/post_export_contacts.json': {},
	'Activities/post_remove_contacts_from_lists.json': {},
	'Auth/get_access_token.json': {},
	'Auth/token_info.json': {},
	'Contacts/get_contact.json': { contactId: '238' },
	'Contacts/get_contacts.json': {},
	'Contacts/get_contacts_no_next.json': {},
	'Library/get_file_upload_status.json': { fileId: '9' },
	'Library/get_library_file.json': { fileId: '4' },
	'Library/get_library_files.json': {},
	'Library/get_library_folder.json': { folderId: '-5' },
	'Library/get_library_folders.json': {},
	'Lists/get_list.json': { listId: '6' },
};

/** The `next` cursor of a v2 page's next_link, if it has one. */
function nextCursor(body: any): string | undefined {
	const link = body?.meta?.pagination?.next_link;
	return typeof link === 'string'
		? (new URL(link, 'http://v2.invalid').searchParams.get('next') ?? undefined)
		: undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const isPage = (body: unknown): body is Json =>
	!!body && typeof body === 'object' && !Array.isArray(body) && Array.isArray((body as Json).results);
const isRecord = (value: unknown) =>
	!!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0;

let world: World;
beforeAll(async () => {
	// The direct requests come back to back: the rate limit is not what this file checks.
	world = await World.start({ rateLimitPerSecond: false });
});
afterEach(() => world.sandbox.canned.clear());
afterAll(async () => await world.close());

const fixtures = listV2Fixtures();

test('the fixtures are there, each has a v2 endpoint, and every mapping names an existing file', () => {
	expect(fixtures.length).toBeGreaterThanOrEqual(33);
	expect(fixtures.filter((f) => !V2_FIXTURE_ENDPOINTS[f])).toEqual([]);
	expect([...Object.keys(NODE_READS), ...Object.keys(SERVED_ONLY)].filter((f) => !fixtures.includes(f))).toEqual([]);
	expect(Object.keys(NODE_READS).filter((f) => f in SERVED_ONLY)).toEqual([]);
});

for (const file of fixtures) {
	const endpoint = V2_FIXTURE_ENDPOINTS[file];
	const read = NODE_READS[file];
	const servedOnly = SERVED_ONLY[file];
	if (read) {
		test(`${file}: the node's v2 ${read.operation} reads it from ${endpoint?.method} ${endpoint?.path} into exactly its records`, async () => {
			const fixture = readV2Fixture(file);
			const cursor = nextCursor(fixture);
			serveV2Fixture(world.sandbox, file, read.params);
			// The fixture's next_link is followed: its cursor gets an empty last page.
			if (cursor)
				world.sandbox.canned.add({
					method: 'GET',
					path: v2FixturePath(file, read.params),
					query: { next: cursor },
					reply: { status: 200, body: { meta: { pagination: {} }, results: [] } },
				});
			const mark = world.mark;

			const items = jsonOf(await world.run({ ...v2, ...read.parameters }));

			const expected = read.expected(fixture);
			expect(expected.length).toBeGreaterThan(0);
			expect(items).toEqual(expected);
			expect(world.sandbox.canned.pending).toEqual([]);
			const sent = world.sandbox.requests.slice(mark).filter((r) => r.path === v2FixturePath(file, read.params));
			expect(sent.map((r) => r.status)).toEqual(cursor ? [endpoint.status, 200] : [endpoint.status]);
			if (cursor) expect(sent[1].query.next).toBe(cursor);
		});
	} else if (servedOnly) {
		const body = readV2Fixture(file);
		const shape = isPage(body)
			? `v2 page parsing (apiStyles v2 items + nextPage, from dist/) gives its ${plural((body.results as unknown[]).length, 'record')}${nextCursor(body) ? ' and its next cursor' : ' and no next page'}`
			: Array.isArray(body)
				? `a JSON array of ${plural(body.length, 'record')}, not a v2 page (no node parsing applies)`
				: 'a single JSON record, not a v2 page (no node parsing applies)';
		test(`${file}: no node operation reads it; served at ${endpoint?.method} ${endpoint?.path} to a direct request, ${shape}`, async () => {
			serveV2Fixture(world.sandbox, file, servedOnly);
			const response = await directRequest(file, servedOnly);
			expect(response.status).toBe(endpoint.status);
			expect(response.text).toBe(readV2FixtureText(file));
			expect(world.sandbox.canned.pending).toEqual([]);

			const parsed = JSON.parse(response.text) as unknown;
			const pageParsing = v2Style.items(parsed as Json, 'results');
			if (isPage(parsed)) {
				expect(pageParsing).toEqual(parsed.results);
				expect(pageParsing.length).toBeGreaterThan(0);
				expect(pageParsing.every(isRecord)).toBe(true);
				const cursor = nextCursor(parsed);
				const endpointPath = endpoint.path.replace(/^\/v2/, '');
				expect(v2Style.nextPage(parsed, endpointPath)).toEqual(
					cursor ? { endpoint: endpointPath, qs: { next: cursor } } : undefined,
				);
			} else {
				expect(pageParsing).toEqual([]);
				const records = Array.isArray(parsed) ? parsed : [parsed];
				expect(records.length).toBeGreaterThan(0);
				expect(records.every(isRecord)).toBe(true);
			}
		});
	} else {
		test(`${file}: has a mapping to a node operation or to the served-only list`, () => {
			throw new Error(
				`${file} is in test/sandbox/data/v2-fixtures but neither NODE_READS nor SERVED_ONLY of this test maps it`,
			);
		});
	}
}

/** The request a v2 client makes to the fixture's endpoint: api_key + bearer on /v2, a form on v2's OAuth server. */
async function directRequest(file: string, params: Record<string, string>): Promise<{ status: number; text: string }> {
	const { method } = V2_FIXTURE_ENDPOINTS[file];
	const target = new URL(world.sandbox.url + v2FixturePath(file, params));
	const init: RequestInit = { method, headers: { Accept: 'application/json' } };
	if (target.pathname.startsWith('/v2/')) {
		target.searchParams.set('api_key', world.sandbox.secrets.v2ApiKey);
		init.headers = { ...init.headers, Authorization: `Bearer ${world.sandbox.secrets.v2AccessToken}` };
		if (method === 'POST') init.body = '{}';
		if (method === 'POST') init.headers = { ...init.headers, 'Content-Type': 'application/json' };
	} else {
		init.headers = { ...init.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
		init.body = new URLSearchParams({ grant_type: 'authorization_code', code: 'fixture-code' }).toString();
	}
	const response = await fetch(target, init);
	return { status: response.status, text: await response.text() };
}
