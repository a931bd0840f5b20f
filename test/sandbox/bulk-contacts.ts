/**
 * Bulk activities on existing contacts: add to / remove from lists, delete, add / remove tags.
 * The contacts are picked when the request arrives (its `source`), changed when the activity
 * completes; a contact that is not there then is an error "Contact <id> not found".
 */
import { type Ctx, type Reply, fail } from './common';
import { created, queueActivity, type Completion } from './activity-store';
import { checkLists, checkTags, isActive, MAX_LISTS_PER_CONTACT, MAX_TAGS_PER_CONTACT } from './lookups';
import { getSegment, segmentMemberIds } from './segments';
import { deleteContact, iso, type BulkActivity, type BulkKind, type Contact, type SandboxState } from './state';

const THIRTY_DAYS = 30 * 86_400_000;

/** The `source` object of the list membership and tagging activities (each allows some of these). */
interface Source {
	contact_ids?: string[];
	list_ids?: string[];
	tag_ids?: string[];
	all_active_contacts?: boolean;
	new_subscriber?: boolean;
	segment_id?: number;
	engagement_level?: string;
}
type SourceKey = keyof Source;

/** What an activity on contacts carries out at completion. */
interface ContactsRequest {
	contactIds: string[];
	/** Target lists (list memberships) or tags (taggings). */
	targets: string[];
}

const bad = (message: string): never => fail(400, 'contacts.api.validation.error', message);

/** The one source property a request gives (mutually exclusive; `false` flags do not count). */
function sourceKey(source: Source, allowed: SourceKey[]): SourceKey {
	const given = (Object.keys(source) as SourceKey[]).filter((k) => source[k] !== undefined && source[k] !== false);
	if (given.length !== 1)
		bad(`source: exactly one of ${allowed.join(', ')} is required (they are mutually exclusive); got ${given.length}.`);
	const key = given[0];
	if (!allowed.includes(key)) bad(`source.${key}: not allowed here; use one of ${allowed.join(', ')}.`);
	if (key === 'engagement_level') bad('source.engagement_level: engagement levels are not simulated by the sandbox.');
	return key;
}

/**
 * The contacts a source names, `exclude.contact_ids` left out (only with all_active_contacts or
 * list_ids). Unknown lists: `listStatus` (the contract's 400 or 404); unknown tags: 404.
 */
export function sourceContacts(
	st: SandboxState,
	now: number,
	body: { source: Source; exclude?: { contact_ids?: string[] } },
	allowed: SourceKey[],
	listStatus: 400 | 404,
): string[] {
	const source = body.source ?? {};
	const key = sourceKey(source, allowed);
	const excluded = new Set(body.exclude?.contact_ids ?? []);
	if (excluded.size && key !== 'all_active_contacts' && key !== 'list_ids')
		bad('exclude: only with an all_active_contacts or list_ids source.');
	if (key === 'contact_ids') return [...new Set(source.contact_ids)];
	if (key === 'list_ids') checkLists(st, source.list_ids!, 'source.list_ids', listStatus);
	if (key === 'tag_ids') checkTags(st, source.tag_ids!, 'source.tag_ids');
	const inSegment =
		key === 'segment_id' ? new Set(segmentMemberIds(st, getSegment(st, source.segment_id!), now)) : undefined;
	const picks: Record<string, (c: Contact) => boolean> = {
		list_ids: (c) => source.list_ids!.some((l) => c.listIds.has(l)),
		tag_ids: (c) => source.tag_ids!.some((t) => c.tagIds.has(t)),
		all_active_contacts: () => true,
		new_subscriber: (c) => Date.parse(c.created_at) >= now - THIRTY_DAYS,
		segment_id: (c) => inSegment!.has(c.contact_id),
	};
	const out: string[] = [];
	for (const c of st.contacts.values())
		if (isActive(c) && !excluded.has(c.contact_id) && picks[key](c)) out.push(c.contact_id);
	return out;
}

function nonEmpty(ids: string[] | undefined, field: string): string[] {
	if (!ids?.length) bad(`${field}: at least one id is required.`);
	return [...new Set(ids)];
}

function queueOnContacts(
	ctx: Ctx,
	kind: BulkKind,
	request: ContactsRequest,
	status: Record<string, number> = {},
): Reply {
	return created(queueActivity(ctx.state, ctx.now, kind, { items: request.contactIds.length, status, request }));
}

/** POST /activities/add_list_memberships (ListActivityAddContacts). */
export function postAddListMemberships(ctx: Ctx): Reply {
	const targets = nonEmpty(ctx.body.list_ids, 'list_ids');
	checkLists(ctx.state, targets, 'list_ids', 400);
	const allowed: SourceKey[] = [
		'list_ids',
		'all_active_contacts',
		'contact_ids',
		'tag_ids',
		'segment_id',
		'engagement_level',
	];
	const contactIds = sourceContacts(ctx.state, ctx.now, ctx.body, allowed, 400);
	return queueOnContacts(ctx, 'add_list_memberships', { contactIds, targets }, { list_count: targets.length });
}

