/**
 * Fault sweep: 500 items through scheduling (v3 and v2) and contact upserts while the sandbox
 * fails requests (10% 5xx, resets before and after processing), refuses bursts for rate and
 * expires the access token mid-run. Afterwards the sandbox's own state must agree with every
 * item: done exactly once, or the item carries its own error; nothing duplicated.
 */
import { randomUUID } from 'crypto';

import type { RunResult } from '../harness';
import type { RecordedRequest } from '../sandbox';
import { byId, DAY, jsonOf, v2, v3, World } from './world';

const V3_SCHEDULES = 200;
const V2_SCHEDULES = 100;
const CONTACTS = 200;
// Pacing is not what this sweep tests, so both sides allow more than the real 4/s (every
// refusal for rate here is injected).
const RATE = 20;
// Rate refusals come in bursts per amount of work, not per second: refusals per second would
// slow the pace, and a slower run would meet more of them (CI saw one run take 127 s).
const REQUESTS_PER_THROTTLE_BURST = 40;
const THROTTLE_BURST = 3;
// A hang guard, not a performance target (those are in the benchmark).
const RUN_TIMEOUT_MS = 150_000;

let world: World;

beforeAll(async () => {
	world = await World.start({ rateLimitPerSecond: RATE, dailyLimit: false });
});
afterAll(async () => await world.close());

interface Chaos {
	stop(): void;
}

/** Random failures for the length of one run, plus bursts of rate refusals and a token expiry. */
function unleashChaos(): Chaos {
	Object.assign(world.sandbox.knobs, { serverErrorRate: 0.1, resetRate: 0.03, lostAnswerRate: 0.05 });
	let burstAt = world.mark + REQUESTS_PER_THROTTLE_BURST;
	const bursts = setInterval(() => {
		if (world.mark < burstAt) return;
		burstAt = world.mark + REQUESTS_PER_THROTTLE_BURST;
		world.sandbox.injectFault({ kind: 'throttle', count: THROTTLE_BURST });
	}, 50);
	const expiry = setTimeout(() => world.sandbox.expireAccessTokens(), 2000);
	return {
		stop() {
			clearInterval(bursts);
			clearTimeout(expiry);
			world.sandbox.clearFaults();
			Object.assign(world.sandbox.knobs, { serverErrorRate: 0, resetRate: 0, lostAnswerRate: 0 });
		},
	};
}

async function runWithChaos(parameters: Record<string, unknown>, input: Array<Record<string, unknown>>) {
	const mark = world.mark;
	const chaos = unleashChaos();
	try {
		const credentials = {
			constantContactApi: world.v2Credentials({ requestsPerSecond: RATE }),
			constantContactOAuth2Api: world.v3Credentials({ requestsPerSecond: RATE }),
		};
		const result = await world.run(parameters, { input, continueOnFail: true, credentials });
		return { result, requests: world.sandbox.requests.slice(mark) };
	} finally {
		chaos.stop();
	}
}

/** Output item of input item i; fails if an item is missing, extra or paired wrongly. */
function outcomes(result: RunResult, count: number) {
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(count);
	return result.items.map((item, i) => {
		expect(item.pairedItem).toEqual({ item: i });
		const json = item.json as Record<string, unknown>;
		return {
			json,
			failed: typeof json.error === 'string',
			unknownOutcome: /not known whether/.test(String(json.description)),
		};
	});
}

function sent(requests: RecordedRequest[], method: string, path: string) {
	return requests.filter((r) => r.method === method && r.path === path);
}

function processed(requests: RecordedRequest[], method: string, path: string) {
	return sent(requests, method, path).filter((r) => r.handledStatus !== undefined && r.handledStatus < 300);
}

function injected(requests: RecordedRequest[]) {
	return {
		serverErrors: requests.filter((r) => r.status >= 500).length,
		resets: requests.filter((r) => r.status === 0).length,
		lostAnswers: requests.filter(
			(r) => r.handledStatus !== undefined && r.handledStatus < 300 && (r.status === 0 || r.status >= 500),
		).length,
		rateRefusals: requests.filter((r) => r.status === 429 || (r.api === 'v2' && r.status === 403)).length,
		expiredTokens: requests.filter((r) => r.status === 401).length,
	};
}

