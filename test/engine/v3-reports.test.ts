import type { SentCampaign } from '../sandbox';
import { byId, jsonOf, v3, World } from './world';

let world: World;
/** An email sent to 1,600 contacts two days ago: its activity and campaign ids. */
let big: SentCampaign<'v3'>;
/** A smaller one, sent the day after. */
let small: SentCampaign<'v3'>;

const LINKS = ['https://shop.example.com/spring', 'https://shop.example.com/roses', 'https://shop.example.com/tulips'];
const HTML = `<html><body><p>Spring is here.</p>${LINKS.map((l) => `<a href="${l}">${l}</a>`).join(' ')}</body></html>`;

const report = (operation: string, extra: Record<string, unknown>) => ({
	...v3,
	resource: 'report',
	operation,
	...extra,
});
const tracking = (activityId: string, trackingType: string, extra: Record<string, unknown> = {}) =>
	report('getTracking', { campaignActivityId: byId(activityId), trackingType, ...extra });

beforeAll(async () => {
	world = await World.start();
	const email = { subject: 'Spring sale', fromName: 'Garden Shop', html: HTML };
	big = world.sentCampaign('v3', { ...email, name: 'Spring (big)', audience: 1600, daysAgo: 2 });
	small = world.sentCampaign('v3', { ...email, name: 'Spring (small)', audience: 40, daysAgo: 1 });
}, 60000);
afterAll(async () => await world.close());
afterEach(() => {
	expect(world.sandbox.contractViolations).toEqual([]);
	expect(world.sandbox.responseViolations).toEqual([]);
});

