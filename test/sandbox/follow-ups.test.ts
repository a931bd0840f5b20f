/**
 * Campaign follow-ups of the sandbox (issue 14): resends to non-openers, A/B subject tests,
 * segments and the list / contact id cross-references, over real HTTP (plain fetch, no n8n).
 */
import { useSandbox, type Answer } from './self-test';

jest.setTimeout(120_000);

const { sb, renewToken, call, get, post, del } = useSandbox();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const errorMessage = (a: Answer): string => a.body?.[0]?.error_message ?? '';
/** Moves the sandbox clock (and takes a fresh token: access tokens live 24 h on that clock). */
function advance(ms: number): void {
	sb.clock.advance(ms);
	renewToken();
}
/** The requests the contract check itself refused (400 before any handler), taken out of the after-each check. */
function takeContractViolations(): string[] {
	return sb.contractViolations.splice(0).flatMap((v) => v.errors);
}

/** The activity as PUT wants it (every writable field), with `changes`. */
async function putActivity(activityId: string, changes: Record<string, unknown>): Promise<Answer> {
	const a = (await get(`/emails/activities/${activityId}?include=html_content`)).body;
	const body: Record<string, unknown> = {
		from_email: a.from_email,
		from_name: a.from_name,
		reply_to_email: a.reply_to_email,
		subject: a.subject,
		html_content: a.html_content,
		contact_list_ids: a.contact_list_ids,
		...changes,
	};
	return call('PUT', `/emails/activities/${activityId}`, body);
}

const criteria = (...group: unknown[]) => JSON.stringify({ version: '1.0.0', criteria: { type: 'and', group } });

