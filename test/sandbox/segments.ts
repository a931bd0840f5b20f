/** `/segments` (v3): contact segments, their criteria (segment-criteria.ts) and their use by campaign activities. */
import { type Ctx, type Reply, cursorParam, fail, json, limitParam, nextLinks } from './common';
import { followUps, type Segment } from './follow-ups';
import { membersOf, parseCriteria } from './segment-criteria';
import { iso, type SandboxState, type V3Activity } from './state';

/** GET /segments `limit` (a string in the contract, default "1000"). */
export const SEGMENTS_MAX_LIMIT = 1000;

const NF_SEGMENT = (id: number | string): never => fail(404, 'contacts.api.not_found', `Segment ${id} not found.`);

export function segmentDetail(s: Segment): Record<string, unknown> {
	return {
		segment_id: s.segment_id,
		name: s.name,
		segment_criteria: s.segment_criteria,
		created_at: s.created_at,
		edited_at: s.edited_at,
	};
}

/** A segment by id (deleted ones too: GET by id shows them); 404 when unknown. */
export function getSegment(st: SandboxState, raw: string | number, allowDeleted = false): Segment {
	const s = followUps(st).segments.get(Number(raw));
	if (!s || (s.deleted && !allowDeleted)) return NF_SEGMENT(raw);
	return s;
}

function checkName(st: SandboxState, name: unknown, selfId?: number): string {
	if (typeof name !== 'string' || !name.trim()) return fail(400, 'contacts.api.validation.error', 'name: is required.');
	for (const s of followUps(st).segments.values()) {
		if (!s.deleted && s.segment_id !== selfId && s.name.toLowerCase() === name.toLowerCase())
			fail(409, 'contacts.api.conflict', `A segment named '${name}' already exists. Segment names must be unique.`);
	}
	return name;
}

/** A new segment (POST /segments and seeding): name unique among live segments, criteria checked. */
export function addSegment(st: SandboxState, name: unknown, criteria: unknown, now: number): Segment {
	const n = checkName(st, name);
	const parsed = parseCriteria(st, criteria);
	const f = followUps(st);
	const at = iso(now);
	const s: Segment = {
		segment_id: f.nextSegmentId++,
		name: n,
		segment_criteria: criteria as string,
		criteria: parsed,
		created_at: at,
		edited_at: at,
		editedMs: now,
		deleted: false,
	};
	f.segments.set(s.segment_id, s);
	return s;
}

export function listSegments(ctx: Ctx): Reply {
	const q = ctx.query;
	const c = cursorParam<{ l: number; o: number; s: string }>(
		q,
		(x) => typeof x.o === 'number' && typeof x.l === 'number' && typeof x.s === 'string',
	);
	const sortBy = c?.s ?? q.sort_by ?? 'date';
	if (sortBy !== 'date' && sortBy !== 'name')
		fail(400, 'query.param.invalid', `sort_by: must be 'name' or 'date', not '${sortBy}'.`);
	const limit = limitParam(q, c?.l ?? SEGMENTS_MAX_LIMIT, SEGMENTS_MAX_LIMIT);
	const offset = c?.o ?? 0;
	const all = [...followUps(ctx.state).segments.values()]
		.filter((s) => !s.deleted)
		.sort((a, b) =>
			sortBy === 'name'
				? a.name.localeCompare(b.name) || a.segment_id - b.segment_id
				: b.editedMs - a.editedMs || b.segment_id - a.segment_id,
		);
	const page = all.slice(offset, offset + limit);
	const body: Record<string, unknown> = {
		segments: page.map((s) => ({
			segment_id: s.segment_id,
			name: s.name,
			created_at: s.created_at,
			edited_at: s.edited_at,
		})),
	};
	if (all.length > offset + limit)
		body._links = nextLinks('/segments', { l: limit, o: offset + limit, s: sortBy }, limit);
	return json(200, body);
}