const sameSecond = (a: unknown, b: string) =>
	Math.floor(Date.parse(String(a)) / 1000) === Math.floor(Date.parse(b) / 1000);

test(
	`${V3_SCHEDULES} v3 schedules: each activity scheduled once at its date, or the item says why`,
	async () => {
		const lists = world.addLists(1, { contacts: 3 });
		const campaigns = world.draftCampaigns('v3', V3_SCHEDULES, {
			prefix: `Sweep v3 ${randomUUID().slice(0, 8)}`,
			lists,
		});
		const activityIds = campaigns.map((c) => c.activityId);
		const start = world.sandbox.clock.now();
		const dates = activityIds.map((_, i) => new Date(start + DAY + i * 60_000).toISOString());

		const started = Date.now();
		const { result, requests } = await runWithChaos(
			{
				...v3,
				resource: 'schedule',
				operation: 'create',
				campaignActivityId: '={{ $json.activityId }}',
				scheduleType: 'date',
				scheduledDate: '={{ $json.date }}',
			},
			activityIds.map((activityId, i) => ({ activityId, date: dates[i] })),
		);
		const elapsed = Date.now() - started;

		const items = outcomes(result, V3_SCHEDULES);
		activityIds.forEach((id, i) => {
			const activity = world.sandbox.v3Activity(id)!;
			const scheduled = activity.current_status === 'SCHEDULED';
			const posts = processed(requests, 'POST', `/v3/emails/activities/${id}/schedules`);
			expect(posts.length).toBe(scheduled ? 1 : 0);
			if (!items[i].failed) {
				expect(scheduled && sameSecond(activity.scheduled_date, dates[i])).toBe(true);
				expect(sameSecond(items[i].json.scheduled_date, dates[i])).toBe(true);
			} else if (!items[i].unknownOutcome) {
				expect(activity.current_status).toBe('DRAFT');
			}
		});
		report('v3 schedule create', items, requests, elapsed);
	},
	RUN_TIMEOUT_MS,
);

test(
	`${V2_SCHEDULES} v2 schedules: each campaign has at most one schedule, at its date, or the item says why`,
	async () => {
		const campaigns = world.draftCampaigns('v2', V2_SCHEDULES, {
			prefix: `Sweep v2 ${randomUUID().slice(0, 8)}`,
			lists: world.addLists(1, { contacts: 3 }),
		});
		const start = world.sandbox.clock.now();
		const dates = campaigns.map((_, i) => new Date(start + DAY + i * 60_000).toISOString());

		const started = Date.now();
		const { result, requests } = await runWithChaos(
			{
				...v2,
				resource: 'schedule',
				operation: 'create',
				campaignId: '={{ $json.campaignId }}',
				scheduleType: 'date',
				scheduledDate: '={{ $json.date }}',
			},
			campaigns.map((c, i) => ({ campaignId: c.campaignId, date: dates[i] })),
		);
		const elapsed = Date.now() - started;

		const items = outcomes(result, V2_SCHEDULES);
		campaigns.forEach((c, i) => {
			const schedule = world.sandbox.v2Schedule(c.campaignId);
			const posts = processed(requests, 'POST', `/v2/emailmarketing/campaigns/${c.campaignId}/schedules`);
			expect(posts.length).toBe(schedule ? 1 : 0);
			if (!items[i].failed) {
				expect(schedule && sameSecond(schedule.scheduled_date, dates[i])).toBe(true);
				expect(String(items[i].json.id)).toBe(schedule!.id);
			} else if (!items[i].unknownOutcome) {
				expect(schedule).toBeUndefined();
			}
		});
		report('v2 schedule create', items, requests, elapsed);
	},
	RUN_TIMEOUT_MS,
);

