import { byId, jsonOf, v2, v3, World } from './world';

// Timing-sensitive: run alone (see jest.config.js), since CPU contention from parallel test
// files delays requests unevenly and would blur what the API sees.
let world: World;
beforeAll(async () => {
	world = await World.start();
});
afterAll(async () => await world.close());

describe('rate limit', () => {
	test('a burst of 50 items finishes with no failure and never more than 4 requests in a second', async () => {
		const id = world.draftCampaign('v3').campaignId;
		const mark = world.mark;
		const result = await world.run(
			{ ...v3, resource: 'campaign', operation: 'get', campaignId: byId('={{ $json.id }}') },
			{ input: Array.from({ length: 50 }, () => ({ id })) },
		);
		const items = jsonOf(result);
		expect(items).toHaveLength(50);
		expect(items.map((_, i) => result.items[i].pairedItem)).toEqual(
			Array.from({ length: 50 }, (_, i) => ({ item: i })),
		);
		const burst = world.sandbox.requests.slice(mark);
		expect(burst.filter((r) => r.status !== 200)).toEqual([]);
		expect(world.sandbox.maxRequestsInAnyWindow(1000, (r) => burst.includes(r))).toBeLessThanOrEqual(4);
	}, 60_000);
});

describe('rate limit across two executions sharing a credential', () => {
	test('two workflows running at once stay under 4 requests per second together', async () => {
		const id = world.draftCampaign('v3').campaignId;
		const mark = world.mark;
		const params = { ...v3, resource: 'campaign', operation: 'get', campaignId: byId('={{ $json.id }}') };
		const input = Array.from({ length: 12 }, () => ({ id }));
		const [a, b] = await Promise.all([world.run(params, { input }), world.run(params, { input })]);
		expect(jsonOf(a)).toHaveLength(12);
		expect(jsonOf(b)).toHaveLength(12);
		const seen = world.sandbox.requests.slice(mark);
		expect(seen.filter((r) => r.status !== 200)).toEqual([]);
		expect(world.sandbox.maxRequestsInAnyWindow(1000, (r) => seen.includes(r))).toBeLessThanOrEqual(4);
	}, 60_000);

	test('v2 and v3 credentials are limited separately', async () => {
		const id = world.draftCampaign('v3').campaignId;
		const mark = world.mark;
		const input = Array.from({ length: 8 }, () => ({ id }));
		await Promise.all([
			world.run({ ...v3, resource: 'campaign', operation: 'get', campaignId: byId('={{ $json.id }}') }, { input }),
			world.run({ ...v2, resource: 'campaign', operation: 'getMany', limit: 1 }, { input }),
		]);
		const seen = world.sandbox.requests.slice(mark);
		const window = (api: string) =>
			world.sandbox.maxRequestsInAnyWindow(1000, (r) => seen.includes(r) && r.api === api);
		expect(seen.filter((r) => r.status !== 200)).toEqual([]);
		expect(window('v2')).toBeLessThanOrEqual(4);
		expect(window('v3')).toBeLessThanOrEqual(4);
		// Each key has its own 4 per second: together they go faster than one shared limit would.
		expect(world.sandbox.maxRequestsInAnyWindow(1000, (r) => seen.includes(r) && r.api !== 'oauth')).toBeGreaterThan(4);
	}, 60_000);
});

describe("the credential's Requests per Second", () => {
	test('a credential allowed 10 per second gets close to 10, never more', async () => {
		const id = world.draftCampaign('v3').campaignId;
		// The earlier tests' requests count against the same application for a second; a limiter for
		// a new rate has not seen them, so they would crowd its first second (an 11th request in it).
		await accountQuietForAWindow();
		world.sandbox.knobs.rateLimitPerSecond = 10;
		try {
			const mark = world.mark;
			const result = await world.run(
				{ ...v3, resource: 'campaign', operation: 'get', campaignId: byId('={{ $json.id }}') },
				{
					input: Array.from({ length: 60 }, () => ({ id })),
					credentials: { constantContactOAuth2Api: world.v3Credentials({ requestsPerSecond: 10 }) },
				},
			);
			expect(jsonOf(result)).toHaveLength(60);
			const seen = world.sandbox.requests.slice(mark);
			expect(seen.filter((r) => r.status !== 200)).toEqual([]);
			const busiestSecond = world.sandbox.maxRequestsInAnyWindow(1000, (r) => seen.includes(r));
			expect(busiestSecond).toBeLessThanOrEqual(10);
			// The default pacing (4) would never put more than 4 in a second.
			expect(busiestSecond).toBeGreaterThanOrEqual(8);
		} finally {
			world.sandbox.knobs.rateLimitPerSecond = 4;
		}
	}, 60_000);
});

async function accountQuietForAWindow(): Promise<void> {
	const last = Math.max(0, ...world.sandbox.requests.map((r) => r.arrivedAt));
	const wait = last + 1000 - Date.now();
	if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 10));
}
