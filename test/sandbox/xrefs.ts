/** v2 -> v3 id cross-references of lists and contacts (`sequence_ids`), like `/emails/campaign_id_xrefs`. */
import { type Ctx, type Reply, fail, json } from './common';

/** "Endpoint accepts a maximum of 500 ids at a time." (both; `sequence_ids` maxItems 500) */
export const MAX_SEQUENCE_IDS = 500;

function sequenceIds(ctx: Ctx): string[] {
	const ids = (ctx.query.sequence_ids ?? '')
		.split(',')
		.map((x) => x.trim())
		.filter(Boolean);
	if (!ids.length) fail(400, 'query.param.invalid', 'sequence_ids: is required (comma-separated v2 ids).');
	if (ids.length > MAX_SEQUENCE_IDS)
		fail(400, 'query.param.invalid', `sequence_ids: at most ${MAX_SEQUENCE_IDS} ids, not ${ids.length}.`);
	return [...new Set(ids)];
}

/** Sorted ascending by sequence_id (numerically: v2 ids are numbers). Unknown ids are left out. */
const bySequence = (a: { sequence_id: string }, b: { sequence_id: string }): number =>
	Number(a.sequence_id) - Number(b.sequence_id) || (a.sequence_id < b.sequence_id ? -1 : 1);

/** GET /contact_lists/list_id_xrefs: deleted lists are left out (they are gone from both APIs). */
export function listIdXrefs(ctx: Ctx): Reply {
	const xrefs = [];
	for (const id of sequenceIds(ctx)) {
		const l = ctx.state.v2.lists.get(id);
		if (l && !l.deleted_at) xrefs.push({ sequence_id: id, list_id: l.list_id });
	}
	return json(200, { xrefs: xrefs.sort(bySequence) });
}

/** GET /contacts/contact_id_xrefs: deleted contacts too (GET /contacts/{id} still shows them). */
export function contactIdXrefs(ctx: Ctx): Reply {
	const wanted = new Set(sequenceIds(ctx));
	const xrefs = [];
	for (const c of ctx.state.contacts.values())
		if (wanted.has(c.v2Id)) xrefs.push({ sequence_id: c.v2Id, contact_id: c.contact_id });
	return json(200, { xrefs: xrefs.sort(bySequence) });
}
