import { campaignActivity, DAY, errorOf, HOUR, jsonOf, useWorld } from './world';

const world = useWorld();

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const createResend = (activityId: string, parameters: Record<string, unknown> = {}) =>
	campaignActivity(activityId, 'createResend', {
		resendSubject: 'In case you missed it',
		delay: 2,
		delayUnit: 'days',
		...parameters,
	});

describe('v3 campaign activity: resend to non-openers', () => {
	test('create on a draft sends the subject and the delay in days; the resend waits as DRAFT', async () => {
		const draft = world.draftCampaign('v3');
		const mark = world.mark;
		const [made] = jsonOf(await world.run(createResend(draft.activityId)));
		expect(made).toMatchObject({
			campaign_activity_id: draft.activityId,
			resend_subject: 'In case you missed it',
			delay_days: 2,
			resend_request_id: 'DRAFT',
		});
		expect(world.accepted('POST', /non_opener_resends$/, mark).map((r) => r.body)).toEqual([
			{ resend_subject: 'In case you missed it', delay_days: 2 },
		]);
		expect(world.resends(draft.activityId)).toEqual([
			expect.objectContaining({ resend_subject: 'In case you missed it', delay_minutes: 2 * 1440, state: 'draft' }),
		]);
	});

	test('a delay in hours is sent in minutes: 12 hours is the least Constant Contact takes', async () => {
		const draft = world.draftCampaign('v3');
		const mark = world.mark;
		jsonOf(await world.run(createResend(draft.activityId, { delay: 12, delayUnit: 'hours' })));
		expect(world.accepted('POST', /non_opener_resends$/, mark)[0].body).toEqual({
			resend_subject: 'In case you missed it',
			delay_minutes: 720,
		});
		expect(world.resends(draft.activityId)[0]).toMatchObject({ delay_minutes: 720 });
	});

	test('a delay outside 12 hours to 10 days, or an empty subject, is refused before any request, naming the field', async () => {
		const draft = world.draftCampaign('v3');
		const mark = world.mark;
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ delay: 0 }, '"Delay" must be a whole number from 1 to 10 when "Delay Unit" is Days, not 0'],
			[{ delay: 11 }, '"Delay" must be a whole number from 1 to 10 when "Delay Unit" is Days, not 11'],
			[{ delay: 1.5 }, '"Delay" must be a whole number from 1 to 10 when "Delay Unit" is Days, not 1.5'],
			[
				{ delay: 11, delayUnit: 'hours' },
				'"Delay" must be a whole number from 12 to 240 when "Delay Unit" is Hours, not 11',
			],
			[
				{ delay: 241, delayUnit: 'hours' },
				'"Delay" must be a whole number from 12 to 240 when "Delay Unit" is Hours, not 241',
			],
			[{ delay: '={{ "soon" }}' }, '"Delay" must be a whole number from 1 to 10 when "Delay Unit" is Days, not "soon"'],
			[{ delayUnit: '={{ "weeks" }}' }, '"Delay Unit" must be one of days, hours; not "weeks"'],
			[{ resendSubject: ' ' }, '"Resend Subject" is required'],
		];
		for (const [parameters, message] of cases) {
			const result = await world.run(createResend(draft.activityId, parameters));
			expect(result.error?.message).toBe(message);
		}
		expect(errorOf(await world.run(createResend(draft.activityId, { delay: 11 }))).description).toBe(
			'Constant Contact resends 12 hours to 10 days after the send.',
		);
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);
		expect(world.resends(draft.activityId)).toEqual([]);
	});

	test('a second resend of the campaign is refused by the API, with a hint that says what to do', async () => {
		const draft = world.draftCampaign('v3');
		jsonOf(await world.run(createResend(draft.activityId)));
		const again = await world.run(createResend(draft.activityId, { resendSubject: 'Second try' }));
		expect(errorOf(again).httpCode).toBe('409');
		expect(errorOf(again).description).toMatch(/one resend to non-openers per campaign.*Delete Resend.*Get Resends/);
		expect(world.resends(draft.activityId).map((r) => r.resend_subject)).toEqual(['In case you missed it']);
	});

	test('get lists the resend with its activity ID; an email without one gives no item', async () => {
		const draft = world.draftCampaign('v3');
		expect(jsonOf(await world.run(campaignActivity(draft.activityId, 'getResends')))).toEqual([]);
		jsonOf(await world.run(createResend(draft.activityId, { delay: 3 })));
		expect(jsonOf(await world.run(campaignActivity(draft.activityId, 'getResends')))).toEqual([
			expect.objectContaining({
				campaign_activity_id: draft.activityId,
				resend_subject: 'In case you missed it',
				delay_days: 3,
				resend_request_id: 'DRAFT',
			}),
		]);
	});

	test('delete without a Resend Request ID finds the resend and deletes it; the campaign may then get a new one', async () => {
		const draft = world.draftCampaign('v3');
		jsonOf(await world.run(createResend(draft.activityId)));
		const mark = world.mark;
		const [out] = jsonOf(await world.run(campaignActivity(draft.activityId, 'deleteResend')));
		expect(out).toEqual({ campaign_activity_id: draft.activityId, resend_request_id: 'DRAFT', deleted: true });
		expect(world.acceptedSince(mark).map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /v3/emails/activities/${draft.activityId}/non_opener_resends`,
			`DELETE /v3/emails/activities/${draft.activityId}/non_opener_resends/DRAFT`,
		]);
		expect(world.resends(draft.activityId).map((r) => r.state)).toEqual(['deleted']);
		jsonOf(await world.run(createResend(draft.activityId, { resendSubject: 'New subject' })));
		expect(world.resends(draft.activityId).map((r) => r.state)).toEqual(['deleted', 'draft']);

		const none = await world.run(campaignActivity(world.draftCampaign('v3').activityId, 'deleteResend'));
		expect(none.error?.message).toMatch(/^Campaign activity ".*" has no resend to non-openers to delete$/);
	});

	test('after a send: the resend is scheduled with its own ID, goes to the non-openers once due, and cannot be deleted then', async () => {
		const sent = world.sentCampaign('v3', { audience: 40, daysAgo: 1 });
		const [made] = jsonOf(
			await world.run(createResend(sent.activityId, { resendSubject: 'Did you see our news?', delay: 2 })),
		);
		const resendId = String(made.resend_request_id);
		expect(resendId).toMatch(/^[0-9]+$/);
		expect(world.resends(sent.activityId)[0]).toMatchObject({ state: 'scheduled', sentTo: [] });
		const [listed] = jsonOf(await world.run(campaignActivity(sent.activityId, 'getResends')));
		expect(listed).toMatchObject({ resend_request_id: resendId, resend_status: 'SCHEDULED' });

		// The resend is due two days after the send, a day from now.
		world.sandbox.clock.advance(DAY + HOUR);
		const [resend] = world.resends(sent.activityId);
		expect(resend.state).toBe('sent');
		const recipients = new Set(world.sandbox.v3Activity(sent.activityId)?.sendLog.map((s) => s.contactId));
		expect(resend.sentTo.length).toBeGreaterThan(0);
		expect(resend.sentTo.length).toBeLessThan(recipients.size);
		for (const id of resend.sentTo) expect(recipients.has(id)).toBe(true);
		const [done] = jsonOf(await world.run(campaignActivity(sent.activityId, 'getResends')));
		expect(done).toMatchObject({ resend_request_id: resendId, resend_status: 'DONE', resend_date: expect.any(String) });

		const late = await world.run(campaignActivity(sent.activityId, 'deleteResend', { resendRequestId: resendId }));
		expect(errorOf(late).httpCode).toBe('409');
		expect(errorOf(late).description).toMatch(/only until it is sent/);
	});

	test('delete with a Resend Request ID deletes that resend of a sent email before it is due', async () => {
		const sent = world.sentCampaign('v3', { audience: 3, daysAgo: 1 });
		const [made] = jsonOf(await world.run(createResend(sent.activityId, { delay: 5 })));
		const mark = world.mark;
		jsonOf(
			await world.run(
				campaignActivity(sent.activityId, 'deleteResend', { resendRequestId: String(made.resend_request_id) }),
			),
		);
		expect(world.acceptedSince(mark).map((r) => `${r.method} ${r.path}`)).toEqual([
			`DELETE /v3/emails/activities/${sent.activityId}/non_opener_resends/${String(made.resend_request_id)}`,
		]);
		expect(world.resends(sent.activityId)[0].state).toBe('deleted');
	});

	test('bad or unknown IDs: a malformed Resend Request ID is refused before any request; unknown ones are named', async () => {
		const draft = world.draftCampaign('v3');
		const mark = world.mark;
		const bad = await world.run(campaignActivity(draft.activityId, 'deleteResend', { resendRequestId: 'next one' }));
		expect(bad.error?.message).toBe('"Resend Request ID" is not a valid ID: "next one"');
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);

		const wrong = await world.run(campaignActivity(draft.activityId, 'deleteResend', { resendRequestId: '123' }));
		expect(errorOf(wrong).httpCode).toBe('404');
		expect(errorOf(wrong).description).toMatch(/check "Campaign Activity" and "Resend Request ID"/);
		for (const operation of ['getResends', 'createResend', 'deleteResend']) {
			const unknown = await world.run(createResend(UNKNOWN, { operation, resendRequestId: 'DRAFT' }));
			expect(errorOf(unknown).httpCode).toBe('404');
			expect(errorOf(unknown).description).toMatch(/campaign activity/i);
		}
	});
});
