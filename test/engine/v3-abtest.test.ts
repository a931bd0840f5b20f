import { campaignActivity, errorOf, HOUR, jsonOf, scheduleCreate, useWorld } from './world';

const world = useWorld();

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const createAbTest = (activityId: string, parameters: Record<string, unknown> = {}) =>
	campaignActivity(activityId, 'createAbTest', {
		alternativeSubject: 'Last chance: 20% off',
		testSize: 20,
		winnerWaitDuration: '24',
		...parameters,
	});

describe('v3 campaign activity: A/B test of the subject', () => {
	test('create on a draft sends the alternative subject, test size and wait; the email becomes an A/B test', async () => {
		const draft = world.draftCampaign('v3', { subject: 'Spring sale' });
		const mark = world.mark;
		const [made] = jsonOf(await world.run(createAbTest(draft.activityId, { winnerWaitDuration: '6' })));
		expect(made).toEqual({
			campaign_activity_id: draft.activityId,
			alternative_subject: 'Last chance: 20% off',
			test_size: 20,
			winner_wait_duration: 6,
		});
		expect(world.accepted('POST', /\/abtest$/, mark).map((r) => r.body)).toEqual([
			{ alternative_subject: 'Last chance: 20% off', test_size: 20, winner_wait_duration: 6 },
		]);
		expect(world.abTest(draft.activityId)).toMatchObject({
			alternative_subject: 'Last chance: 20% off',
			test_size: 20,
			winner_wait_duration: 6,
		});
		expect(world.sandbox.v3Campaign(draft.campaignId)).toMatchObject({ type_code: 57 });
	});

	test('the wait may come from an expression as a number of hours', async () => {
		const draft = world.draftCampaign('v3');
		const [made] = jsonOf(await world.run(createAbTest(draft.activityId, { winnerWaitDuration: '={{ 48 }}' })));
		expect(made.winner_wait_duration).toBe(48);
	});

	test('values outside the API limits are refused before any request, naming the field', async () => {
		const draft = world.draftCampaign('v3');
		const mark = world.mark;
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ testSize: 4 }, '"Test Size" must be a whole number from 5 to 50, not 4'],
			[{ testSize: 51 }, '"Test Size" must be a whole number from 5 to 50, not 51'],
			[{ testSize: 12.5 }, '"Test Size" must be a whole number from 5 to 50, not 12.5'],
			[{ winnerWaitDuration: '36' }, '"Wait Before Choosing the Winner" must be one of 6, 12, 24, 48; not "36"'],
			[{ winnerWaitDuration: '={{ 36 }}' }, '"Wait Before Choosing the Winner" must be one of 6, 12, 24, 48; not "36"'],
			[{ alternativeSubject: '={{ "" }}' }, '"Alternative Subject" is required'],
		];
		for (const [parameters, message] of cases) {
			expect((await world.run(createAbTest(draft.activityId, parameters))).error?.message).toBe(message);
		}
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);
		expect(world.abTest(draft.activityId)).toBeUndefined();
	});

	test('a second test, or a test of a sent email, is refused by the API with a hint that says what to do', async () => {
		const draft = world.draftCampaign('v3');
		jsonOf(await world.run(createAbTest(draft.activityId)));
		const again = await world.run(createAbTest(draft.activityId, { alternativeSubject: 'Another' }));
		expect(errorOf(again).httpCode).toBe('409');
		expect(errorOf(again).description).toMatch(/only to a draft email, one per email.*Delete A\/B Test/);
		expect(world.abTest(draft.activityId)?.alternative_subject).toBe('Last chance: 20% off');

		const sent = world.sentCampaign('v3', { audience: 2 });
		const late = await world.run(createAbTest(sent.activityId));
		expect(errorOf(late).httpCode).toBe('409');
		expect(world.abTest(sent.activityId)).toBeUndefined();
	});

	test('a create whose answer is lost is read back, not sent twice; a failed read back leaves the outcome unknown', async () => {
		const handled = (since: number) =>
			world.accepted('POST', /\/abtest$/, since).filter((r) => r.handledStatus !== undefined && r.handledStatus < 300);
		const lost = world.draftCampaign('v3');
		world.sandbox.injectFault({ kind: '5xx', method: 'POST', path: /\/abtest$/, afterProcessing: true, count: 1 });
		let mark = world.mark;
		const [made] = jsonOf(await world.run(createAbTest(lost.activityId)));
		expect(made).toMatchObject({ campaign_activity_id: lost.activityId, alternative_subject: 'Last chance: 20% off' });
		expect(handled(mark)).toHaveLength(1);

		// The check itself fails (not a 404 "no test"): the node must not take the test for not made.
		const unchecked = world.draftCampaign('v3');
		world.sandbox.injectFault({ kind: '5xx', method: 'POST', path: /\/abtest$/, afterProcessing: true, count: 1 });
		world.sandbox.injectFault({ kind: 'status', status: 400, method: 'GET', path: /\/abtest$/, count: 1 });
		mark = world.mark;
		const result = await world.run(createAbTest(unchecked.activityId));
		expect(errorOf(result).description).toMatch(/not known whether/);
		expect(handled(mark)).toHaveLength(1);
		expect(world.abTest(unchecked.activityId)?.alternative_subject).toBe('Last chance: 20% off');
	});

	test('get reads the test; once the email is sent and the wait is over, the winner is decided and sent to the rest', async () => {
		const [list] = world.addLists(1, { contacts: 40 });
		const draft = world.draftCampaign('v3', { lists: [list], subject: 'Spring sale' });
		jsonOf(await world.run(createAbTest(draft.activityId, { testSize: 25, winnerWaitDuration: '12' })));
		const [before] = jsonOf(await world.run(campaignActivity(draft.activityId, 'getAbTest')));
		expect(before).toEqual({
			campaign_activity_id: draft.activityId,
			alternative_subject: 'Last chance: 20% off',
			test_size: 25,
			winner_wait_duration: 12,
		});

		jsonOf(await world.run(scheduleCreate(draft.activityId, { scheduleType: 'now' })));
		world.sandbox.clock.advance(5_000);
		const test = world.abTest(draft.activityId);
		expect(test?.groupA).toHaveLength(10);
		expect(test?.groupB).toHaveLength(10);
		expect(test?.winner).toBeUndefined();

		world.sandbox.clock.advance(12 * HOUR);
		const decided = world.abTest(draft.activityId);
		expect(decided?.winner).toMatch(/^[AB]$/);
		const [after] = jsonOf(await world.run(campaignActivity(draft.activityId, 'getAbTest')));
		expect(after).toMatchObject({ winning_subject: decided?.winningSubject, winner_decided_at: expect.any(String) });
		const winnerSends = world.sandbox
			.v3Activity(draft.activityId)
			?.sendLog.filter((s) => s.followUp === 'ab_test_winner');
		expect(winnerSends).toHaveLength(20);

		const sentAlready = await world.run(campaignActivity(draft.activityId, 'deleteAbTest'));
		expect(errorOf(sentAlready).httpCode).toBe('409');
		expect(errorOf(sentAlready).description).toMatch(/only while the email is a draft/);
	});

	test("delete removes a draft's test: the email is a newsletter again, and Get A/B Test finds none", async () => {
		const draft = world.draftCampaign('v3');
		jsonOf(await world.run(createAbTest(draft.activityId)));
		const [out] = jsonOf(await world.run(campaignActivity(draft.activityId, 'deleteAbTest')));
		expect(out).toEqual({ campaign_activity_id: draft.activityId, deleted: true });
		expect(world.abTest(draft.activityId)).toBeUndefined();
		expect(world.sandbox.v3Campaign(draft.campaignId)).toMatchObject({ type_code: 10 });
		const none = await world.run(campaignActivity(draft.activityId, 'getAbTest'));
		expect(errorOf(none).httpCode).toBe('404');
		expect(errorOf(none).description).toBe(
			`No A/B test found for campaign activity "${draft.activityId}": the email has none, or it does not exist in ` +
				'this Constant Contact account.',
		);
	});

	test('an unknown activity gives a 404 naming it on every A/B operation; a non-ID is refused before any request', async () => {
		for (const operation of ['createAbTest', 'getAbTest', 'deleteAbTest']) {
			const result = await world.run(createAbTest(UNKNOWN, { operation }));
			expect(errorOf(result).httpCode).toBe('404');
			expect(errorOf(result).description).toMatch(new RegExp(`campaign activity (with ID )?"${UNKNOWN}"`, 'i'));
		}
		const mark = world.mark;
		expect((await world.run(createAbTest('={{ "nope" }}'))).error?.message).toBe(
			'"Campaign Activity" is not a valid ID: "nope"',
		);
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);
	});
});
