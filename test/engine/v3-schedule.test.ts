import { DateTime } from 'luxon';

import { byId, jsonOf, scheduleCreate, v3, World } from './world';

let world: World;
beforeAll(async () => {
	world = await World.start();
});
afterAll(async () => await world.close());

/** A fresh draft campaign, without contact lists; returns its primary email activity id. */
const draftActivity = () =>
	world.draftCampaign('v3', { subject: 'This week', fromName: 'Garden Shop', html: '<p>News</p>' }).activityId;

async function withLists(activityId: string, lists = world.v3ListIds().slice(0, 2)): Promise<void> {
	jsonOf(
		await world.run({
			...v3,
			resource: 'campaignActivity',
			operation: 'update',
			campaignActivityId: byId(activityId),
			updateFields: { contactListIds: lists },
		}),
	);
}

describe('v3 campaign activity', () => {
	test('get returns the activity with the parts asked for', async () => {
		const id = draftActivity();
		const [plain] = jsonOf(
			await world.run({ ...v3, resource: 'campaignActivity', operation: 'get', campaignActivityId: byId(id) }),
		);
		expect(plain).toMatchObject({ campaign_activity_id: id, role: 'primary_email', subject: 'This week' });
		expect(plain.html_content).toBeUndefined();
		const [full] = jsonOf(
			await world.run({
				...v3,
				resource: 'campaignActivity',
				operation: 'get',
				campaignActivityId: byId(id),
				include: ['html_content', 'permalink_url'],
			}),
		);
		expect(full.html_content).toContain('<p>News</p>');
		expect(full.permalink_url).toBeTruthy();
	});

	test('update changes only the given fields (read, modify, write)', async () => {
		const id = draftActivity();
		const lists = world.v3ListIds().slice(0, 2);
		const mark = world.mark;
		const [updated] = jsonOf(
			await world.run({
				...v3,
				resource: 'campaignActivity',
				operation: 'update',
				campaignActivityId: byId(id),
				updateFields: { contactListIds: lists, subject: 'New subject', preheader: 'Peek' },
			}),
		);
		expect(updated).toMatchObject({
			subject: 'New subject',
			preheader: 'Peek',
			from_name: 'Garden Shop',
			contact_list_ids: lists,
		});
		const stored = world.sandbox.v3Activity(id);
		expect(stored).toMatchObject({ subject: 'New subject', from_name: 'Garden Shop', contact_list_ids: lists });
		expect(stored?.html_content).toContain('<p>News</p>');
		expect(world.acceptedSince(mark).map((r) => r.method)).toEqual(['GET', 'PUT']);
		expect(world.sandbox.contractViolations).toEqual([]);
	});

	test('a contact list id of the wrong shape is refused before any request', async () => {
		const id = draftActivity();
		const mark = world.mark;
		const result = await world.run({
			...v3,
			resource: 'campaignActivity',
			operation: 'update',
			campaignActivityId: byId(id),
			updateFields: { contactListIds: ['1'] },
		});
		expect(result.error?.message).toBe('"Contact Lists" is not a valid ID: "1"');
		expect(world.sandbox.requests.length).toBe(mark);
	});

	test('update with no fields says what to do', async () => {
		const id = draftActivity();
		const result = await world.run({
			...v3,
			resource: 'campaignActivity',
			operation: 'update',
			campaignActivityId: byId(id),
			updateFields: {},
		});
		expect(result.error?.message).toBe('Nothing to update: add at least one field under "Update Fields"');
	});
});

