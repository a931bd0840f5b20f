/**
 * Campaign follow-ups (issue 14): segments, A/B subject tests and resends to non-openers, kept per
 * sandbox state, and how they take part in v3 sends (`v3SendHooks`, state.ts): an activity with
 * `segment_ids` reaches its segments' contacts, an A/B test sends its two halves first and the
 * winning subject to the rest after the wait, a resend goes to the non-openers after its delay.
 * Everything happens on the sandbox clock, evaluated lazily like the sends themselves.
 */
import { fail } from './common';
import { engagementOf } from './engagement';
import { membersOf, type Group } from './segment-criteria';
import { truncSeconds, v3SendHooks, type Contact, type SandboxState, type SendRecord, type V3Activity } from './state';

export interface Segment {
	segment_id: number;
	name: string;
	/** As given (single-string escaped JSON). */
	segment_criteria: string;
	/** Parsed and checked. */
	criteria: Group;
	created_at: string;
	edited_at: string;
	editedMs: number;
	/** Deleted segments stay (GET by id shows them); they are left out of GET /segments. */
	deleted: boolean;
	deleted_at?: string;
}

export interface ResendRequest {
	/** Numeric; the API shows `DRAFT` instead while the activity is a draft. */
	resend_request_id: string;
	activityId: string;
	resend_subject: string;
	delay_minutes: number;
	/** Set when created with `delay_days` or a whole number of days in minutes. */
	delay_days?: number;
	createdAt: number;
	sent: boolean;
	deleted: boolean;
	/** When it was sent (sandbox ms): the activity's first send + the delay. */
	resendAt?: number;
	/** Contact ids it was sent to, once sent. */
	sentTo: string[];
}

export interface AbTest {
	activityId: string;
	alternative_subject: string;
	test_size: number;
	winner_wait_duration: number;
	createdAt: number;
	/** Set when the activity is sent: the halves (contact ids) and the subject A was. */
	sentAt?: number;
	subjectA?: string;
	groupA: string[];
	groupB: string[];
	/** The rest of the recipients, sent the winning subject when the winner is decided. */
	held: string[];
	/** Unique opens of each half by `decidedAt`. */
	opens?: { A: number; B: number };
	decidedAt?: number;
	/** `A`: the activity's own subject; `B`: `alternative_subject` (ties go to A). */
	winner?: 'A' | 'B';
	winningSubject?: string;
}

export interface FollowUps {
	segments: Map<number, Segment>;
	nextSegmentId: number;
	resends: ResendRequest[];
	nextResendId: number;
	abTests: Map<string, AbTest>;
}

const stores = new WeakMap<SandboxState, FollowUps>();

/** The follow-ups of one sandbox state (a `reset()` state starts with none). */
export function followUps(st: SandboxState): FollowUps {
	let f = stores.get(st);
	if (!f) {
		f = { segments: new Map(), nextSegmentId: 1, resends: [], nextResendId: 389_093, abTests: new Map() };
		stores.set(st, f);
	}
	return f;
}

export type ResendState = 'draft' | 'scheduled' | 'sent' | 'deleted';

/**
 * draft while the activity is a draft, scheduled until sent (activity scheduled or sent), sent;
 * deleted (DELETE, or its campaign deleted before it was sent).
 */
export function resendState(st: SandboxState, r: ResendRequest): ResendState {
	if (r.sent) return 'sent';
	const status = st.v3.activities.get(r.activityId)?.current_status;
	if (r.deleted || status === 'REMOVED') return 'deleted';
	return status === 'DRAFT' ? 'draft' : 'scheduled';
}

/** The live (not deleted) resend of an activity. */
export const liveResend = (st: SandboxState, activityId: string): ResendRequest | undefined =>
	followUps(st).resends.find((r) => r.activityId === activityId && !r.deleted);

/** The primary email activity `id` (404 unknown or removed; 400 another role, saying what `only` primary emails do). */
export function primaryActivity(st: SandboxState, id: string, only: string): V3Activity {
	const a = st.v3.activities.get(id);
	if (!a || a.current_status === 'REMOVED')
		return fail(404, 'email.api.not_found', `Email campaign activity ${id} not found.`);
	if (a.role !== 'primary_email')
		fail(
			400,
			'email.api.activity.role.invalid',
			`Only primary_email campaign activities ${only}; this one is ${a.role}.`,
		);
	return a;
}

/** When the activity was first sent (sandbox ms), if it was. */
export function firstSendAt(a: V3Activity): number | undefined {
	return a.runs.length ? Date.parse(a.runs[0].run_date) : undefined;
}

const HOUR = 3_600_000;

