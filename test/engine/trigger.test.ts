import { DateTime } from 'luxon';

import { runPoll, type PollResult } from '../harness/run-poll';
import type { SeededCampaign } from '../sandbox';
import { byId, jsonOf, uniqueName, v2, v3, World } from './world';

let world: World;
beforeAll(async () => {
	world = await World.start();
});
afterAll(async () => await world.close());

type Api = 'v3' | 'v2';
type Event = 'campaignScheduled' | 'campaignSent' | 'campaignStatusChanged' | 'newCampaign';
type Json = Record<string, unknown>;

const API = {
	v3: {
		auth: v3,
		id: 'campaign_id',
		status: 'current_status',
		list: /^\/v3\/emails$/,
		draft: 'Draft',
		scheduled: 'Scheduled',
		sent: 'Done',
		deleted: 'Removed',
	},
	v2: {
		auth: v2,
		id: 'id',
		status: 'status',
		list: /^\/v2\/emailmarketing\/campaigns$/,
		draft: 'DRAFT',
		scheduled: 'SCHEDULED',
		sent: 'SENT',
		deleted: 'DELETED',
	},
} as const;

/** One poll of a Constant Contact Trigger, as an active workflow (or the editor's test fetch) runs it. */
async function poll(
	api: Api,
	event: Event,
	staticData?: Json,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<PollResult> {
	return await runPoll({
		parameters: { ...API[api].auth, event },
		credentials: { constantContactOAuth2Api: world.v3Credentials(), constantContactApi: world.v2Credentials() },
		staticData,
		mode,
	});
}

/** The items of a poll that must have succeeded, with the error shown if it did not. */
function emitted(result: PollResult): Json[] {
	if (result.error) {
		const e = result.error as Error & { description?: string };
		throw new Error(`The poll failed: ${e.message}${e.description ? ` (${e.description})` : ''}`);
	}
	return result.items.map((item) => item.json as Json);
}

/** A trigger on a workflow that has been activated: its first poll has run. */
class Trigger {
	private state: Json = {};
	readonly seen: Json[] = [];

	constructor(
		readonly api: Api,
		readonly event: Event,
	) {}

	async activate(): Promise<this> {
		const first = await poll(this.api, this.event);
		expect(emitted(first)).toEqual([]);
		this.state = first.staticData;
		return this;
	}

	/** Polls; returns what this poll emitted (also kept in `seen`). */
	async poll(): Promise<Json[]> {
		const result = await poll(this.api, this.event, this.state);
		const items = emitted(result);
		this.state = result.staticData;
		this.seen.push(...items);
		return items;
	}

	/** How many times each of `ids` was emitted so far. */
	countsFor(ids: string[]): Record<string, number> {
		const counts = Object.fromEntries(ids.map((id) => [id, 0]));
		for (const item of this.seen) {
			const id = String(item[API[this.api].id]);
			if (id in counts) counts[id]++;
		}
		return counts;
	}

	get staticData(): Json {
		return this.state;
	}
}

const EVENTS: Event[] = ['campaignScheduled', 'campaignSent', 'campaignStatusChanged', 'newCampaign'];

async function activated(api: Api): Promise<Record<Event, Trigger>> {
	const triggers = {} as Record<Event, Trigger>;
	for (const event of EVENTS) triggers[event] = await new Trigger(api, event).activate();
	return triggers;
}

/** A new draft campaign, ready to be scheduled (it has a contact list). */
function draft(api: Api): SeededCampaign {
	return world.draftCampaign(api, { lists: world.v3ListIds().slice(0, 1) });
}

/** Schedules the campaign one hour ahead on the sandbox's clock (which tests move forward). */
async function scheduleInAnHour(campaign: SeededCampaign): Promise<void> {
	const at = DateTime.fromMillis(world.sandbox.clock.now() + 3_600_000)
		.toUTC()
		.toISO();
	if (campaign.api === 'v2') {
		jsonOf(
			await world.run({
				...v2,
				resource: 'schedule',
				operation: 'create',
				campaignId: byId(campaign.campaignId),
				scheduleType: 'date',
				scheduledDate: at,
			}),
		);
		return;
	}
	jsonOf(
		await world.run({
			...v3,
			resource: 'schedule',
			operation: 'create',
			campaignActivityId: byId(campaign.activityId!),
			scheduleType: 'date',
			scheduledDate: at,
		}),
	);
}

const idsOf = (api: Api, items: Json[]) => items.map((item) => String(item[API[api].id]));

describe.each<Api>(['v3', 'v2'])('Constant Contact Trigger, API %s', (api) => {
	const { id: idKey, status: statusKey } = API[api];

	test('the first poll emits nothing and records a watermark; a poll without changes emits nothing', async () => {
		const first = await poll(api, 'newCampaign');
		expect(emitted(first)).toEqual([]);
		expect(first.returned).toBeNull();
		expect(first.staticData).toMatchObject({ api, watermark: expect.stringMatching(/Z$/) });
		const statuses = first.staticData.statuses as Record<string, string>;
		expect(Object.keys(statuses).length).toBeGreaterThan(0);

		const second = await poll(api, 'newCampaign', first.staticData);
		expect(emitted(second)).toEqual([]);
		expect(second.staticData.watermark).toBe(first.staticData.watermark);
	});

	test('manual mode shows the latest matching campaign and leaves the static data alone', async () => {
		const id = draft(api).campaignId;
		const shown = await poll(api, 'newCampaign', undefined, 'manual');
		expect(emitted(shown)).toHaveLength(1);
		expect(emitted(shown)[0]).toMatchObject({ [idKey]: id, event: 'newCampaign' });
		expect(shown.staticData).toEqual({});

		const sentCampaign = draft(api);
		const sent = sentCampaign.campaignId;
		await scheduleInAnHour(sentCampaign);
		world.sandbox.clock.advance(2 * 3_600_000);
		const state = { api, watermark: '2020-01-01T00:00:00.000Z', statuses: {} };
		const latestSent = await poll(api, 'campaignSent', state, 'manual');
		expect(emitted(latestSent)).toHaveLength(1);
		expect(emitted(latestSent)[0]).toMatchObject({ [idKey]: sent, [statusKey]: API[api].sent, event: 'campaignSent' });
		expect(latestSent.staticData).toEqual(state);
	});

	test('a campaign created, scheduled, then sent between polls is emitted once for each matching event', async () => {
		const triggers = await activated(api);
		const campaign = draft(api);
		const id = campaign.campaignId;
		await scheduleInAnHour(campaign);
		for (const trigger of Object.values(triggers)) await trigger.poll();

		world.sandbox.clock.advance(2 * 3_600_000); // scheduled -> sending -> sent
		for (const trigger of Object.values(triggers)) await trigger.poll();
		for (const trigger of Object.values(triggers)) await trigger.poll(); // nothing new

		for (const event of EVENTS)
			expect({ event, counts: triggers[event].countsFor([id]) }).toEqual({
				event,
				counts: { [id]: event === 'campaignStatusChanged' ? 2 : 1 },
			});
		const mine = (event: Event) => triggers[event].seen.filter((item) => String(item[idKey]) === id);
		expect(mine('newCampaign')[0]).toMatchObject({ event: 'newCampaign', [statusKey]: API[api].scheduled });
		expect(mine('newCampaign')[0]).not.toHaveProperty('previous_status');
		expect(mine('campaignScheduled')[0]).toMatchObject({
			event: 'campaignScheduled',
			[statusKey]: API[api].scheduled,
			previous_status: API[api].draft,
		});
		expect(mine('campaignSent')[0]).toMatchObject({
			event: 'campaignSent',
			[statusKey]: API[api].sent,
			previous_status: API[api].scheduled,
		});
		expect(mine('campaignStatusChanged')).toMatchObject([
			{ event: 'campaignStatusChanged', [statusKey]: API[api].scheduled, previous_status: API[api].draft },
			{ event: 'campaignStatusChanged', [statusKey]: API[api].sent, previous_status: API[api].scheduled },
		]);
		for (const trigger of Object.values(triggers)) {
			const ids = idsOf(api, trigger.seen);
			expect({
				event: trigger.event,
				duplicates: ids.filter((x, i) => ids.indexOf(x) !== i && trigger.event !== 'campaignStatusChanged'),
			}).toEqual({ event: trigger.event, duplicates: [] });
		}
	});

	test('deleting a campaign is a status change', async () => {
		const trigger = await new Trigger(api, 'campaignStatusChanged').activate();
		const id = draft(api).campaignId;
		await trigger.poll();
		jsonOf(await world.run({ ...API[api].auth, resource: 'campaign', operation: 'delete', campaignId: byId(id) }));
		const items = await trigger.poll();
		expect(items.filter((item) => String(item[idKey]) === id)).toMatchObject([
			{ [statusKey]: API[api].deleted, previous_status: API[api].draft },
		]);
		await trigger.poll();
		expect(trigger.countsFor([id])).toEqual({ [id]: 1 });
	});

	test('1,200 campaigns created between polls are each emitted once, over pages of 500', async () => {
		const trigger = await new Trigger(api, 'newCampaign').activate();
		const created = world.draftCampaigns(api, 1200, { prefix: uniqueName('Bulk') }).map((c) => c.campaignId);
		const mark = world.mark;
		const items = await trigger.poll();
		expect(items).toHaveLength(1200);
		expect(new Set(idsOf(api, items))).toEqual(new Set(created));
		expect(world.accepted('GET', API[api].list, mark).length).toBeGreaterThanOrEqual(3);
		expect(
			world.accepted('GET', API[api].list, mark).every((r) => r.query.limit === undefined || r.query.limit === '500'),
		).toBe(true);

		expect(await trigger.poll()).toEqual([]);
		expect(Object.values(trigger.countsFor(created)).every((n) => n === 1)).toBe(true);
	});

	test('a poll that fails keeps its place: the static data is unchanged and the next poll emits what was missed', async () => {
		const trigger = await new Trigger(api, 'newCampaign').activate();
		const before = structuredClone(trigger.staticData);
		const ids = [draft(api).campaignId, draft(api).campaignId];

		world.sandbox.injectFault({ kind: 'status', status: 500, method: 'GET', path: API[api].list });
		const failed = await poll(api, 'newCampaign', before);
		expect(failed.error?.message).toBeDefined();
		expect((failed.error as { httpCode?: string }).httpCode).toBe('500');
		expect(failed.items).toEqual([]);
		expect(failed.staticData).toEqual(before);
		const told = `${failed.error?.message} ${(failed.error as { description?: string }).description ?? ''} ${failed.logs.join('\n')}`;
		for (const secret of failed.credentialStore.secrets()) expect(told).not.toContain(secret);

		const items = await trigger.poll();
		expect(idsOf(api, items).sort()).toEqual([...ids].sort());
		expect(await trigger.poll()).toEqual([]);
	});
});