describe('v3 schedule', () => {
	test('create at a date without offset reads it in the workflow time zone and sends UTC', async () => {
		const id = draftActivity();
		await withLists(id);
		const local = DateTime.now()
			.setZone('America/New_York')
			.plus({ days: 3 })
			.set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
		const [out] = jsonOf(
			await world.run(
				scheduleCreate(id, { scheduleType: 'date', scheduledDate: local.toFormat("yyyy-MM-dd'T'HH:mm:ss") }),
				{
					timezone: 'America/New_York',
				},
			),
		);
		const expected = local.toUTC().toISO();
		expect(out).toMatchObject({ campaign_activity_id: id, send_now: false });
		expect(DateTime.fromISO(String(out.scheduled_date)).toMillis()).toBe(DateTime.fromISO(expected!).toMillis());
		const stored = world.sandbox.v3Activity(id);
		expect(stored?.current_status).toBe('SCHEDULED');
		expect(DateTime.fromISO(String(stored?.scheduled_date)).toMillis()).toBe(local.toMillis());
	});

	test('create accepts a luxon DateTime and a JS Date from expressions', async () => {
		for (const expression of ['={{ $now.plus({ days: 2 }) }}', '={{ new Date(Date.now() + 3 * 86400000) }}']) {
			const id = draftActivity();
			await withLists(id);
			const [out] = jsonOf(await world.run(scheduleCreate(id, { scheduleType: 'date', scheduledDate: expression })));
			expect(out.scheduled_date).toMatch(/Z$/);
			expect(world.sandbox.v3Activity(id)?.current_status).toBe('SCHEDULED');
		}
	});

	test('send now posts "0" and the activity is sent once', async () => {
		const id = draftActivity();
		await withLists(id);
		const mark = world.mark;
		const [out] = jsonOf(await world.run(scheduleCreate(id, { scheduleType: 'now' })));
		expect(out).toMatchObject({ campaign_activity_id: id, send_now: true });
		const posts = world.requests('POST', /\/schedules$/, mark);
		expect(posts).toHaveLength(1);
		expect(posts[0].body).toEqual({ scheduled_date: '0' });
		world.sandbox.clock.advance(5000);
		const activity = world.sandbox.v3Activity(id)!;
		expect(activity.current_status).toBe('DONE');
		const recipients = activity.sendLog.map((s) => s.contactId);
		expect(recipients.length).toBeGreaterThan(0);
		expect(new Set(recipients).size).toBe(recipients.length);
	});

	test('get lists the schedule; delete unschedules', async () => {
		const id = draftActivity();
		await withLists(id);
		jsonOf(
			await world.run(
				scheduleCreate(id, { scheduleType: 'date', scheduledDate: DateTime.utc().plus({ days: 5 }).toISO() }),
			),
		);
		const [got] = jsonOf(
			await world.run({ ...v3, resource: 'schedule', operation: 'get', campaignActivityId: byId(id) }),
		);
		expect(got).toMatchObject({ campaign_activity_id: id, scheduled: true });
		const [deleted] = jsonOf(
			await world.run({ ...v3, resource: 'schedule', operation: 'delete', campaignActivityId: byId(id) }),
		);
		expect(deleted).toEqual({ campaign_activity_id: id, unscheduled: true });
		expect(world.sandbox.v3Activity(id)?.current_status).toBe('DRAFT');
		const [none] = jsonOf(
			await world.run({ ...v3, resource: 'schedule', operation: 'get', campaignActivityId: byId(id) }),
		);
		expect(none).toEqual({ campaign_activity_id: id, scheduled: false, scheduled_date: null });
	});

	test('a date in the past is refused before any request', async () => {
		const id = draftActivity();
		const mark = world.mark;
		const result = await world.run(scheduleCreate(id, { scheduleType: 'date', scheduledDate: '2020-01-01T09:00:00' }));
		expect(result.error?.message).toMatch(/^"Scheduled Date" is in the past/);
		expect(world.sandbox.requests.length).toBe(mark);
	});

	test('a malformed date names the field', async () => {
		const id = draftActivity();
		const result = await world.run(scheduleCreate(id, { scheduleType: 'date', scheduledDate: 'next tuesday-ish' }));
		expect(result.error?.message).toBe('"Scheduled Date" is not a date: "next tuesday-ish"');
	});

	test('an activity without contact lists is refused by the API with its message; nothing is scheduled', async () => {
		const id = draftActivity();
		const result = await world.run(scheduleCreate(id, { scheduleType: 'now' }));
		expect((result.error as { httpCode?: string }).httpCode).toBe('400');
		expect(result.error?.message).toMatch(/list|segment/i);
		expect(world.sandbox.v3Activity(id)?.current_status).toBe('DRAFT');
	});

	test('deleting a scheduled campaign is refused', async () => {
		const id = draftActivity();
		await withLists(id);
		jsonOf(
			await world.run(
				scheduleCreate(id, { scheduleType: 'date', scheduledDate: DateTime.utc().plus({ days: 5 }).toISO() }),
			),
		);
		const campaignId = world.sandbox.v3Activity(id)!.campaign_id;
		const result = await world.run({ ...v3, resource: 'campaign', operation: 'delete', campaignId: byId(campaignId) });
		expect(result.error).toBeDefined();
		expect(world.sandbox.v3Campaign(campaignId)?.current_status).toBe('Scheduled');
	});
});