v3SendHooks.current = {
	alsoReaches(st, a, at) {
		if (!a.segment_ids.length) return undefined;
		const f = followUps(st);
		const ids = new Set<string>();
		for (const id of a.segment_ids) {
			const seg = f.segments.get(id);
			if (seg && !seg.deleted) for (const c of membersOf(st, seg.criteria, at)) ids.add(c.contact_id);
		}
		return (c: Contact) => ids.has(c.contact_id);
	},

	split(st, a, to, at) {
		const ab = followUps(st).abTests.get(a.campaign_activity_id);
		if (!ab) return { now: to };
		if (ab.sentAt !== undefined) {
			// A later send (DONE, scheduled again): those waiting for the winner get it from the test.
			const waiting = ab.decidedAt === undefined ? new Set(ab.held) : new Set<string>();
			return { now: to.filter((c) => !waiting.has(c.contact_id)) };
		}
		const k = Math.floor((to.length * ab.test_size) / 100);
		ab.sentAt = at;
		ab.subjectA = a.subject;
		ab.groupA = to.slice(0, k).map((c) => c.contact_id);
		ab.groupB = to.slice(k, 2 * k).map((c) => c.contact_id);
		ab.held = to.slice(2 * k).map((c) => c.contact_id);
		const inB = new Set(ab.groupB);
		return {
			now: to.slice(0, 2 * k),
			record: (c) =>
				inB.has(c.contact_id)
					? { followUp: 'ab_test_b', subject: ab.alternative_subject }
					: { followUp: 'ab_test_a', subject: a.subject },
		};
	},

	processDue(st, now) {
		const f = followUps(st);
		for (const ab of f.abTests.values()) {
			if (ab.sentAt !== undefined && ab.decidedAt === undefined && now >= ab.sentAt + ab.winner_wait_duration * HOUR)
				decideWinner(st, ab, ab.sentAt + ab.winner_wait_duration * HOUR);
		}
		for (const r of f.resends) {
			if (r.sent || r.deleted) continue;
			const a = st.v3.activities.get(r.activityId);
			const first = a && firstSendAt(a);
			if (!a || first === undefined || a.current_status === 'REMOVED') continue;
			const at = first + r.delay_minutes * 60_000;
			if (now >= at) resendToNonOpeners(st, a, r, at);
		}
	},
};

/** Unique opens of each half by `at`; the higher wins (a tie: A); the rest get the winning subject then. */
function decideWinner(st: SandboxState, ab: AbTest, at: number): void {
	const a = st.v3.activities.get(ab.activityId)!;
	const opened = (followUp: SendRecord['followUp']): number =>
		a.sendLog.filter((s) => s.followUp === followUp && engagementOf(a, s).opens.some((o) => o.at <= at)).length;
	ab.opens = { A: opened('ab_test_a'), B: opened('ab_test_b') };
	ab.winner = ab.opens.B > ab.opens.A ? 'B' : 'A';
	ab.winningSubject = ab.winner === 'B' ? ab.alternative_subject : ab.subjectA!;
	ab.decidedAt = at;
	if (a.current_status === 'REMOVED') return;
	const run = a.runs[0];
	let n = 0;
	for (const id of ab.held) {
		const c = st.contacts.get(id);
		if (!c || !c.email || c.status === 'deleted') continue;
		const r: SendRecord = {
			api: 'v3',
			campaignId: a.campaign_id,
			activityId: a.campaign_activity_id,
			contactId: c.contact_id,
			email: c.email,
			listIds: [...run.contact_list_ids],
			sendId: run.send_id,
			sentAt: at,
			followUp: 'ab_test_winner',
			subject: ab.winningSubject,
		};
		a.sendLog.push(r);
		st.sendLog.push(r);
		n++;
	}
	run.count += n;
}

/**
 * Sends a resend to those who received the activity by `at` and have not opened it by then;
 * not to bounced or opted-out recipients, nor to contacts since deleted or unsubscribed. The
 * records go to the account's send log (`followUp: 'resend'`), not the activity's own reports.
 */
function resendToNonOpeners(st: SandboxState, a: V3Activity, r: ResendRequest, at: number): void {
	const seen = new Set<string>();
	for (const s of a.sendLog) {
		if (s.sentAt > at || seen.has(s.contactId)) continue;
		seen.add(s.contactId);
		const e = engagementOf(a, s);
		if (e.bounceCode || e.opens.some((o) => o.at <= at) || (e.optOutAt !== undefined && e.optOutAt <= at)) continue;
		const c = st.contacts.get(s.contactId);
		if (!c || !c.email || c.status === 'deleted' || c.status === 'unsubscribed') continue;
		st.sendLog.push({
			api: 'v3',
			campaignId: a.campaign_id,
			activityId: a.campaign_activity_id,
			contactId: c.contact_id,
			email: c.email,
			listIds: [...s.listIds],
			sendId: s.sendId,
			sentAt: at,
			followUp: 'resend',
			subject: r.resend_subject,
		});
		r.sentTo.push(c.contact_id);
	}
	r.sent = true;
	r.resendAt = at;
}

export const resendDate = (r: ResendRequest): string | undefined =>
	r.resendAt === undefined ? undefined : truncSeconds(r.resendAt);