describe('resend to non-openers', () => {
	test('sent on its delay after the send, to the recipients who did not open, with its subject', async () => {
		// 200 recipients: with 60, fewer than a sixth did not open in about 0.7% of runs (each
		// recipient's behaviour comes from a hash of random ids), and the bounds below failed.
		const audience = 200;
		const sent = sb.sentCampaign('v3', { audience, daysAgo: 0.25 }); // 6 hours ago
		const r = await post(`/emails/activities/${sent.activityId}/non_opener_resends`, {
			resend_subject: 'In case you missed it',
			delay_minutes: 720,
		});
		expect(r.status).toBe(201);
		expect(r.body).toEqual({
			resend_subject: 'In case you missed it',
			delay_minutes: 720,
			resend_request_id: expect.stringMatching(/^\d+$/),
		});
		const id = r.body.resend_request_id;
		expect((await get(`/emails/activities/${sent.activityId}/non_opener_resends`)).body).toEqual([
			{
				resend_subject: 'In case you missed it',
				delay_minutes: 720,
				resend_request_id: id,
				resend_status: 'SCHEDULED',
			},
		]);
		expect(sb.resends(sent.activityId)).toMatchObject([{ state: 'scheduled', sentTo: [] }]);

		advance(6 * HOUR + 1000);
		const [resend] = sb.resends(sent.activityId);
		expect(resend.state).toBe('sent');
		expect(resend.resendAt).toBe(sent.sentAt + 12 * HOUR);
		const original = sb.sendLog().filter((s) => s.activityId === sent.activityId && !s.followUp);
		expect(original).toHaveLength(audience);
		// Who opened by the resend: the unique opens report of the activity, as of then.
		const opens = (await get(`/reports/email_reports/${sent.activityId}/tracking/unique_opens?limit=500`)).body;
		const bounces = (await get(`/reports/email_reports/${sent.activityId}/tracking/bounces?limit=500`)).body;
		const optouts = (await get(`/reports/email_reports/${sent.activityId}/tracking/optouts?limit=500`)).body;
		const excluded = new Set(
			[...opens.tracking_activities, ...bounces.tracking_activities, ...optouts.tracking_activities].map(
				(t: any) => t.contact_id,
			),
		);
		const expected = original.map((s) => s.contactId).filter((c) => !excluded.has(c));
		// Some but not all: between a sixth and five sixths of the audience.
		expect(expected.length).toBeGreaterThan(audience / 6);
		expect(expected.length).toBeLessThan((audience * 5) / 6);
		expect([...resend.sentTo].sort()).toEqual([...expected].sort());
		const logged = sb.sendLog().filter((s) => s.followUp === 'resend');
		expect(logged.map((s) => s.contactId).sort()).toEqual([...expected].sort());
		expect(logged.every((s) => s.subject === 'In case you missed it' && s.sentAt === resend.resendAt)).toBe(true);
		// The activity's own reports are the original send's.
		const stats = (await get(`/reports/stats/email_campaign_activities/${sent.activityId}`)).body;
		expect(stats.results[0].stats.em_sends).toBe(audience);
		expect((await get(`/emails/activities/${sent.activityId}/non_opener_resends`)).body).toEqual([
			{
				resend_subject: 'In case you missed it',
				delay_minutes: 720,
				resend_request_id: id,
				resend_status: 'DONE',
				resend_date: new Date(sent.sentAt + 12 * HOUR).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
			},
		]);
		// Deleting is only possible before it is sent.
		const gone = await del(`/emails/activities/${sent.activityId}/non_opener_resends/${id}`);
		expect(gone.status).toBe(409);
		expect(errorMessage(gone)).toMatch(/was sent/);
	});

	test('one per campaign: a second is 409 (again possible once the first is deleted)', async () => {
		const sent = sb.sentCampaign('v3', { audience: 3, daysAgo: 0.1 });
		const path = `/emails/activities/${sent.activityId}/non_opener_resends`;
		const first = await post(path, { resend_subject: 'Again', delay_days: 2 });
		expect(first.status).toBe(201);
		expect(first.body).toMatchObject({ delay_days: 2, delay_minutes: 2880 });
		const second = await post(path, { resend_subject: 'Again 2', delay_days: 3 });
		expect(second.status).toBe(409);
		expect(errorMessage(second)).toMatch(/only one is allowed per email campaign/);
		expect((await del(`${path}/${first.body.resend_request_id}`)).status).toBe(204);
		expect((await get(path)).body).toEqual([]);
		expect(sb.resends(sent.activityId)).toMatchObject([{ state: 'deleted' }]);
		expect((await post(path, { resend_subject: 'Again 3', delay_days: 3 })).status).toBe(201);
		advance(11 * DAY);
		expect(sb.resends(sent.activityId).map((r) => r.state)).toEqual(['deleted', 'sent']);
		expect(
			sb
				.sendLog()
				.filter((s) => s.followUp === 'resend')
				.every((s) => s.subject === 'Again 3'),
		).toBe(true);
	});

	test('the delay: 720..14400 minutes or 1..10 days (delay_days wins over delay_minutes); one of them required', async () => {
		const sent = sb.sentCampaign('v3', { audience: 2, daysAgo: 0.1 });
		const path = `/emails/activities/${sent.activityId}/non_opener_resends`;
		for (const body of [
			{ resend_subject: 'x', delay_minutes: 719 },
			{ resend_subject: 'x', delay_minutes: 14_401 },
			{ resend_subject: 'x', delay_days: 0 },
			{ resend_subject: 'x', delay_days: 11 },
			{ resend_subject: 'x' },
			{ resend_subject: '', delay_days: 1 },
		]) {
			const r = await post(path, body);
			expect(r.status).toBe(400);
			expect(errorMessage(r)).toMatch(/delay_minutes|delay_days|resend_subject/);
		}
		const both = await post(path, { resend_subject: 'x', delay_days: 1, delay_minutes: 5000 });
		expect(both.status).toBe(201);
		expect(both.body).toMatchObject({ delay_days: 1, delay_minutes: 1440 });
	});

	test('a draft activity: resend_request_id DRAFT until it is scheduled; a DONE one: not in the past', async () => {
		const [list] = sb.addLists(1, { contacts: 4 });
		const draft = sb.draftCampaign('v3', { lists: [list] });
		const path = `/emails/activities/${draft.activityId}/non_opener_resends`;
		const r = await post(path, { resend_subject: 'Later', delay_minutes: 1000 });
		expect(r.status).toBe(201);
		expect(r.body.resend_request_id).toBe('DRAFT');
		expect((await get(path)).body).toEqual([
			{ resend_subject: 'Later', delay_minutes: 1000, resend_request_id: 'DRAFT' },
		]);
		expect(sb.resends(draft.activityId)[0].state).toBe('draft');
		expect((await post(`/emails/activities/${draft.activityId}/schedules`, { scheduled_date: '0' })).status).toBe(201);
		const scheduled = (await get(path)).body[0];
		expect(scheduled.resend_request_id).toMatch(/^\d+$/);
		expect((await del(`${path}/DRAFT`)).status).toBe(404);
		expect((await del(`${path}/${scheduled.resend_request_id}`)).status).toBe(204);
		advance(2 * DAY);
		expect(sb.sendLog().filter((s) => s.followUp === 'resend')).toEqual([]);

		const old = sb.sentCampaign('v3', { audience: 2, daysAgo: 3 });
		const late = await post(`/emails/activities/${old.activityId}/non_opener_resends`, {
			resend_subject: 'Too late',
			delay_days: 2,
		});
		expect(late.status).toBe(400);
		expect(errorMessage(late)).toMatch(/in the past/);
	});

	test('unscheduling shows DRAFT again; deleting the campaign before the resend drops it', async () => {
		const [list] = sb.addLists(1, { contacts: 3 });
		const draft = sb.draftCampaign('v3', { lists: [list] });
		const path = `/emails/activities/${draft.activityId}/non_opener_resends`;
		expect((await post(path, { resend_subject: 'Later', delay_days: 1 })).status).toBe(201);
		const schedules = `/emails/activities/${draft.activityId}/schedules`;
		expect((await post(schedules, { scheduled_date: new Date(sb.clock.now() + DAY).toISOString() })).status).toBe(201);
		expect((await get(path)).body[0]).toMatchObject({ resend_status: 'SCHEDULED' });
		expect((await del(schedules)).status).toBe(204);
		expect((await get(path)).body).toEqual([
			{ resend_subject: 'Later', delay_minutes: 1440, delay_days: 1, resend_request_id: 'DRAFT' },
		]);
		expect((await del(`/emails/${draft.campaignId}`)).status).toBe(204);
		expect(sb.resends(draft.activityId).map((r) => r.state)).toEqual(['deleted']);
		expect((await get(path)).status).toBe(404);
	});

	test('not for another role or a removed activity; DELETE of an unknown id 404', async () => {
		const sent = sb.sentCampaign('v3', { audience: 2, daysAgo: 0.1 });
		const permalink = sb.v3Campaign(sent.campaignId)!.activityIds[1].campaign_activity_id;
		const r = await post(`/emails/activities/${permalink}/non_opener_resends`, { resend_subject: 'x', delay_days: 1 });
		expect(r.status).toBe(400);
		expect(errorMessage(r)).toMatch(/primary_email/);
		expect((await get(`/emails/activities/${permalink}/non_opener_resends`)).status).toBe(400);
		expect((await del(`/emails/activities/${sent.activityId}/non_opener_resends/123`)).status).toBe(404);
		expect(
			(
				await post(`/emails/activities/4f1c1f1e-0000-4000-8000-000000000000/non_opener_resends`, {
					resend_subject: 'x',
					delay_days: 1,
				})
			).status,
		).toBe(404);
	});
});

