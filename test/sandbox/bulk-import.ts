/**
 * POST /activities/contacts_json_import (ContactsJsonImport): contacts upserted by email (or SMS
 * number) and added to lists when the activity completes, with per-row errors "Line N: …"
 * (import_data[k] is line k + 2: CC counts a header row as line 1).
 */
import { type Ctx, type Reply, fail, EMAIL_RE } from './common';
import { created, queueActivity, type Completion } from './activity-store';
import { checkLists, MAX_CUSTOM_FIELDS_PER_CONTACT, MAX_LISTS_PER_CONTACT } from './lookups';
import { addContact, iso, reviveContact, type BulkActivity, type Contact, type SandboxState } from './state';

/**
 * The contract: "The request body payload has a maximum size of 4 megabytes (MB). If the request
 * body exceeds 4 MB, this method only imports the first 4 MB and drops the remaining data."
 * 4 MB taken as decimal megabytes: 4,000,000 bytes of the raw body. The contacts whose JSON ends
 * within them are imported; the rest are dropped, silently.
 */
export const IMPORT_BODY_LIMIT_BYTES = 4_000_000;
/** The most contacts one JSON import takes (more: 400, nothing imported). */
export const IMPORT_MAX_CONTACTS = 40_000;

type ImportRow = Record<string, unknown>;
interface ImportRequest {
	rows: ImportRow[];
	listIds: string[];
}

const SMS_RE = /^(\d{10}|\d{3}-\d{3}-\d{4})$/;
/** JsonImportContact properties kept on the contact (others are accepted and not kept). */
const TEXT_FIELDS: Record<string, 'first_name' | 'last_name' | 'job_title' | 'company_name' | 'phone_number'> = {
	first_name: 'first_name',
	last_name: 'last_name',
	job_title: 'job_title',
	company_name: 'company_name',
	phone: 'phone_number',
};

export function postJsonImport(ctx: Ctx): Reply {
	const st = ctx.state;
	const all = ctx.body.import_data as ImportRow[];
	const rows = all.slice(0, importedCount(ctx.rawBody, all.length));
	if (rows.length > IMPORT_MAX_CONTACTS)
		fail(
			400,
			'contacts.api.validation.error',
			`import_data: at most ${IMPORT_MAX_CONTACTS.toLocaleString('en-US')} contacts can be imported at once; got ${rows.length.toLocaleString('en-US')}.`,
		);
	const listIds = ctx.body.list_ids as string[];
	checkLists(st, listIds, 'list_ids', 400);
	const request: ImportRequest = { rows, listIds };
	return created(
		queueActivity(st, ctx.now, 'contacts_json_import', {
			// items_total_count: "The total number of rows, including the header row".
			items: rows.length + 1,
			status: { person_count: rows.length, error_count: 0, correctable_count: 0, cannot_add_to_list_count: 0 },
			request,
		}),
	);
}

/** How many contacts of import_data are imported: all of them, or those ending within the first 4,000,000 bytes. */
function importedCount(rawBody: string, total: number): number {
	const bytes = Buffer.from(rawBody, 'utf8');
	if (bytes.length <= IMPORT_BODY_LIMIT_BYTES) return total;
	return arrayElementEnds(bytes, 'import_data').filter((end) => end <= IMPORT_BODY_LIMIT_BYTES).length;
}

const [QUOTE, BACKSLASH, COLON] = [0x22, 0x5c, 0x3a];
const [OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET] = [0x7b, 0x7d, 0x5b, 0x5d];

/**
 * Byte offsets (exclusive) where each element of the top-level object's array `key` ends in a
 * JSON body. A byte scan (UTF-8 multi-byte characters never look like JSON punctuation).
 */
export function arrayElementEnds(bytes: Buffer, key: string): number[] {
	const ends: number[] = [];
	const keyBytes = Buffer.from(JSON.stringify(key));
	let depth = 0;
	let inArray = false; // inside the wanted array (depth 2)
	let lastString = -1; // start of the last string at depth 1
	let atKey = false; // the value after the last ':' at depth 1 is `key`'s
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b === QUOTE) {
			const start = i;
			for (i++; bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
			if (depth === 1) lastString = start;
			else if (inArray && depth === 2) ends.push(i + 1);
		} else if (b === COLON && depth === 1) {
			atKey = keyBytes.equals(bytes.subarray(lastString, lastString + keyBytes.length));
		} else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
			if (b === OPEN_BRACKET && depth === 1 && atKey) inArray = true;
			depth++;
		} else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
			depth--;
			if (inArray && depth === 2) ends.push(i + 1);
			else if (inArray && depth === 1) inArray = atKey = false;
		}
	}
	return ends;
}

