/** `/emails/activities/{id}/abtest` (v3): an A/B subject test on a draft primary email. */
import { type Ctx, type Reply, fail, json } from './common';
import { followUps, primaryActivity, type AbTest } from './follow-ups';
import { iso, touchV3, type SandboxState, type V3Activity } from './state';

/** ABTestData: "Valid values include 5 to 50 percent"; "6, 12, 24, and 48" hours. */
export const AB_TEST_SIZE_MIN = 5;
export const AB_TEST_SIZE_MAX = 50;
export const AB_WINNER_WAIT_HOURS = [6, 12, 24, 48];

function abTestOf(st: SandboxState, a: V3Activity): AbTest {
	return (
		followUps(st).abTests.get(a.campaign_activity_id) ??
		fail(404, 'email.api.not_found', `Email campaign activity ${a.campaign_activity_id} has no A/B test.`)
	);
}

const draftOnly = (a: V3Activity, what: string): void => {
	if (a.current_status !== 'DRAFT')
		fail(
			409,
			'email.api.activity.status.conflict',
			`The email campaign activity is ${a.current_status}; an A/B test can only be ${what} while it is DRAFT.`,
		);
};

/** ABTestData, plus (sandbox extension, once decided) `winner`, `winning_subject`, `winner_decided_at`. */
function abTestJson(ab: AbTest): Record<string, unknown> {
	const o: Record<string, unknown> = {
		alternative_subject: ab.alternative_subject,
		test_size: ab.test_size,
		winner_wait_duration: ab.winner_wait_duration,
	};
	if (ab.winner) {
		o.winner = ab.winner === 'A' ? 'subject' : 'alternative_subject';
		o.winning_subject = ab.winningSubject;
		o.winner_decided_at = iso(ab.decidedAt!);
	}
	return o;
}

export function getAbTest(ctx: Ctx, id: string): Reply {
	const a = primaryActivity(ctx.state, id, 'have A/B tests');
	return json(200, abTestJson(abTestOf(ctx.state, a)));
}

export function postAbTest(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const a = primaryActivity(st, id, 'have A/B tests');
	draftOnly(a, 'created');
	if (followUps(st).abTests.has(id))
		fail(409, 'email.api.abtest.conflict', `Email campaign activity ${id} already has an A/B test; delete it first.`);
	const b = ctx.body ?? {};
	if (typeof b.alternative_subject !== 'string' || !b.alternative_subject.trim())
		fail(400, 'json.field.required', 'alternative_subject: is required.');
	if (!Number.isInteger(b.test_size) || b.test_size < AB_TEST_SIZE_MIN || b.test_size > AB_TEST_SIZE_MAX)
		fail(
			400,
			'json.field.invalid',
			`test_size: must be a whole percentage from ${AB_TEST_SIZE_MIN} to ${AB_TEST_SIZE_MAX}, not ${b.test_size}.`,
		);
	if (!AB_WINNER_WAIT_HOURS.includes(b.winner_wait_duration))
		fail(
			400,
			'json.field.invalid',
			`winner_wait_duration: must be ${AB_WINNER_WAIT_HOURS.join(', ')} (hours), not ${b.winner_wait_duration}.`,
		);
	const ab: AbTest = {
		activityId: id,
		alternative_subject: b.alternative_subject,
		test_size: b.test_size,
		winner_wait_duration: b.winner_wait_duration,
		createdAt: ctx.now,
		groupA: [],
		groupB: [],
		held: [],
	};
	followUps(st).abTests.set(id, ab);
	setType(st, a, 'AB_TEST', 57, ctx.now);
	return json(201, abTestJson(ab));
}

export function deleteAbTest(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const a = primaryActivity(st, id, 'have A/B tests');
	abTestOf(st, a);
	draftOnly(a, 'deleted');
	followUps(st).abTests.delete(id);
	setType(st, a, 'NEWSLETTER', 10, ctx.now);
	return { status: 204 };
}

/** "the `type` changes from Newsletter (code= `10`) to A/B Test (code= `57`)" and back. */
function setType(st: SandboxState, a: V3Activity, type: string, code: number, now: number): void {
	const c = st.v3.campaigns.get(a.campaign_id)!;
	c.type = type;
	c.type_code = code;
	touchV3(st, c, now);
}