describe('v3 report: tracking', () => {
	test('Return All follows every page: 1,600 sends in 4 pages of 500, one item each, paired', async () => {
		const mark = world.mark;
		const result = await world.run(tracking(big.activityId, 'sends', { returnAll: true }));
		const rows = jsonOf(result);
		expect(rows).toHaveLength(1600);
		expect(new Set(rows.map((r) => r.contact_id)).size).toBe(1600);
		expect(rows[0]).toMatchObject({ campaign_activity_id: big.activityId, tracking_activity_type: 'em_sends' });
		expect(rows[0].email_address).toMatch(/^reader\d+\.\d+@example\.com$/);
		expect(result.items.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
		const pages = world.accepted('GET', /\/tracking\/sends$/, mark);
		expect(pages).toHaveLength(4);
		expect(pages[0].query).toEqual({ limit: '500' });
		expect(pages.slice(1).every((p) => p.query.cursor !== undefined)).toBe(true);
	});

	test('Limit asks for no more than it needs', async () => {
		const mark = world.mark;
		const rows = jsonOf(await world.run(tracking(big.activityId, 'opens', { returnAll: false, limit: 7 })));
		expect(rows).toHaveLength(7);
		expect(rows[0]).toMatchObject({ tracking_activity_type: 'em_opens' });
		expect(rows[0].device_type).toBeTruthy();
		const pages = world.accepted('GET', /\/tracking\/opens$/, mark);
		expect(pages.map((p) => p.query)).toEqual([{ limit: '7' }]);
	});

	test('every type has its own rows, and they agree with the activity stats', async () => {
		const all = async (type: string) => jsonOf(await world.run(tracking(small.activityId, type, { returnAll: true })));
		const [stats] = jsonOf(await world.run(report('getActivityStats', { campaignActivityIds: small.activityId })));
		const s = stats.stats as Record<string, number>;
		expect(s.em_sends).toBe(40);
		// With 40 recipients the sandbox's engagement model always gives opens, clicks and
		// non-opens (the chance of none is below 1 in 10,000), so the per-row checks below have
		// rows to check. Bounces (6% each) can be none: their count is still checked.
		for (const key of ['em_opens', 'em_clicks', 'em_not_opened']) expect(s[key]).toBeGreaterThan(0);
		expect(await all('sends')).toHaveLength(40);
		expect(await all('unique_opens')).toHaveLength(s.em_opens);
		expect(await all('opens')).toHaveLength(s.em_opens_all);
		expect(await all('didnotopens')).toHaveLength(s.em_not_opened);
		expect(await all('forwards')).toHaveLength(s.em_forwards);
		expect(await all('optouts')).toHaveLength(s.em_optouts);
		const clicks = await all('clicks');
		expect(clicks).toHaveLength(s.em_clicks);
		for (const c of clicks) expect(LINKS).toContain(c.link_url);
		const bounces = await all('bounces');
		expect(bounces).toHaveLength(s.em_bounces);
		for (const b of bounces) expect(b.bounce_code).toMatch(/^[A-Z]$/);
		expect(s.em_opens + s.em_not_opened + s.em_bounces).toBe(40);
	});

	test('an unknown activity gives a 404 that names it', async () => {
		const id = '00000000-0000-4000-8000-000000000000';
		const result = await world.run(tracking(id, 'clicks', { returnAll: true }));
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
		expect((result.error as { description?: string }).description).toContain(id);
	});
});

describe('v3 report: stats', () => {
	test('25 activity ids are asked for in 3 calls (10 + 10 + 5), one item each, in order', async () => {
		const ids = world.draftCampaigns('v3', 23, { prefix: 'Stats' }).map((c) => c.activityId);
		ids.splice(3, 0, big.activityId);
		ids.push(small.activityId);
		const mark = world.mark;
		const rows = jsonOf(await world.run(report('getActivityStats', { campaignActivityIds: ids.join(', ') })));
		expect(rows.map((r) => r.campaign_activity_id)).toEqual(ids);
		const calls = world.accepted('GET', /^\/v3\/reports\/stats\/email_campaign_activities\//, mark);
		expect(calls.map((c) => c.path.split('/').pop()!.split(',').length)).toEqual([10, 10, 5]);
		expect((rows[3].stats as Record<string, number>).em_sends).toBe(1600);
		expect((rows[0].stats as Record<string, number>).em_sends).toBe(0);
	});

	test('ids also come as an array from an expression', async () => {
		const rows = jsonOf(
			await world.run(
				report('getActivityStats', {
					campaignActivityIds: `={{ ${JSON.stringify([big.activityId, small.activityId])} }}`,
				}),
			),
		);
		expect(rows.map((r) => r.campaign_activity_id)).toEqual([big.activityId, small.activityId]);
	});

	test('campaign stats: counts and percentages per campaign', async () => {
		const rows = jsonOf(
			await world.run(report('getCampaignStats', { campaignIds: `${big.campaignId},${small.campaignId}` })),
		);
		expect(rows.map((r) => r.campaign_id)).toEqual([big.campaignId, small.campaignId]);
		const s = rows[0].stats as Record<string, number>;
		expect(s.em_sends).toBe(1600);
		expect(s.em_opens).toBeGreaterThan(0);
		expect(s.em_clicks).toBeGreaterThan(0);
		expect((rows[0].percents as Record<string, number>).open).toBeGreaterThan(0);
	});

	test('bad ids are refused before any request: none, malformed, unknown', async () => {
		let mark = world.mark;
		let result = await world.run(report('getActivityStats', { campaignActivityIds: ' , ' }));
		expect(result.error?.message).toBe('"Campaign Activity IDs" is required');
		result = await world.run(report('getCampaignStats', { campaignIds: `${big.campaignId}, 1234` }));
		expect(result.error?.message).toBe('"Campaign IDs" is not a valid ID: "1234"');
		expect(world.mark).toBe(mark);

		const unknown = '00000000-0000-4000-8000-000000000001';
		mark = world.mark;
		result = await world.run(report('getActivityStats', { campaignActivityIds: `${small.activityId},${unknown}` }));
		expect(result.error?.message).toBe(`No stats for campaign activity ID "${unknown}"`);
		expect((result.error as { description?: string }).description).toContain(unknown);
		expect(world.accepted('GET', /\/reports\/stats\//, mark)).toHaveLength(1);
	});

	test('the API refuses more than 10 activity ids in one call', async () => {
		const ids = world.draftCampaigns('v3', 11, { prefix: 'Cap' }).map((c) => c.activityId);
		const response = await world.callV3(`/reports/stats/email_campaign_activities/${ids.join(',')}`);
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual([
			expect.objectContaining({ error_message: 'Specify from 1 to 10 comma-separated Campaign activity ids.' }),
		]);
	});
});

describe('v3 report: summaries and links', () => {
	test('campaign summaries: sent campaigns, most recently sent first; Return All and Limit', async () => {
		const all = jsonOf(await world.run(report('getCampaignSummaries', { returnAll: true })));
		expect(all.map((r) => r.campaign_id)).toEqual([small.campaignId, big.campaignId]);
		expect(all[1]).toMatchObject({
			campaign_type: 'NEWSLETTER',
			unique_counts: expect.objectContaining({ sends: 1600 }),
		});
		const mark = world.mark;
		const one = jsonOf(await world.run(report('getCampaignSummaries', { returnAll: false, limit: 1 })));
		expect(one.map((r) => r.campaign_id)).toEqual([small.campaignId]);
		expect(world.accepted('GET', /email_campaign_summaries$/, mark).map((r) => r.query)).toEqual([{ limit: '1' }]);
	});

	test('links: one item per clicked link; links without clicks on request', async () => {
		const rows = jsonOf(await world.run(report('getLinks', { campaignActivityId: byId(big.activityId) })));
		expect(rows.map((r) => r.link_url).sort()).toEqual([...LINKS].sort());
		for (const r of rows)
			expect(r).toMatchObject({ campaign_activity_id: big.activityId, unique_clicks: expect.any(Number) });
		const clicks = jsonOf(await world.run(tracking(big.activityId, 'clicks', { returnAll: true })));
		expect(rows.reduce((n, r) => n + Number(r.unique_clicks), 0)).toBe(clicks.length);

		const unsent = world.draftCampaign('v3', { html: HTML }).activityId;
		expect(jsonOf(await world.run(report('getLinks', { campaignActivityId: byId(unsent) })))).toEqual([]);
		const withUnclicked = jsonOf(
			await world.run(report('getLinks', { campaignActivityId: byId(unsent), includeUnclicked: true })),
		);
		expect(withUnclicked.map((r) => [r.link_url, r.unique_clicks])).toEqual(LINKS.map((l) => [l, 0]));
	});
});

describe('v3 campaign: get by v2 id', () => {
	test('one item per v2 id, 55 ids in 2 calls (the API takes 50), in the order given', async () => {
		const v2Ids = world.draftCampaigns('v2', 55, { prefix: 'Xref', v3Twins: true }).map((c) => c.campaignId);
		const mark = world.mark;
		const rows = jsonOf(
			await world.run({ ...v3, resource: 'campaign', operation: 'getByV2Id', v2CampaignIds: v2Ids.join(',') }),
		);
		expect(rows.map((r) => r.v2_email_campaign_id)).toEqual(v2Ids);
		expect(rows[0]).toEqual({ v2_email_campaign_id: v2Ids[0], ...world.sandbox.xref(v2Ids[0]) });
		const calls = world.accepted('GET', /campaign_id_xrefs$/, mark);
		expect(calls.map((c) => c.query.v2_email_campaign_ids.split(',').length)).toEqual([50, 5]);
	});

	test('a seeded v2 campaign maps to its v3 campaign and primary email', async () => {
		const [row] = jsonOf(
			await world.run({ ...v3, resource: 'campaign', operation: 'getByV2Id', v2CampaignIds: '1100394165290' }),
		);
		const v3Campaign = world.sandbox.v3Campaign(String(row.campaign_id));
		expect(v3Campaign?.v2Id).toBe('1100394165290');
		expect(row.campaign_activity_id).toBe(v3Campaign?.activityIds[0].campaign_activity_id);
	});

	test('bad ids: none or not numbers are refused before any request; unknown ones are named', async () => {
		const run = (v2CampaignIds: string) =>
			world.run({ ...v3, resource: 'campaign', operation: 'getByV2Id', v2CampaignIds });
		const mark = world.mark;
		expect((await run('={{ [] }}')).error?.message).toBe('"V2 Campaign IDs" is required');
		expect((await run('1100394165290, abc')).error?.message).toBe(
			'"V2 Campaign IDs" has an ID that is not a v2 campaign ID: "abc"',
		);
		expect(world.mark).toBe(mark);
		expect((await run('1100394165290,999')).error?.message).toBe('No v3 campaign found for v2 campaign ID "999"');
	});
});