export function postSegment(ctx: Ctx): Reply {
	const b = ctx.body ?? {};
	return json(201, segmentDetail(addSegment(ctx.state, b.name, b.segment_criteria, ctx.now)));
}

export function putSegment(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const s = getSegment(st, id);
	const b = ctx.body ?? {};
	const name = checkName(st, b.name, s.segment_id);
	s.criteria = parseCriteria(st, b.segment_criteria);
	s.segment_criteria = b.segment_criteria;
	s.name = name;
	touch(s, ctx.now);
	return json(200, segmentDetail(s));
}

export function renameSegment(ctx: Ctx, id: string): Reply {
	const s = getSegment(ctx.state, id);
	s.name = checkName(ctx.state, ctx.body?.name, s.segment_id);
	touch(s, ctx.now);
	return json(200, segmentDetail(s));
}

/** 204; 400 while a scheduled activity uses it ("verify that the segment is not associated with a scheduled campaign"). */
export function deleteSegment(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const s = getSegment(st, id);
	const using = [...st.v3.activities.values()].find(
		(a) =>
			(a.current_status === 'SCHEDULED' || a.current_status === 'EXECUTING') && a.segment_ids.includes(s.segment_id),
	);
	if (using)
		fail(
			400,
			'contacts.api.validation.error',
			`Segment ${s.segment_id} is used by the scheduled email campaign activity ${using.campaign_activity_id}; unschedule it first.`,
		);
	s.deleted = true;
	s.deleted_at = iso(ctx.now);
	return { status: 204 };
}

function touch(s: Segment, now: number): void {
	s.editedMs = Math.max(s.editedMs, now);
	s.edited_at = iso(s.editedMs);
}

/**
 * `segment_ids` of a campaign activity update (PUT /emails/activities/{id}): at most one live
 * segment, and not together with contact lists ("You cannot use contact lists and segments at the
 * same time"); 400 otherwise.
 */
export function checkActivitySegments(st: SandboxState, lists: string[], segmentIds: unknown): number[] {
	if (segmentIds === undefined || segmentIds === null) return [];
	const ids = segmentIds as number[];
	if (ids.length > 1)
		fail(400, 'json.field.invalid', 'segment_ids: an email campaign activity takes a single segment_id.');
	if (ids.length && lists.length)
		fail(
			400,
			'json.field.invalid',
			'segment_ids: contact lists and segments cannot be used at the same time; send contact_list_ids or segment_ids, not both.',
		);
	for (const id of ids) {
		const s = followUps(st).segments.get(id);
		if (!s || s.deleted) fail(400, 'email.api.segment.not_found', `segment_ids: segment ${id} does not exist.`);
	}
	return [...ids];
}

/** Scheduling an activity whose segment was deleted since: 400. */
export function checkScheduledSegments(st: SandboxState, a: V3Activity): void {
	for (const id of a.segment_ids) {
		const s = followUps(st).segments.get(id);
		if (!s || s.deleted)
			fail(
				400,
				'email.api.segment.not_found',
				`segment_ids: segment ${id} was deleted; update the email campaign activity's segment_ids before scheduling it.`,
			);
	}
}

/**
 * GET /contacts `segment_id`: "can only be combined with the limit query parameter" (400 with
 * another filter; the cursor carries it); 404 for an unknown or deleted segment. Answers 200 at once.
 */
export function contactsOfSegment(ctx: Ctx, segmentId: string): Set<string> {
	const other = Object.keys(ctx.query).filter((k) => k !== 'segment_id' && k !== 'limit' && k !== 'cursor');
	if (other.length)
		fail(400, 'query.param.invalid', `segment_id: can only be combined with limit, not with ${other.join(', ')}.`);
	return new Set(segmentMemberIds(ctx.state, getSegment(ctx.state, segmentId), ctx.now));
}

/** The contact ids a segment holds now (sandbox clock). */
export function segmentMemberIds(st: SandboxState, s: Segment, now: number): string[] {
	return membersOf(st, s.criteria, now).map((c) => c.contact_id);
}
