/** `/emails/activities/{id}/non_opener_resends` (v3): one resend to non-openers per email campaign. */
import { type Ctx, type Reply, fail, json } from './common';
import {
	firstSendAt,
	followUps,
	primaryActivity,
	liveResend,
	resendDate,
	resendState,
	type ResendRequest,
} from './follow-ups';
import type { SandboxState } from './state';

/** "a minimum of twelve hours (720 minutes) and a maximum of up to 10 days (or 10 x 1440 minutes)" */
export const RESEND_MIN_MINUTES = 720;
export const RESEND_MAX_MINUTES = 14_400;
export const RESEND_MIN_DAYS = 1;
export const RESEND_MAX_DAYS = 10;
const DAY_MINUTES = 1440;

function resendJson(st: SandboxState, r: ResendRequest, withStatus: boolean): Record<string, unknown> {
	const state = resendState(st, r);
	const o: Record<string, unknown> = {
		resend_subject: r.resend_subject,
		delay_minutes: r.delay_minutes,
		resend_request_id: state === 'draft' ? 'DRAFT' : r.resend_request_id,
	};
	if (r.delay_days !== undefined) o.delay_days = r.delay_days;
	const sent = resendDate(r);
	if (sent) o.resend_date = sent;
	if (withStatus && state !== 'draft') o.resend_status = state === 'sent' ? 'DONE' : 'SCHEDULED';
	return o;
}

export function listResends(ctx: Ctx, activityId: string): Reply {
	const st = ctx.state;
	primaryActivity(st, activityId, 'can be resent to non-openers');
	const r = liveResend(st, activityId);
	return json(200, r ? [resendJson(st, r, true)] : []);
}

export function postResend(ctx: Ctx, activityId: string): Reply {
	const st = ctx.state;
	const a = primaryActivity(st, activityId, 'can be resent to non-openers');
	if (a.current_status !== 'DRAFT' && a.current_status !== 'SCHEDULED' && a.current_status !== 'DONE')
		fail(
			409,
			'email.api.activity.status.conflict',
			`The email campaign activity is ${a.current_status}; a resend to non-openers needs a DRAFT, SCHEDULED or DONE activity.`,
		);
	const existing = liveResend(st, activityId);
	if (existing)
		fail(
			409,
			'email.api.resend.conflict',
			`This email campaign already has a resend to non-openers (resend_request_id ${resendJson(st, existing, false).resend_request_id}); only one is allowed per email campaign.`,
		);
	const b = ctx.body ?? {};
	if (typeof b.resend_subject !== 'string' || !b.resend_subject.trim())
		fail(400, 'json.field.required', 'resend_subject: is required.');
	let minutes: number;
	let days: number | undefined;
	// "If you set both delay_days or delay_minutes, delay_minutes is ignored in the request."
	if (b.delay_days !== undefined) {
		if (!Number.isInteger(b.delay_days) || b.delay_days < RESEND_MIN_DAYS || b.delay_days > RESEND_MAX_DAYS)
			fail(
				400,
				'json.field.invalid',
				`delay_days: must be a whole number of days from ${RESEND_MIN_DAYS} to ${RESEND_MAX_DAYS}, not ${b.delay_days}.`,
			);
		days = b.delay_days;
		minutes = b.delay_days * DAY_MINUTES;
	} else if (b.delay_minutes !== undefined) {
		if (
			!Number.isInteger(b.delay_minutes) ||
			b.delay_minutes < RESEND_MIN_MINUTES ||
			b.delay_minutes > RESEND_MAX_MINUTES
		)
			fail(
				400,
				'json.field.invalid',
				`delay_minutes: must be from ${RESEND_MIN_MINUTES} (12 hours) to ${RESEND_MAX_MINUTES} (10 days) minutes, not ${b.delay_minutes}.`,
			);
		minutes = b.delay_minutes;
		if (minutes % DAY_MINUTES === 0) days = minutes / DAY_MINUTES;
	} else
		return fail(
			400,
			'json.field.required',
			`delay_days or delay_minutes: one is required (${RESEND_MIN_DAYS}..${RESEND_MAX_DAYS} days or ${RESEND_MIN_MINUTES}..${RESEND_MAX_MINUTES} minutes).`,
		);
	const first = firstSendAt(a);
	if (a.current_status === 'DONE' && first !== undefined && first + minutes * 60_000 <= ctx.now)
		fail(
			400,
			'json.field.invalid',
			`The email campaign activity was sent ${new Date(first).toISOString()}; a resend ${minutes} minutes after that would be in the past.`,
		);
	const f = followUps(st);
	const r: ResendRequest = {
		resend_request_id: String(f.nextResendId++),
		activityId,
		resend_subject: b.resend_subject,
		delay_minutes: minutes,
		delay_days: days,
		createdAt: ctx.now,
		sent: false,
		deleted: false,
		sentTo: [],
	};
	f.resends.push(r);
	return json(201, resendJson(st, r, false));
}

/** DELETE: `DRAFT` names a draft activity's resend; only before it is sent (409 after). */
export function deleteResend(ctx: Ctx, activityId: string, requestId: string): Reply {
	const st = ctx.state;
	primaryActivity(st, activityId, 'can be resent to non-openers');
	const r = liveResend(st, activityId);
	const state = r && resendState(st, r);
	const matches = r && (state === 'draft' ? requestId === 'DRAFT' : requestId === r.resend_request_id);
	if (!r || !matches)
		return fail(
			404,
			'email.api.not_found',
			`Resend to non-openers ${requestId} of email campaign activity ${activityId} not found.`,
		);
	if (state === 'sent')
		fail(
			409,
			'email.api.resend.status.conflict',
			`The resend to non-openers ${requestId} was sent ${resendDate(r)}; only one not sent yet can be deleted.`,
		);
	r.deleted = true;
	return { status: 204 };
}
