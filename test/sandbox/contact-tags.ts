/**
 * Contact tags (`/contact_tags`, the contract's "Contact Tags"): unique names (409 on a
 * duplicate, case-insensitive), cursor paging, `include_count`; DELETE is an activity (202) that
 * untags every contact and deletes the tag when it completes.
 */
import * as crypto from 'crypto';
import { type Ctx, type Reply, json, fail, limitParam, cursorParam, nextLinks } from './common';
import { bulkActivityJson, queueActivity, type Completion } from './activity-store';
import { getTag } from './lookups';
import { iso, type BulkActivity, type SandboxState, type Tag } from './state';

function tagJson(st: SandboxState, t: Tag, withCount: boolean): Record<string, unknown> {
	const o: Record<string, unknown> = {
		tag_id: t.tag_id,
		name: t.name,
		created_at: t.created_at,
		updated_at: t.updated_at,
	};
	if (t.tag_source !== undefined) o.tag_source = t.tag_source;
	if (withCount) {
		let n = 0;
		for (const c of st.contacts.values()) if (c.status !== 'deleted' && c.tagIds.has(t.tag_id)) n++;
		o.contacts_count = n;
	}
	return o;
}

/** Tag names are unique, whatever their case. */
function uniqueTagName(st: SandboxState, name: string, selfId?: string): string {
	for (const t of st.tags.values())
		if (t.tag_id !== selfId && t.name.toLowerCase() === name.toLowerCase())
			fail(409, 'contacts.api.conflict', `A tag named '${name}' already exists.`);
	return name;
}

/** A new tag (the POST handler and the seeding API). */
export function addTag(st: SandboxState, name: string, at: string, tagSource?: string): Tag {
	const tag: Tag = { tag_id: crypto.randomUUID(), name: uniqueTagName(st, name), created_at: at, updated_at: at };
	if (tagSource !== undefined) tag.tag_source = tagSource;
	st.tags.set(tag.tag_id, tag);
	return tag;
}

/** GET /contact_tags: in creation order, `limit` 1..500 (default 50) a page, next via `_links`. */
export function listTags(ctx: Ctx): Reply {
	const st = ctx.state;
	const cursor = cursorParam<{ l: number; o: number; c?: boolean }>(ctx.query, (c) => typeof c.o === 'number');
	const limit = ctx.query.limit === undefined && cursor ? cursor.l : limitParam(ctx.query, 50, 500);
	const withCount = cursor ? !!cursor.c : ctx.query.include_count === 'true';
	const offset = cursor?.o ?? 0;
	const all = [...st.tags.values()];
	const body: Record<string, unknown> = {
		tags: all.slice(offset, offset + limit).map((t) => tagJson(st, t, withCount)),
	};
	if (all.length > offset + limit)
		body._links = nextLinks('/contact_tags', { l: limit, o: offset + limit, c: withCount }, limit);
	return json(200, body);
}

export function putTag(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const tag = getTag(st, id);
	tag.name = uniqueTagName(st, ctx.body.name, id);
	tag.updated_at = iso(ctx.now);
	return json(200, tagJson(st, tag, false));
}

/** DELETE: 202 with the activity (ActivityGeneric: its errors are `{ message }` objects). */
export function deleteTag(ctx: Ctx, id: string): Reply {
	getTag(ctx.state, id);
	const a = queueActivity(ctx.state, ctx.now, 'tag_delete', { items: 1, request: { tagId: id } });
	const o = bulkActivityJson(a);
	return json(202, { ...o, activity_errors: a.activity_errors.map((message) => ({ message })) });
}

/** Untags every contact and deletes the tag. */
export function completeTagDelete(st: SandboxState, a: BulkActivity): Completion {
	const { tagId } = a.request as { tagId: string };
	for (const c of st.contacts.values()) c.tagIds.delete(tagId);
	st.tags.delete(tagId);
	return 'completed';
}

export function postTag(ctx: Ctx): Reply {
	return json(201, tagJson(ctx.state, addTag(ctx.state, ctx.body.name, iso(ctx.now), ctx.body.tag_source), false));
}

export function getTagJson(ctx: Ctx, id: string): Reply {
	return json(200, tagJson(ctx.state, getTag(ctx.state, id), ctx.query.include_count === 'true'));
}
