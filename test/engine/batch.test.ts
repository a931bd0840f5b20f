/**
 * The batch form of operation (executeBatch): one request carries the ids of many items, and the
 * router still pairs every output with exactly the items it came from and marks only the items a
 * failure concerns.
 */
import { jsonOf, v3, World } from './world';

let world: World;
beforeAll(async () => {
	world = await World.start();
});
afterAll(async () => await world.close());
afterEach(() => expect(world.sandbox.contractViolations).toEqual([]));

const activityIds = (n: number) => world.draftCampaigns('v3', n, { prefix: 'Batch' }).map((c) => c.activityId);
const activityStats = (input: Array<Record<string, unknown>>, continueOnFail = false) =>
	world.run(
		{ ...v3, resource: 'report', operation: 'getActivityStats', campaignActivityIds: '={{ $json.ids }}' },
		{ input, continueOnFail },
	);
const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';
const paired = (items: Array<{ pairedItem?: unknown }>) => items.map((item) => JSON.stringify(item.pairedItem));

describe('batch form: report stats for many items', () => {
	test('the distinct ids of all items go in as few calls as the API allows; each row is paired with its item', async () => {
		const ids = activityIds(9);
		const input = [{ ids: ids.slice(0, 6) }, { ids: ids.slice(3, 9) }, { ids: [ids[8], ids[0]] }];
		const mark = world.mark;
		const result = await activityStats(input);
		expect(result.error).toBeUndefined();
		// 9 distinct ids, 10 per call: one call, although the items ask for 14.
		const calls = world.accepted('GET', /^\/v3\/reports\/stats\/email_campaign_activities\//, mark);
		expect(calls).toHaveLength(1);
		expect(calls[0].path.split('/').pop()!.split(',')).toHaveLength(9);
		expect(jsonOf(result).map((row) => row.campaign_activity_id)).toEqual(input.flatMap((i) => i.ids));
		expect(paired(result.items)).toEqual(input.flatMap((i, n) => i.ids.map(() => JSON.stringify({ item: n }))));
	});

	test('25 distinct ids over 3 items take 3 calls of at most 10', async () => {
		const ids = activityIds(25);
		const mark = world.mark;
		const result = await activityStats([{ ids: ids.slice(0, 12) }, { ids: ids.slice(12, 20) }, { ids: ids.slice(20) }]);
		expect(jsonOf(result)).toHaveLength(25);
		const calls = world.accepted('GET', /^\/v3\/reports\/stats\/email_campaign_activities\//, mark);
		expect(calls.map((c) => c.path.split('/').pop()!.split(',').length).sort((a, b) => b - a)).toEqual([10, 10, 5]);
	});

	test('with Continue On Fail, a bad value and an unknown id fail only their own items', async () => {
		const ids = activityIds(4);
		const mark = world.mark;
		const result = await activityStats(
			[{ ids: ids.slice(0, 2) }, { ids: 'nope' }, { ids: [ids[2], UNKNOWN] }, { ids: [ids[3]] }],
			true,
		);
		// The bad value asks for nothing: one call for the 5 good ids.
		expect(world.accepted('GET', /^\/v3\/reports\/stats\//, mark)).toHaveLength(1);
		expect(paired(result.items)).toEqual(['{"item":0}', '{"item":0}', '{"item":1}', '{"item":2}', '{"item":3}']);
		const json = jsonOf(result);
		expect(json[0].campaign_activity_id).toBe(ids[0]);
		expect(json[2].error).toBe('"Campaign Activity IDs" is not a valid ID: "nope"');
		expect(json[3].error).toBe(`No stats for campaign activity ID "${UNKNOWN}"`);
		expect(json[4].campaign_activity_id).toBe(ids[3]);
	});

	test('a failed call fails exactly the items that asked for one of its ids', async () => {
		const ids = activityIds(10);
		const [other] = activityIds(1);
		// 11 distinct ids: a call of 10 (item 0's) and a call of 1 (item 1's), which the API refuses.
		world.sandbox.injectFault({ kind: 'status', status: 400, path: new RegExp(other) });
		const result = await activityStats([{ ids }, { ids: [other] }, { ids: ids.slice(0, 1) }], true);
		const json = jsonOf(result);
		expect(paired(result.items)).toEqual([...ids.map(() => '{"item":0}'), '{"item":1}', '{"item":2}']);
		expect(json[10].httpCode).toBe('400');
		expect(json[11].campaign_activity_id).toBe(ids[0]);
	});

	test('without Continue On Fail the run fails with the first failing item (by index), naming it', async () => {
		const ids = activityIds(2);
		const result = await activityStats([{ ids }, { ids: [UNKNOWN] }, { ids: 'nope' }]);
		expect(result.error?.message).toBe(`No stats for campaign activity ID "${UNKNOWN}"`);
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		expect(result.items).toEqual([]);
	});
});

describe('batch form: v2 -> v3 campaign ids for many items', () => {
	test('items sharing ids are answered by one call, each row paired with its item', async () => {
		// The account's seeded v2 campaign, which has a v3 campaign.
		const seeded = '1100394165290';
		const mark = world.mark;
		const result = await world.run(
			{ ...v3, resource: 'campaign', operation: 'getByV2Id', v2CampaignIds: '={{ $json.ids }}' },
			{ input: [{ ids: [seeded] }, { ids: 'x' }, { ids: [seeded] }], continueOnFail: true },
		);
		expect(world.accepted('GET', /campaign_id_xrefs$/, mark)).toHaveLength(1);
		const json = jsonOf(result);
		expect(json.map((r) => r.v2_email_campaign_id ?? r.error)).toEqual([
			seeded,
			'"V2 Campaign IDs" has an ID that is not a v2 campaign ID: "x"',
			seeded,
		]);
		expect(paired(result.items)).toEqual(['{"item":0}', '{"item":1}', '{"item":2}']);
	});
});
