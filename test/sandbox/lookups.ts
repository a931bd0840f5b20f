/** Lookups the v3 handlers share: a live list, tag or contact by id, with the API's own 404. */
import { fail } from './common';
import type { Contact, ContactList, SandboxState, Tag } from './state';

export const NF_CONTACTS = (what: string): never => fail(404, 'contacts.api.not_found', `${what} not found.`);

export function getList(st: SandboxState, id: string): ContactList {
	const l = st.v3.lists.get(id);
	if (!l || l.deleted_at) return NF_CONTACTS(`Contact list ${id}`);
	return l;
}

export function getTag(st: SandboxState, id: string): Tag {
	return st.tags.get(id) ?? NF_CONTACTS(`Tag ${id}`);
}

/** A contact by id, deleted ones too (GET shows them with `deleted_at`). */
export function getContact(st: SandboxState, id: string): Contact {
	return st.contacts.get(id) ?? NF_CONTACTS(`Contact ${id}`);
}

/** Every list id must be a live list: a request-level error otherwise (`status` 400 or 404, as the contract lists). */
export function checkLists(st: SandboxState, ids: string[], field: string, status: 400 | 404): void {
	for (const id of ids) {
		const l = st.v3.lists.get(id);
		if (!l || l.deleted_at)
			fail(status, 'contacts.api.validation.error', `${field}: contact list '${id}' does not exist.`);
	}
}

/** Every tag id must exist (404 otherwise). */
export function checkTags(st: SandboxState, ids: string[], field: string): void {
	for (const id of ids) if (!st.tags.has(id)) fail(404, 'contacts.api.not_found', `${field}: tag '${id}' not found.`);
}

/** GET /contacts `status`: without it every contact but deleted ones; `all` includes those. */
export function statusMatches(c: Contact, status: string | undefined): boolean {
	const own = c.status ?? 'active';
	if (status === undefined) return own !== 'deleted';
	const wanted = status.split(',');
	return wanted.includes('all') || wanted.includes(own);
}

/** Active (billable) contacts: not deleted, not unsubscribed. */
export const isActive = (c: Contact): boolean => c.status !== 'deleted' && c.status !== 'unsubscribed';

/** The most lists a contact can be a member of (POST /activities/add_list_memberships). */
export const MAX_LISTS_PER_CONTACT = 50;
/** The most custom fields a contact can hold (contacts_json_import; ContactResource.custom_fields maxItems). */
export const MAX_CUSTOM_FIELDS_PER_CONTACT = 25;
/** The most tags a contact can carry (ContactResource.taggings maxItems). */
export const MAX_TAGS_PER_CONTACT = 50;