describe('A/B subject test', () => {
	test('only on a draft; the halves get subject A and B, the rest the winner after the wait', async () => {
		const [list] = sb.addLists(1, { contacts: 100 });
		const draft = sb.draftCampaign('v3', { lists: [list], subject: 'Spring sale' });
		const path = `/emails/activities/${draft.activityId}/abtest`;
		expect((await get(path)).status).toBe(404);
		const r = await post(path, { alternative_subject: 'Spring sale: 20% off', test_size: 20, winner_wait_duration: 6 });
		expect(r.status).toBe(201);
		expect(r.body).toEqual({ alternative_subject: 'Spring sale: 20% off', test_size: 20, winner_wait_duration: 6 });
		expect((await get(`/emails/${draft.campaignId}`)).body).toMatchObject({ type: 'AB_TEST', type_code: 57 });
		const again = await post(path, { alternative_subject: 'x', test_size: 20, winner_wait_duration: 6 });
		expect(again.status).toBe(409);

		expect((await post(`/emails/activities/${draft.activityId}/schedules`, { scheduled_date: '0' })).status).toBe(201);
		advance(2000);
		const sentAt = sb.sendLog()[0].sentAt;
		const log = () => sb.sendLog().filter((s) => s.activityId === draft.activityId);
		expect(log().filter((s) => s.followUp === 'ab_test_a')).toHaveLength(20);
		expect(log().filter((s) => s.followUp === 'ab_test_b')).toHaveLength(20);
		expect(log()).toHaveLength(40);
		expect(
			log().every((s) => s.subject === (s.followUp === 'ab_test_a' ? 'Spring sale' : 'Spring sale: 20% off')),
		).toBe(true);
		expect((await get(path)).body).not.toHaveProperty('winner');
		expect((await del(path)).status).toBe(409); // not a draft any more

		advance(6 * HOUR);
		const ab = sb.abTest(draft.activityId)!;
		expect([ab.groupA.length, ab.groupB.length, ab.held.length]).toEqual([20, 20, 60]);
		expect(ab.decidedAt).toBe(sentAt + 6 * HOUR);
		expect(ab.winner).toBe(ab.opens!.B > ab.opens!.A ? 'B' : 'A');
		const winning = ab.winner === 'B' ? 'Spring sale: 20% off' : 'Spring sale';
		const rest = log().filter((s) => s.followUp === 'ab_test_winner');
		expect(rest).toHaveLength(60);
		expect(rest.every((s) => s.subject === winning && s.sentAt === sentAt + 6 * HOUR)).toBe(true);
		expect(new Set(log().map((s) => s.contactId)).size).toBe(100);
		expect((await get(path)).body).toEqual({
			alternative_subject: 'Spring sale: 20% off',
			test_size: 20,
			winner_wait_duration: 6,
			winner: ab.winner === 'B' ? 'alternative_subject' : 'subject',
			winning_subject: winning,
			winner_decided_at: new Date(sentAt + 6 * HOUR).toISOString(),
		});
		// The opens that decided it are the activity's own tracking.
		const opens = (await get(`/reports/email_reports/${draft.activityId}/tracking/unique_opens?limit=500`)).body;
		const openedBy = new Set(
			opens.tracking_activities
				.filter((t: any) => Date.parse(t.created_time) <= sentAt + 6 * HOUR)
				.map((t: any) => t.contact_id),
		);
		expect(ab.opens).toEqual({
			A: ab.groupA.filter((c) => openedBy.has(c)).length,
			B: ab.groupB.filter((c) => openedBy.has(c)).length,
		});
		const stats = (await get(`/reports/stats/email_campaign_activities/${draft.activityId}`)).body;
		expect(stats.results[0].stats.em_sends).toBe(100);
	});

	test('limits: test_size 5..50, winner_wait_duration 6/12/24/48, a subject; DELETE reverts the type', async () => {
		const draft = sb.draftCampaign('v3');
		const path = `/emails/activities/${draft.activityId}/abtest`;
		for (const body of [
			{ alternative_subject: 'B', test_size: 4, winner_wait_duration: 6 },
			{ alternative_subject: 'B', test_size: 51, winner_wait_duration: 6 },
			{ alternative_subject: 'B', test_size: 10, winner_wait_duration: 7 },
			{ alternative_subject: ' ', test_size: 10, winner_wait_duration: 6 },
		]) {
			const r = await post(path, body);
			expect(r.status).toBe(400);
			expect(errorMessage(r)).toMatch(/test_size|winner_wait_duration|alternative_subject/);
		}
		expect((await post(path, { alternative_subject: 'B', test_size: 50, winner_wait_duration: 48 })).status).toBe(201);
		expect((await del(path)).status).toBe(204);
		expect((await get(path)).status).toBe(404);
		expect((await del(path)).status).toBe(404);
		expect((await get(`/emails/${draft.campaignId}`)).body).toMatchObject({ type: 'NEWSLETTER', type_code: 10 });
		const sent = sb.sentCampaign('v3', { audience: 2 });
		const late = await post(`/emails/activities/${sent.activityId}/abtest`, {
			alternative_subject: 'B',
			test_size: 10,
			winner_wait_duration: 6,
		});
		expect(late.status).toBe(409);
		expect(errorMessage(late)).toMatch(/DRAFT/);
	});
});