test(
	`${CONTACTS} contact upserts: one contact per email, on the list, or the item says why`,
	async () => {
		const [list] = world.addLists(1);
		const v3ListId = list.v3Id;
		const tag = randomUUID().slice(0, 8);
		const emails = Array.from({ length: CONTACTS }, (_, i) => `sweep${i}.${tag}@example.com`);
		// Every tenth contact exists already: an upsert must update it, never add a second one.
		world.addContacts(CONTACTS / 10, { email: (n) => emails[n * 10], firstName: 'Old', lastName: 'Name' });

		const started = Date.now();
		const { result, requests } = await runWithChaos(
			{
				...v3,
				resource: 'contact',
				operation: 'upsert',
				email: '={{ $json.email }}',
				contactListIds: [v3ListId],
				additionalFields: { firstName: '={{ $json.first }}' },
			},
			emails.map((email, i) => ({ email, first: `Reader ${i}` })),
		);
		const elapsed = Date.now() - started;

		const items = outcomes(result, CONTACTS);
		const contacts = world.sandbox.contacts();
		emails.forEach((email, i) => {
			const matches = contacts.filter((c) => c.email === email);
			expect(matches.length).toBeLessThanOrEqual(1);
			if (!items[i].failed) {
				expect(matches).toHaveLength(1);
				expect(matches[0].listIds.has(v3ListId)).toBe(true);
				expect(matches[0].first_name).toBe(`Reader ${i}`);
				expect(items[i].json.contact_id).toBe(matches[0].contact_id);
			}
		});
		report('v3 contact upsert', items, requests, elapsed);
	},
	RUN_TIMEOUT_MS,
);

test('a stalled answer never holds the run: a read is repeated, a schedule is checked, both within the timeout', async () => {
	const [read, scheduled] = world.draftCampaigns('v3', 2, {
		prefix: `Stall ${randomUUID().slice(0, 8)}`,
		lists: world.addLists(1, { contacts: 3 }),
	});
	const activityId = scheduled.activityId;
	const date = new Date(world.sandbox.clock.now() + DAY).toISOString();
	world.sandbox.injectFault({
		kind: 'stall',
		ms: 75_000,
		method: 'GET',
		path: new RegExp(`/emails/${read.campaignId}$`),
	});
	world.sandbox.injectFault({ kind: 'stall', ms: 75_000, method: 'POST', path: /\/schedules$/, afterProcessing: true });
	const mark = world.mark;
	const started = Date.now();
	const [got, posted] = await Promise.all([
		world.run({ ...v3, resource: 'campaign', operation: 'get', campaignId: byId(read.campaignId) }),
		world.run({
			...v3,
			resource: 'schedule',
			operation: 'create',
			campaignActivityId: byId(activityId),
			scheduleType: 'date',
			scheduledDate: date,
		}),
	]);
	const elapsed = Date.now() - started;
	expect(jsonOf(got)[0].campaign_id).toBe(read.campaignId);
	expect(sameSecond(jsonOf(posted)[0].scheduled_date, date)).toBe(true);
	const since = world.sandbox.requests.slice(mark);
	expect(processed(since, 'POST', `/v3/emails/activities/${activityId}/schedules`)).toHaveLength(1);
	// Each stalled request is given up after the node's 30 s timeout, not waited out for the 75 s
	// stall: the read was sent again, and the schedule was read back.
	expect(sent(since, 'GET', `/v3/emails/${read.campaignId}`).length).toBeGreaterThanOrEqual(2);
	expect(processed(since, 'GET', `/v3/emails/activities/${activityId}/schedules`).length).toBeGreaterThanOrEqual(1);
	console.log(
		`stalled answers: read repeated and schedule confirmed by reading it back in ${(elapsed / 1000).toFixed(1)} s`,
	);
}, 100_000);

test('the sweep ran under faults: every kind was injected and the node issued no request the contract rejects', () => {
	const all = world.sandbox.requests;
	const seen = injected(all);
	expect(seen.serverErrors).toBeGreaterThan(20);
	expect(seen.resets).toBeGreaterThan(5);
	expect(seen.lostAnswers).toBeGreaterThan(5);
	expect(seen.rateRefusals).toBeGreaterThan(10);
	expect(seen.expiredTokens).toBeGreaterThan(0);
	expect(world.sandbox.contractViolations).toEqual([]);
});

function report(
	title: string,
	items: Array<{ failed: boolean; unknownOutcome: boolean }>,
	requests: RecordedRequest[],
	elapsed: number,
) {
	const failed = items.filter((i) => i.failed).length;
	const unknown = items.filter((i) => i.unknownOutcome).length;
	console.log(
		`${title}: ${items.length} items, ${items.length - failed} done, ${failed} with their own error (${unknown} of them "not known whether processed"); ` +
			`${requests.length} requests, injected ${JSON.stringify(injected(requests))}; ${(elapsed / 1000).toFixed(1)} s`,
	);
}
