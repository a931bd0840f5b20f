import { runLoadOptions } from '../harness/run-load-options';
import { campaignActivity, errorOf, expression, jsonOf, scheduleCreate, uniqueName, useWorld, v3 } from './world';

const world = useWorld();

const segment = (operation: string, parameters: Record<string, unknown> = {}) => ({
	...v3,
	resource: 'segment',
	operation,
	...parameters,
});

/** Contacts who did not open any of the last 5 campaigns (the contract's example). */
const NOT_OPENED = {
	version: '1.0.0',
	criteria: {
		type: 'and',
		group: [
			{ source: 'tracking', field: 'not_opened', op: 'contains-any', const_value: 'last-n-campaigns', param: '5' },
		],
	},
};
const ANY_EMAIL = {
	version: '1.0.0',
	criteria: { type: 'and', group: [{ source: 'contact', field: 'email_address', op: 'is-not-empty' }] },
};

describe('v3 segment', () => {
	test('create sends the criteria as one string of JSON; the segment holds them', async () => {
		const name = uniqueName('Did not open');
		const mark = world.mark;
		const [created] = jsonOf(
			await world.run(segment('create', { name, segmentCriteria: JSON.stringify(NOT_OPENED, null, 2) })),
		);
		expect(created).toMatchObject({ name, segment_id: expect.any(Number) });
		const stored = world.segment(Number(created.segment_id));
		expect(stored).toMatchObject({ name, deleted: false });
		expect(JSON.parse(String(stored?.segment_criteria))).toEqual(NOT_OPENED);
		const [post] = world.accepted('POST', /^\/v3\/segments$/, mark);
		expect(post.body).toEqual({ name, segment_criteria: JSON.stringify(NOT_OPENED) });
	});

	test('create takes the criteria as an object from an expression, or as escaped JSON text', async () => {
		const fromObject = uniqueName('From object');
		const [a] = jsonOf(
			await world.run(segment('create', { name: fromObject, segmentCriteria: expression(ANY_EMAIL) })),
		);
		expect(JSON.parse(String(world.segment(Number(a.segment_id))?.segment_criteria))).toEqual(ANY_EMAIL);
		const escaped = uniqueName('Escaped');
		const [b] = jsonOf(
			await world.run(segment('create', { name: escaped, segmentCriteria: JSON.stringify(JSON.stringify(ANY_EMAIL)) })),
		);
		expect(JSON.parse(String(world.segment(Number(b.segment_id))?.segment_criteria))).toEqual(ANY_EMAIL);
	});

	test('criteria that are not JSON or not the shape the API takes are refused before any request, naming the field', async () => {
		const bad: Array<[unknown, RegExp]> = [
			['={{ "" }}', /^"Segment Criteria" is required$/],
			['{"version": "1.0.0", "criteria": ', /^"Segment Criteria" is not valid JSON/],
			['[1, 2]', /^"Segment Criteria" must be a JSON object/],
			['{"version": "1.0.0"}', /^"Segment Criteria" needs a "criteria" object$/],
			[
				{ criteria: { type: 'or', group: NOT_OPENED.criteria.group } },
				/^"Segment Criteria" needs "criteria.type" "and" \(the top-level group\), not "or"$/,
			],
			[{ criteria: { type: 'and', group: [] } }, /^"Segment Criteria" needs "criteria.group": a list/],
			[
				{ criteria: { type: 'and', group: [{ type: 'or', group: [{ source: 'weather', op: 'eq' }] }] } },
				/^"Segment Criteria" has "criteria.group\[0\].group\[0\].source" "weather"; it must be one of tracking, contact, list_membership, tags$/,
			],
			[{ version: 2, criteria: NOT_OPENED.criteria }, /^"Segment Criteria" has a "version" that is not text$/],
			[
				{ ...ANY_EMAIL, note: 'x'.repeat(20_000) },
				/^"Segment Criteria" is \d+ characters long as JSON; Constant Contact allows at most 20000$/,
			],
		];
		const mark = world.mark;
		for (const [criteria, message] of bad) {
			const value = typeof criteria === 'string' ? criteria : expression(criteria);
			const result = await world.run(segment('create', { name: uniqueName('Bad'), segmentCriteria: value }));
			expect(result.error?.message).toMatch(message);
		}
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);
	});

	test('get reads the segment with its criteria', async () => {
		const [seeded] = world.addSegments([{ criteria: NOT_OPENED }]);
		const [got] = jsonOf(await world.run(segment('get', { segmentId: seeded.segmentId })));
		expect(got).toMatchObject({ segment_id: seeded.segmentId, name: seeded.name });
		expect(JSON.parse(String(got.segment_criteria))).toEqual(NOT_OPENED);
	});

	test('getMany sorts by name or by last update, stops at Limit, and Return All follows every page', async () => {
		world.addSegments([{ name: 'Zz last by name' }, { name: 'Aa first by name' }]);
		const byName = jsonOf(await world.run(segment('getMany', { returnAll: true, sortBy: 'name' })));
		const names = byName.map((s) => String(s.name));
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		const live = world.segments().filter((s) => !s.deleted);
		expect(byName.map((s) => s.segment_id).sort()).toEqual(live.map((s) => s.segment_id).sort());

		const newest = jsonOf(await world.run(segment('getMany', { returnAll: false, limit: 1, sortBy: 'date' })));
		expect(newest.map((s) => s.name)).toEqual(['Aa first by name']);

		world.addSegments(1100);
		const mark = world.mark;
		const all = jsonOf(await world.run(segment('getMany', { returnAll: true })));
		expect(all).toHaveLength(world.segments().filter((s) => !s.deleted).length);
		expect(world.accepted('GET', /^\/v3\/segments$/, mark)).toHaveLength(2);
	});

	test('rename changes the name in one PATCH; the criteria stay', async () => {
		const [seeded] = world.addSegments([{ criteria: NOT_OPENED }]);
		const name = uniqueName('Renamed segment');
		const mark = world.mark;
		const [renamed] = jsonOf(await world.run(segment('rename', { segmentId: String(seeded.segmentId), name })));
		expect(renamed).toMatchObject({ segment_id: seeded.segmentId, name });
		expect(world.segment(seeded.segmentId)?.name).toBe(name);
		expect(JSON.parse(String(world.segment(seeded.segmentId)?.segment_criteria))).toEqual(NOT_OPENED);
		expect(world.acceptedSince(mark).map((r) => `${r.method} ${r.path}`)).toEqual([
			`PATCH /v3/segments/${seeded.segmentId}/name`,
		]);
		expect(world.acceptedSince(mark)[0].body).toEqual({ name });
	});

	test('delete deletes the segment; Get Many no longer lists it', async () => {
		const [seeded] = world.addSegments(1);
		const [out] = jsonOf(await world.run(segment('delete', { segmentId: seeded.segmentId })));
		expect(out).toEqual({ segment_id: seeded.segmentId, deleted: true });
		expect(world.segment(seeded.segmentId)?.deleted).toBe(true);
		const listed = jsonOf(await world.run(segment('getMany', { returnAll: true })));
		expect(listed.map((s) => s.segment_id)).not.toContain(seeded.segmentId);
	});

	test('a name in use gives a 409 that says segment names are unique; nothing is created or renamed', async () => {
		const [first, second] = world.addSegments(2);
		const before = world.segments().length;
		const clash = await world.run(segment('create', { name: first.name, segmentCriteria: JSON.stringify(ANY_EMAIL) }));
		expect(errorOf(clash).httpCode).toBe('409');
		expect(errorOf(clash).description).toMatch(/"Name" already exists.*unique/);
		const renamed = await world.run(segment('rename', { segmentId: second.segmentId, name: first.name }));
		expect(errorOf(renamed).httpCode).toBe('409');
		expect(world.segments().length).toBe(before);
		expect(world.segment(second.segmentId)?.name).toBe(second.name);
	});

	test('an unknown segment ID gives a 404 naming it; a non-ID is refused before any request', async () => {
		for (const operation of ['get', 'rename', 'delete']) {
			const result = await world.run(segment(operation, { segmentId: 99999999, name: uniqueName('x') }));
			expect(errorOf(result).httpCode).toBe('404');
			expect(errorOf(result).description).toBe(
				'No segment with ID "99999999" exists in this Constant Contact account (or it was deleted).',
			);
		}
		const mark = world.mark;
		for (const [value, message] of [
			['gold members', '"Segment" is not a valid ID: "gold members"'],
			['0', '"Segment" is not a valid segment ID: "0"'],
			['99999999999', '"Segment" is not a valid ID: "99999999999"'],
			['={{ "" }}', '"Segment" is empty'],
		]) {
			expect((await world.run(segment('get', { segmentId: value }))).error?.message).toBe(message);
		}
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);
	});

	test('with Continue On Fail, a bad item becomes an error item paired with it, and the others are read', async () => {
		const [a, b] = world.addSegments(2);
		const result = await world.run(segment('get', { segmentId: '={{ $json.id }}' }), {
			input: [{ id: a.segmentId }, { id: 'nope' }, { id: 99999998 }, { id: b.segmentId }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.pairedItem, item.json.segment_id ?? item.json.error])).toEqual([
			[{ item: 0 }, a.segmentId],
			[{ item: 1 }, '"Segment" is not a valid ID: "nope"'],
			[{ item: 2 }, expect.any(String)],
			[{ item: 3 }, b.segmentId],
		]);
		expect(result.items[2].json.httpCode).toBe('404');
	});

	test("getSegments lists the account's segments for the editor, by name, with their IDs", async () => {
		world.addSegments([{ name: 'Picker: VIP' }, { name: 'Picker: lapsed' }]);
		const { options, error } = await runLoadOptions({
			method: 'getSegments',
			parameters: { ...v3, resource: 'campaignActivity', operation: 'update', updateFields: { segment: '' } },
			path: 'parameters.updateFields.segment',
			credentials: { constantContactOAuth2Api: world.v3Credentials() },
		});
		expect(error).toBeUndefined();
		const expected = world
			.segments()
			.filter((s) => !s.deleted)
			.map((s) => ({ name: s.name, value: String(s.segment_id) }))
			.sort((x, y) => x.name.localeCompare(y.name));
		expect(options).toEqual(expected);
		expect(options?.map((o) => o.name)).toEqual(expect.arrayContaining(['Picker: VIP', 'Picker: lapsed']));
	});
});