describe('segments', () => {
	test('CRUD: 201, unique names (409), rename, deleted ones out of the list but GET by id', async () => {
		const [list] = sb.addLists(1);
		const c = criteria({ source: 'list_membership', field: 'list_id', op: 'contains-any', const_value: list.v3Id });
		const r = await post('/segments', { name: 'On the list', segment_criteria: c });
		expect(r.status).toBe(201);
		expect(r.body).toEqual({
			segment_id: 1,
			name: 'On the list',
			segment_criteria: c,
			created_at: expect.any(String),
			edited_at: expect.any(String),
		});
		expect((await post('/segments', { name: 'on the LIST', segment_criteria: c })).status).toBe(409);
		advance(1000);
		const second = await post('/segments', { name: 'Second', segment_criteria: c });
		expect((await call('PATCH', '/segments/1/name', { name: 'Second' })).status).toBe(409);
		const renamed = await call('PATCH', '/segments/1/name', { name: 'Renamed' });
		expect(renamed.status).toBe(200);
		expect(renamed.body.name).toBe('Renamed');
		expect((await get('/segments')).body.segments.map((s: any) => s.name)).toEqual(['Renamed', 'Second']);
		expect((await get('/segments?sort_by=name')).body.segments.map((s: any) => s.name)).toEqual(['Renamed', 'Second']);
		expect((await del(`/segments/${second.body.segment_id}`)).status).toBe(204);
		expect((await get('/segments')).body.segments.map((s: any) => s.segment_id)).toEqual([1]);
		expect((await get(`/segments/${second.body.segment_id}`)).body.name).toBe('Second');
		expect((await del(`/segments/${second.body.segment_id}`)).status).toBe(404);
		expect((await call('PUT', `/segments/${second.body.segment_id}`, { name: 'x', segment_criteria: c })).status).toBe(
			404,
		);
		expect(sb.segments().map((s) => [s.segment_id, s.deleted])).toEqual([
			[1, false],
			[2, true],
		]);
		// The name of a deleted segment is free again.
		expect((await post('/segments', { name: 'Second', segment_criteria: c })).status).toBe(201);
		const put = await call('PUT', '/segments/1', {
			name: 'Renamed',
			segment_criteria: criteria({ source: 'contact', field: 'first_name', op: 'eq', const_value: 'Ann' }),
		});
		expect(put.status).toBe(200);
		expect(sb.segment(1)!.criteria.group[0]).toMatchObject({ source: 'contact', field: 'first_name' });
		expect((await get('/segments/99')).status).toBe(404);
		expect((await call('PATCH', '/segments/1/name', { name: ' ' })).status).toBe(400);
		expect((await call('PATCH', `/segments/${second.body.segment_id}/name`, { name: 'Back' })).status).toBe(404);
	});

	test('paging: limit and _links.next; sort_by name or date (most recently edited first)', async () => {
		sb.addSegments([{ name: 'Charlie' }, { name: 'alpha' }, { name: 'Bravo' }]);
		advance(1000);
		expect((await call('PATCH', '/segments/2/name', { name: 'Alpha' })).status).toBe(200);
		const byDate = (await get('/segments?limit=2')).body;
		expect(byDate.segments.map((s: any) => s.name)).toEqual(['Alpha', 'Bravo']);
		const next = byDate._links.next.href as string;
		expect(next).toMatch(/^\/v3\/segments\?cursor=.+&limit=2$/);
		const page2 = (await get(next.replace(/^\/v3/, ''))).body;
		expect(page2.segments.map((s: any) => s.name)).toEqual(['Charlie']);
		expect(page2._links).toBeUndefined();
		expect((await get('/segments?sort_by=name')).body.segments.map((s: any) => s.name)).toEqual([
			'Alpha',
			'Bravo',
			'Charlie',
		]);
		expect((await get('/segments?sort_by=size')).status).toBe(400);
		expect((await get('/segments?limit=0')).status).toBe(400);
		expect((await get('/segments?limit=1001')).status).toBe(400);
	});

	test('criteria: malformed JSON or an unknown shape is a 400 naming the problem', async () => {
		const [list] = sb.addLists(1);
		const cases: [string, RegExp][] = [
			['{"version":"1.0.0",', /not valid JSON/],
			['[]', /must be a JSON object/],
			[JSON.stringify({ version: '2.0.0', criteria: { type: 'and', group: [] } }), /version: must be '1.0.0'/],
			[JSON.stringify({ version: '1.0.0' }), /criteria: is required/],
			[
				JSON.stringify({ version: '1.0.0', criteria: { type: 'or', group: [{}] } }),
				/top-level group's type must be 'and'/,
			],
			[JSON.stringify({ criteria: { type: 'and', group: [] } }), /criteria.group: must be a non-empty array/],
			[criteria({ source: 'weather', field: 'x', op: 'eq' }), /criteria.group\[0\].source: must be one of/],
			[criteria({ source: 'contact', field: 'shoe_size', op: 'eq', const_value: '9' }), /criteria.group\[0\].field/],
			[criteria({ source: 'contact', field: 'first_name', op: 'like', const_value: 'A' }), /criteria.group\[0\].op/],
			[
				criteria({ source: 'contact', field: 'first_name', op: 'eq', const_value: 'A', extra: 1 }),
				/unknown property 'extra'/,
			],
			[
				criteria({ source: 'list_membership', field: 'list_id', op: 'contains-any', const_value: 'nope' }),
				/contact list 'nope' does not exist/,
			],
			[
				criteria(
					{ source: 'list_membership', field: 'list_id', op: 'contains-any', const_value: list.v3Id },
					{ source: 'list_membership', field: 'list_id', op: 'contains-any', const_value: list.v3Id },
				),
				/'list_membership' rules can only be combined in an 'or' group/,
			],
			[
				criteria({ source: 'tags', field: 'tag_id', op: 'contains-any', const_value: 'nope' }),
				/tag 'nope' does not exist/,
			],
			[
				criteria({
					source: 'tracking',
					field: 'not_opened',
					op: 'contains-any',
					const_value: 'last-n-campaigns',
					param: '501',
				}),
				/param: must be a whole number from 1 to 500/,
			],
			[
				criteria({
					source: 'tracking',
					field: 'opened',
					op: 'contains-any',
					const_value: 'last-n-days',
					param: '1826',
				}),
				/param: must be a whole number from 1 to 1825/,
			],
			[
				criteria({ source: 'contact', field: 'custom_field', op: 'eq', const_value: 'x', param: 'nope' }),
				/custom field 'nope'/,
			],
		];
		for (const [c, message] of cases) {
			const r = await post('/segments', { name: 'Bad', segment_criteria: c });
			expect([c.slice(0, 80), r.status]).toEqual([c.slice(0, 80), 400]);
			expect(errorMessage(r) || JSON.stringify(r.body)).toMatch(message);
		}
		// Over the contract's maxLength: refused by the contract check itself.
		const long = await post('/segments', { name: 'Bad', segment_criteria: 'x'.repeat(20_001) });
		expect(long.status).toBe(400);
		expect(takeContractViolations()).toEqual(['body.segment_criteria: must NOT have more than 20000 characters']);
		expect(sb.segments()).toEqual([]);
	});

	test('criteria evaluate against contacts: lists, tags, contact fields, custom fields, tracking', async () => {
		const [l1, l2] = sb.addLists(2);
		const [vip] = sb.addTags(['VIP']);
		const [city] = sb.addCustomFields(['City']);
		const a = sb.addContacts(3, { lists: [l1], firstName: 'Ann' });
		const b = sb.addContacts(2, { lists: [l2], tags: [vip], customFields: { [city.name]: 'Boston' } });
		const c = sb.addContacts(1, { lists: [l1, l2], tags: [vip] });
		sb.addContacts(1, { lists: [l1], status: 'deleted' });
		const ids = (xs: { contactId: string }[]) => xs.map((x) => x.contactId).sort();
		const seg = (group: unknown[]) =>
			sb.addSegments([{ criteria: { version: '1.0.0', criteria: { type: 'and', group } } }])[0].segmentId;
		const members = (id: number) => sb.segmentMembers(id).sort();
		const onL1 = { source: 'list_membership', field: 'list_id', op: 'contains-any', const_value: l1.v3Id };
		expect(members(seg([onL1]))).toEqual(ids([...a, ...c]));
		expect(
			members(
				seg([
					{ ...onL1, const_value: `${l1.v3Id},${l2.v3Id}` },
					{ source: 'tags', field: 'tag_id', op: 'not-contains-any', const_value: vip.tagId },
				]),
			),
		).toEqual(ids(a));
		expect(members(seg([{ source: 'contact', field: 'first_name', op: 'eq', const_value: 'ann' }]))).toEqual(ids(a));
		expect(
			members(
				seg([{ source: 'contact', field: 'custom_field', op: 'eq', const_value: 'boston', param: city.customFieldId }]),
			),
		).toEqual(ids(b));
		expect(
			members(
				seg([
					{
						type: 'or',
						group: [
							{ source: 'contact', field: 'first_name', op: 'starts-with', const_value: 'An' },
							{ source: 'tags', field: 'tag_id', op: 'contains-any', const_value: vip.tagId },
						],
					},
				]),
			),
		).toEqual(ids([...a, ...b, ...c]));
		// Tracking: contacts who did not open the last campaign (the unique opens report's complement).
		const sent = sb.sentCampaign('v3', { audience: 30 });
		const notOpened = members(
			seg([
				{ source: 'tracking', field: 'not_opened', op: 'contains-any', const_value: 'last-n-campaigns', param: '1' },
			]),
		);
		const opened = members(
			seg([{ source: 'tracking', field: 'opened', op: 'contains-any', const_value: 'last-n-days', param: '5' }]),
		);
		const received = sb
			.sendLog()
			.filter((s) => s.activityId === sent.activityId)
			.map((s) => s.contactId);
		// Who opens is drawn per contact, so the sets are checked against the activity's own reports.
		const report = async (kind: string) =>
			new Set<string>(
				(
					await get(`/reports/email_reports/${sent.activityId}/tracking/${kind}?limit=500`)
				).body.tracking_activities.map((t: any) => t.contact_id),
			);
		const openers = await report('unique_opens');
		const bounced = await report('bounces');
		expect(received).toHaveLength(30);
		expect(opened).toEqual([...openers].sort());
		expect(notOpened).toEqual(received.filter((id) => !openers.has(id) && !bounced.has(id)).sort());
		expect(opened.length).toBeGreaterThan(0);
		expect(notOpened.length).toBeGreaterThan(0);
	});

	test('an activity with segment_ids is sent to the segment’s contacts', async () => {
		const [l1, l2] = sb.addLists(2);
		const [vip] = sb.addTags(['VIP']);
		const tagged = sb.addContacts(4, { lists: [l1], tags: [vip] });
		sb.addContacts(5, { lists: [l1, l2] });
		const elsewhere = sb.addContacts(2, { tags: [vip] });
		const [segment] = sb.addSegments([
			{
				name: 'VIPs',
				criteria: {
					version: '1.0.0',
					criteria: {
						type: 'and',
						group: [{ source: 'tags', field: 'tag_id', op: 'contains-any', const_value: vip.tagId }],
					},
				},
			},
		]);
		const draft = sb.draftCampaign('v3');
		const both = await putActivity(draft.activityId, { contact_list_ids: [l2.v3Id], segment_ids: [segment.segmentId] });
		expect(both.status).toBe(400);
		expect(errorMessage(both)).toMatch(/not both/);
		expect((await putActivity(draft.activityId, { contact_list_ids: [], segment_ids: [1, 2] })).status).toBe(400);
		const unknown = await putActivity(draft.activityId, { contact_list_ids: [], segment_ids: [77] });
		expect(unknown.status).toBe(400);
		expect(errorMessage(unknown)).toMatch(/segment 77 does not exist/);
		const ok = await putActivity(draft.activityId, { contact_list_ids: [], segment_ids: [segment.segmentId] });
		expect(ok.status).toBe(200);
		expect(ok.body.segment_ids).toEqual([segment.segmentId]);
		expect((await post(`/emails/activities/${draft.activityId}/schedules`, { scheduled_date: '0' })).status).toBe(201);
		// While scheduled, the segment cannot be deleted.
		const busy = await del(`/segments/${segment.segmentId}`);
		expect(busy.status).toBe(400);
		expect(errorMessage(busy)).toMatch(/scheduled/);
		advance(2000);
		const to = sb
			.sendLog()
			.filter((s) => s.activityId === draft.activityId)
			.map((s) => s.contactId)
			.sort();
		expect(to).toEqual([...tagged, ...elsewhere].map((c) => c.contactId).sort());
		const history = (await get(`/emails/activities/${draft.activityId}/send_history`)).body;
		expect(history[0]).toMatchObject({ segment_ids: [segment.segmentId], count: 6 });
		// Deleted since: the activity cannot be scheduled again with it.
		expect((await del(`/segments/${segment.segmentId}`)).status).toBe(204);
		const again = await post(`/emails/activities/${draft.activityId}/schedules`, { scheduled_date: '0' });
		expect(again.status).toBe(400);
		expect(errorMessage(again)).toMatch(/segment 1 was deleted/);
	});
});