/** POST /activities/remove_list_memberships (ListActivityRemoveContacts). */
export function postRemoveListMemberships(ctx: Ctx): Reply {
	const targets = nonEmpty(ctx.body.list_ids, 'list_ids');
	checkLists(ctx.state, targets, 'list_ids', 404);
	const allowed: SourceKey[] = ['list_ids', 'contact_ids', 'all_active_contacts', 'tag_ids', 'engagement_level'];
	const contactIds = sourceContacts(ctx.state, ctx.now, ctx.body, allowed, 404);
	return queueOnContacts(ctx, 'remove_list_memberships', { contactIds, targets }, { list_count: targets.length });
}

/** POST /activities/contacts_taggings_add and _remove (TagAddRemoveContacts). */
export function postTaggings(ctx: Ctx, kind: 'contacts_taggings_add' | 'contacts_taggings_remove'): Reply {
	const targets = nonEmpty(ctx.body.tag_ids, 'tag_ids');
	checkTags(ctx.state, targets, 'tag_ids');
	const allowed: SourceKey[] = ['contact_ids', 'list_ids', 'tag_ids', 'all_active_contacts', 'new_subscriber'];
	const contactIds = sourceContacts(ctx.state, ctx.now, ctx.body, allowed, 404);
	return queueOnContacts(ctx, kind, { contactIds, targets });
}

/** POST /activities/contact_delete (ContactDelete: contact_ids or list_ids). */
export function postContactDelete(ctx: Ctx): Reply {
	const { contact_ids: ids, list_ids: lists } = ctx.body as { contact_ids?: string[]; list_ids?: string[] };
	if (!ids?.length === !lists?.length) bad('Specify either contact_ids or list_ids (mutually exclusive).');
	if (ids?.length) return queueOnContacts(ctx, 'contact_delete', { contactIds: [...new Set(ids)], targets: [] });
	checkLists(ctx.state, lists!, 'list_ids', 400);
	const members = [...ctx.state.contacts.values()].filter(
		(c) => c.status !== 'deleted' && lists!.some((l) => c.listIds.has(l)),
	);
	const request = { contactIds: members.map((c) => c.contact_id), targets: [] };
	return queueOnContacts(ctx, 'contact_delete', request, { list_count: lists!.length });
}

/* ------------------------------------------------------------------ completion */

/**
 * Applies `change` to each contact of the request (an error string when it cannot be changed);
 * failed when every contact failed.
 */
function eachContact(
	st: SandboxState,
	a: BulkActivity,
	at: number,
	change: (c: Contact, targets: string[]) => string | undefined,
	allowDeleted = false,
): Completion {
	const { contactIds, targets } = a.request as ContactsRequest;
	let errors = 0;
	for (const id of contactIds) {
		const c = st.contacts.get(id);
		const reason = !c || (!allowDeleted && c.status === 'deleted') ? 'not found' : change(c, targets);
		if (reason) {
			errors++;
			a.activity_errors.push(`Contact ${id} ${reason}`);
		} else c!.updated_at = iso(at);
	}
	return contactIds.length > 0 && errors === contactIds.length ? 'failed' : 'completed';
}

function addToLists(c: Contact, lists: string[]): string | undefined {
	const after = new Set([...c.listIds, ...lists]).size;
	if (after > MAX_LISTS_PER_CONTACT) return `cannot be on more than ${MAX_LISTS_PER_CONTACT} lists (${after})`;
	for (const l of lists) c.listIds.add(l);
	return undefined;
}

function addTags(st: SandboxState, c: Contact, tags: string[]): string | undefined {
	const live = tags.filter((t) => st.tags.has(t));
	const after = new Set([...c.tagIds, ...live]).size;
	if (after > MAX_TAGS_PER_CONTACT) return `cannot have more than ${MAX_TAGS_PER_CONTACT} tags (${after})`;
	for (const t of live) c.tagIds.add(t);
	return undefined;
}

type ContactsKind = Extract<
	BulkKind,
	| 'add_list_memberships'
	| 'remove_list_memberships'
	| 'contacts_taggings_add'
	| 'contacts_taggings_remove'
	| 'contact_delete'
>;
export const completeContactsActivity: Record<
	ContactsKind,
	(st: SandboxState, a: BulkActivity, at: number) => Completion
> = {
	add_list_memberships: (st, a, at) =>
		eachContact(st, a, at, (c, lists) =>
			addToLists(
				c,
				lists.filter((l) => !st.v3.lists.get(l)?.deleted_at),
			),
		),
	remove_list_memberships: (st, a, at) =>
		eachContact(st, a, at, (c, lists) => void lists.forEach((l) => c.listIds.delete(l))),
	contacts_taggings_add: (st, a, at) => eachContact(st, a, at, (c, tags) => addTags(st, c, tags)),
	contacts_taggings_remove: (st, a, at) =>
		eachContact(st, a, at, (c, tags) => void tags.forEach((t) => c.tagIds.delete(t))),
	contact_delete: (st, a, at) =>
		eachContact(st, a, at, (c) => void (c.status === 'deleted' || deleteContact(c, at)), true),
};