/* ------------------------------------------------------------------ completion */

/** Finds contacts by email (case-insensitive) or SMS number; new ones are added as the import goes. */
class ContactIndex {
	private readonly byEmail = new Map<string, Contact>();
	private readonly bySms = new Map<string, Contact>();
	constructor(contacts: Iterable<Contact>) {
		for (const c of contacts) this.add(c);
	}
	add(c: Contact): void {
		if (c.email) this.byEmail.set(c.email.toLowerCase(), c);
		if (c.sms_number) this.bySms.set(digits(c.sms_number), c);
	}
	find(email: string | undefined, sms: string | undefined): Contact | undefined {
		return (email && this.byEmail.get(email.toLowerCase())) || (sms ? this.bySms.get(digits(sms)) : undefined);
	}
}
const digits = (s: string): string => s.replace(/\D/g, '');

/** A row's custom field values by custom_field_id, or the reason it cannot be imported. */
function rowCustomFields(row: ImportRow, byName: Map<string, string>): Record<string, string> | string {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(row)) {
		if (!key.startsWith('cf:')) continue;
		const id = byName.get(key.slice(3));
		if (!id) return `unknown custom field '${key}' (no custom field named '${key.slice(3)}' in the account)`;
		out[id] = String(value);
	}
	return out;
}

/** Why a row cannot be imported, or undefined. */
function rowProblem(row: ImportRow): string | undefined {
	const email = row.email as string | undefined;
	const sms = row.sms_number as string | undefined;
	if (!email && !sms) return 'an email or an sms_number is required';
	if (email && !EMAIL_RE.test(email)) return `invalid email address '${email}'`;
	if (sms && !SMS_RE.test(sms)) return `invalid sms_number '${sms}' (valid formats: 1231231234, 123-123-1234)`;
	return undefined;
}

/** Carries out an import: each row upserted, or an error "Line N: …" (N = row index + 2). */
export function completeJsonImport(st: SandboxState, a: BulkActivity, at: number): Completion {
	const { rows, listIds } = a.request as ImportRequest;
	const index = new ContactIndex(st.contacts.values());
	const byName = new Map([...st.customFields.values()].map((f) => [f.name, f.custom_field_id]));
	let errors = 0;
	const rowError = (k: number, reason: string): void => {
		errors++;
		a.activity_errors.push(`Line ${k + 2}: ${reason}`);
	};
	rows.forEach((row, k) => {
		const problem = rowProblem(row);
		if (problem) return rowError(k, problem);
		const fields = rowCustomFields(row, byName);
		if (typeof fields === 'string') return rowError(k, fields);
		const existing = index.find(row.email as string | undefined, row.sms_number as string | undefined);
		const fieldCount = new Set([...Object.keys(existing?.custom_fields ?? {}), ...Object.keys(fields)]).size;
		if (fieldCount > MAX_CUSTOM_FIELDS_PER_CONTACT)
			return rowError(k, `more than ${MAX_CUSTOM_FIELDS_PER_CONTACT} custom fields (${fieldCount}) on the contact`);
		const unsubscribed = existing?.status === 'unsubscribed';
		const lists = new Set([...(existing?.listIds ?? []), ...listIds]);
		if (!unsubscribed && lists.size > MAX_LISTS_PER_CONTACT) {
			a.status.cannot_add_to_list_count++;
			return rowError(k, `the contact would be on more than ${MAX_LISTS_PER_CONTACT} lists (${lists.size})`);
		}
		const contact = existing ?? addContact(st, { email: (row.email as string | undefined) ?? '', at: iso(at) });
		if (!existing) index.add(contact);
		upsert(contact, row, fields, at);
		if (unsubscribed) a.status.cannot_add_to_list_count++;
		else for (const l of listIds) contact.listIds.add(l);
	});
	a.status.error_count = errors;
	return rows.length > 0 && errors === rows.length ? 'failed' : 'completed';
}

/** Writes the properties a row gives (only those) onto the contact. */
function upsert(contact: Contact, row: ImportRow, fields: Record<string, string>, at: number): void {
	if (row.email) contact.email = row.email as string;
	if (row.sms_number) contact.sms_number = row.sms_number as string;
	for (const [key, prop] of Object.entries(TEXT_FIELDS)) if (typeof row[key] === 'string') contact[prop] = row[key];
	if (Object.keys(fields).length) contact.custom_fields = { ...contact.custom_fields, ...fields };
	reviveContact(contact);
	contact.updated_at = iso(at);
}