describe('segments as a source of contacts', () => {
	test('GET /contacts?segment_id (only with limit), add_list_memberships and contact_exports from a segment', async () => {
		const [vip] = sb.addTags(['VIP']);
		const tagged = sb.addContacts(3, { tags: [vip] });
		sb.addContacts(2);
		const [segment] = sb.addSegments([
			{
				criteria: {
					version: '1.0.0',
					criteria: {
						type: 'and',
						group: [{ source: 'tags', field: 'tag_id', op: 'contains-any', const_value: vip.tagId }],
					},
				},
			},
		]);
		const ids = tagged.map((c) => c.contactId).sort();
		const page1 = (await get(`/contacts?segment_id=${segment.segmentId}&limit=2`)).body;
		const page2 = (await get(page1._links.next.href.replace(/^\/v3/, ''))).body;
		expect([...page1.contacts, ...page2.contacts].map((c: any) => c.contact_id).sort()).toEqual(ids);
		const mixed = await get(`/contacts?segment_id=${segment.segmentId}&status=all`);
		expect(mixed.status).toBe(400);
		expect(errorMessage(mixed)).toMatch(/only be combined with limit/);
		expect((await get('/contacts?segment_id=42')).status).toBe(404);

		const [target] = sb.addLists(1);
		const add = await post('/activities/add_list_memberships', {
			source: { segment_id: segment.segmentId },
			list_ids: [target.v3Id],
		});
		expect(add.status).toBe(201);
		const exp = await post('/activities/contact_exports', { segment_id: segment.segmentId, fields: ['email'] });
		expect(exp.status).toBe(201);
		advance(120_000);
		expect(
			sb
				.contacts()
				.filter((c) => c.listIds.has(target.v3Id))
				.map((c) => c.contact_id)
				.sort(),
		).toEqual(ids);
		expect(sb.activity(exp.body.activity_id)!.csv!.trim().split('\r\n').slice(1).sort()).toEqual(
			tagged.map((c) => c.email).sort(),
		);
		expect(
			(await post('/activities/add_list_memberships', { source: { segment_id: 42 }, list_ids: [target.v3Id] })).status,
		).toBe(404);
	});
});