describe('v3 segment as the recipients of an email', () => {
	test('Campaign Activity → Update sends the email to the segment picked from the list, replacing its lists', async () => {
		const [list] = world.addLists(1, { contacts: 2 });
		const draft = world.draftCampaign('v3', { lists: [list] });
		const [seg] = world.addSegments(1);
		const [updated] = jsonOf(
			await world.run(
				campaignActivity(draft.activityId, 'update', { updateFields: { segment: String(seg.segmentId) } }),
			),
		);
		expect(updated.segment_ids).toEqual([seg.segmentId]);
		expect(world.sandbox.v3Activity(draft.activityId)).toMatchObject({
			segment_ids: [seg.segmentId],
			contact_list_ids: [],
		});
	});

	test('the typed Segment IDs still work; one segment per email, and not with lists, refused before any request', async () => {
		const draft = world.draftCampaign('v3');
		const [a, b] = world.addSegments(2);
		const update = (updateFields: Record<string, unknown>) =>
			world.run(campaignActivity(draft.activityId, 'update', { updateFields }));
		jsonOf(await update({ segmentIds: String(a.segmentId) }));
		expect(world.sandbox.v3Activity(draft.activityId)?.segment_ids).toEqual([a.segmentId]);

		const mark = world.mark;
		expect((await update({ segmentIds: `${a.segmentId}, ${b.segmentId}` })).error?.message).toBe(
			'"Segment IDs" has 2 segments; Constant Contact sends an email to a single segment',
		);
		expect((await update({ segment: String(a.segmentId), segmentIds: String(b.segmentId) })).error?.message).toBe(
			'Set either "Segment Name or ID" or "Segment IDs", not both: an email goes to a single segment',
		);
		expect(
			(await update({ segment: String(a.segmentId), contactListIds: world.v3ListIds().slice(0, 1) })).error?.message,
		).toMatch(/^Set either "Contact Lists" or a segment, not both/);
		expect((await update({ segment: 'VIP' })).error?.message).toBe('"Segment Name or ID" is not a valid ID: "VIP"');
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);
	});

	test('Schedule → Create with "Send To Segment" sets the segment, then schedules: the send reaches its members', async () => {
		const [list] = world.addLists(1, { contacts: 1 });
		const draft = world.draftCampaign('v3', { lists: [list] });
		const [seg] = world.addSegments(1);
		const members = world.segmentMembers(seg.segmentId);
		expect(members.length).toBeGreaterThan(1);
		const mark = world.mark;
		const [out] = jsonOf(
			await world.run(
				scheduleCreate(draft.activityId, { scheduleType: 'now', options: { segment: String(seg.segmentId) } }),
			),
		);
		expect(out).toMatchObject({ campaign_activity_id: draft.activityId, send_now: true });
		expect(world.acceptedSince(mark).map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /v3/emails/activities/${draft.activityId}`,
			`PUT /v3/emails/activities/${draft.activityId}`,
			`POST /v3/emails/activities/${draft.activityId}/schedules`,
		]);
		expect(world.sandbox.v3Activity(draft.activityId)).toMatchObject({
			segment_ids: [seg.segmentId],
			contact_list_ids: [],
		});
		world.sandbox.clock.advance(5_000);
		const sentTo = world.sandbox.v3Activity(draft.activityId)?.sendLog.map((s) => s.contactId);
		expect([...(sentTo ?? [])].sort()).toEqual([...members].sort());
	});

	test('Schedule → Create without the option sends nothing but the schedule', async () => {
		const draft = world.draftCampaign('v3', { lists: world.v3ListIds().slice(0, 1) });
		const mark = world.mark;
		jsonOf(
			await world.run(
				scheduleCreate(draft.activityId, { scheduleType: 'date', scheduledDate: '2099-05-10T09:00:00Z' }),
			),
		);
		expect(world.acceptedSince(mark).map((r) => r.method)).toEqual(['POST']);
	});
});
