/**
 * Bulk activities (`/v3/activities`): how one is queued, moves along the sandbox clock
 * (initialized -> processing -> completed / failed, in a time proportional to its items), and
 * how the API shows it. What each kind of activity does is in ./bulk.ts.
 */
import * as crypto from 'crypto';
import { type Ctx, type Reply, json, fail, limitParam, cursorParam, nextLinks } from './common';
import { iso, type BulkActivity, type BulkKind, type SandboxState } from './state';

const TEN_DAYS = 10 * 86_400_000;

/** What an activity's completion did: its final state (its counts and errors are written on it). */
export type Completion = 'completed' | 'failed';

/**
 * Queues an activity of `items` items, carried out (`request`) when it completes. 429 once
 * `timing.maxQueued` activities are waiting (the contract: "You exceeded 1,000 queued activities").
 */
export function queueActivity(
	st: SandboxState,
	now: number,
	kind: BulkKind,
	o: { items: number; status?: Record<string, number>; request?: unknown },
): BulkActivity {
	const { timing, pending, activities } = st.bulk;
	if (pending.size >= timing.maxQueued)
		fail(
			429,
			'too_many_requests',
			`Too many requests. You exceeded ${timing.maxQueued.toLocaleString('en-US')} queued activities for this user account.`,
		);
	const startsMs = now + timing.startLatencyMs;
	const a: BulkActivity = {
		activity_id: crypto.randomUUID(),
		kind,
		state: 'initialized',
		percent_done: 0,
		created_at: iso(now),
		updated_at: iso(now),
		createdMs: now,
		startsMs,
		completesMs: startsMs + Math.ceil((o.items / timing.itemsPerSecond) * 1000),
		items: o.items,
		status: { items_total_count: o.items, items_completed_count: 0, ...o.status },
		activity_errors: [],
		request: o.request,
	};
	activities.set(a.activity_id, a);
	pending.add(a.activity_id);
	return a;
}

/** Moves every queued activity along to `now`; `complete` carries one out (at its completion time). */
export function advanceActivities(
	st: SandboxState,
	now: number,
	complete: (a: BulkActivity, at: number) => Completion,
): void {
	for (const id of st.bulk.pending) {
		const a = st.bulk.activities.get(id)!;
		if (now < a.startsMs) continue;
		a.started_at = iso(a.startsMs);
		if (now >= a.completesMs) {
			a.state = complete(a, a.completesMs);
			a.percent_done = 100;
			a.status.items_completed_count = a.items;
			a.completed_at = a.updated_at = iso(a.completesMs);
			st.bulk.pending.delete(id);
			continue;
		}
		a.state = 'processing';
		a.percent_done = Math.min(99, Math.floor(((now - a.startsMs) / (a.completesMs - a.startsMs)) * 100));
		a.status.items_completed_count = Math.floor((a.items * a.percent_done) / 100);
		a.updated_at = iso(now);
	}
}

/** A contact export's file id: its activity id (GET /contact_exports/{file_export_id} takes either). */
export const exportFileHref = (a: BulkActivity): string => `/v3/contact_exports/${a.activity_id}`;

/** The activity as the API shows it (`Activity`; each POST's own schema is a subset of it). */
export function bulkActivityJson(a: BulkActivity): Record<string, unknown> {
	const links: Record<string, { href: string }> = { self: { href: `/v3/activities/${a.activity_id}` } };
	if (a.kind === 'contact_exports' && a.state === 'completed') links.results = { href: exportFileHref(a) };
	const o: Record<string, unknown> = {
		activity_id: a.activity_id,
		state: a.state,
		created_at: a.created_at,
		updated_at: a.updated_at,
		percent_done: a.percent_done,
		activity_errors: [...a.activity_errors],
		status: { ...a.status },
		_links: links,
	};
	if (a.started_at) o.started_at = a.started_at;
	if (a.completed_at) o.completed_at = a.completed_at;
	return o;
}

/** POST answer: 201 with the new activity. */
export const created = (a: BulkActivity): Reply => json(201, bulkActivityJson(a));

/** GET /activities/{activity_id} */
export function getActivity(ctx: Ctx, id: string): Reply {
	const a = ctx.state.bulk.activities.get(id);
	if (!a) return fail(404, 'contacts.api.not_found', `Activity ${id} not found.`);
	return json(200, bulkActivityJson(a));
}

interface ActivitiesCursor {
	l: number;
	k: number;
	id: string;
	s?: string;
}
const newestFirst = (a: BulkActivity, b: BulkActivity): number =>
	b.createdMs - a.createdMs || (a.activity_id < b.activity_id ? 1 : -1);

/** GET /activities: those of the last 10 days, newest first, `limit` (1..500, default 50) a page, `state` filter. */
export function listActivities(ctx: Ctx): Reply {
	const cursor = cursorParam<ActivitiesCursor>(ctx.query, (c) => typeof c.k === 'number' && typeof c.id === 'string');
	const limit = ctx.query.limit === undefined && cursor ? cursor.l : limitParam(ctx.query, 50, 500);
	const state = cursor ? cursor.s : ctx.query.state;
	const all = [...ctx.state.bulk.activities.values()]
		.filter((a) => a.createdMs >= ctx.now - TEN_DAYS && (state === undefined || a.state === state))
		.sort(newestFirst)
		.filter((a) => !cursor || a.createdMs < cursor.k || (a.createdMs === cursor.k && a.activity_id < cursor.id));
	const page = all.slice(0, limit);
	const body: Record<string, unknown> = { activities: page.map(bulkActivityJson) };
	if (all.length > limit) {
		const last = page[page.length - 1];
		body._links = nextLinks('/activities', { l: limit, k: last.createdMs, id: last.activity_id, s: state }, limit);
	}
	return json(200, body);
}