describe('v2 -> v3 id cross-references', () => {
	test('lists and contacts by sequence_ids, ascending, unknown ones left out; at most 500 ids', async () => {
		const lists = sb.addLists(3);
		const contacts = sb.addContacts(3);
		const listIds = lists.map((l) => l.v2Id);
		const r = await get(`/contact_lists/list_id_xrefs?sequence_ids=${[listIds[2], '999999', listIds[0]].join(',')}`);
		expect(r.status).toBe(200);
		expect(r.body).toEqual({
			xrefs: [
				{ sequence_id: listIds[0], list_id: lists[0].v3Id },
				{ sequence_id: listIds[2], list_id: lists[2].v3Id },
			],
		});
		const c = await get(
			`/contacts/contact_id_xrefs?sequence_ids=${contacts
				.map((x) => x.v2Id)
				.reverse()
				.join(',')}`,
		);
		expect(c.body).toEqual({ xrefs: contacts.map((x) => ({ sequence_id: x.v2Id, contact_id: x.contactId })) });
		// Duplicates once; deleted lists left out, deleted contacts kept.
		expect((await del(`/contact_lists/${lists[1].v3Id}`)).status).toBe(202);
		expect((await del(`/contacts/${contacts[1].contactId}`)).status).toBe(204);
		const again = await get(`/contact_lists/list_id_xrefs?sequence_ids=${[...listIds, listIds[0]].join(',')}`);
		expect(again.body.xrefs.map((x: any) => x.sequence_id)).toEqual([listIds[0], listIds[2]]);
		const kept = await get(`/contacts/contact_id_xrefs?sequence_ids=${contacts[1].v2Id},${contacts[1].v2Id}`);
		expect(kept.body).toEqual({ xrefs: [{ sequence_id: contacts[1].v2Id, contact_id: contacts[1].contactId }] });
		const many = Array.from({ length: 501 }, (_, i) => String(i + 1)).join(',');
		for (const path of ['/contact_lists/list_id_xrefs', '/contacts/contact_id_xrefs']) {
			const over = await get(`${path}?sequence_ids=${many}`);
			expect(over.status).toBe(400);
			expect(JSON.stringify(over.body)).toMatch(/500/);
			expect((await get(`${path}?sequence_ids=${many.split(',').slice(0, 500).join(',')}`)).status).toBe(200);
			expect((await get(path)).status).toBe(400);
			expect(takeContractViolations()).toEqual(['query.sequence_ids: is required.']);
		}
	});
});
