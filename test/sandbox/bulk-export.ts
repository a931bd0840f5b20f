/**
 * POST /activities/contact_exports (ContactsExport) and GET /contact_exports/{file_export_id}:
 * the contacts are picked when the request arrives; the CSV file (a header row of the fields,
 * one row per contact, RFC 4180 quoting, CRLF line ends) is written when the activity completes.
 */
import { type Ctx, type Reply, fail } from './common';
import { created, queueActivity, type Completion } from './activity-store';
import { checkLists, checkTags, statusMatches } from './lookups';
import { getSegment, segmentMemberIds } from './segments';
import { type BulkActivity, type Contact, type SandboxState } from './state';

const THIRTY_DAYS = 30 * 86_400_000;

type Column = (c: Contact, st: SandboxState) => string;
const optedOut = (c: Contact): boolean => c.status === 'unsubscribed';
/** The contact fields an export can have (`fields`), in the default order; custom fields follow as `cf:<name>`. */
const COLUMNS: Record<string, Column> = {
	email_address: (c) => c.email,
	first_name: (c) => c.first_name,
	last_name: (c) => c.last_name,
	job_title: (c) => c.job_title ?? '',
	company_name: (c) => c.company_name ?? '',
	phone: (c) => c.phone_number ?? '',
	sms_number: (c) => c.sms_number ?? '',
	email_optin_source: (c) => (c.email ? 'Account' : ''),
	email_optin_date: (c) => (c.email ? c.created_at : ''),
	email_optout_source: (c) => (optedOut(c) ? 'Contact' : ''),
	email_optout_date: (c) => (optedOut(c) ? c.updated_at : ''),
	email_optout_reason: () => '',
	tags: (c, st) => [...c.tagIds].map((t) => st.tags.get(t)?.name ?? '').join(', '),
	created_at: (c) => c.created_at,
	updated_at: (c) => c.updated_at,
};
/** `email` is taken for `email_address` (the JSON import's name for it). */
const ALIASES: Record<string, string> = { email: 'email_address' };
const NEEDS_EMAIL = [
	'email_optin_source',
	'email_optin_date',
	'email_optout_source',
	'email_optout_date',
	'email_optout_reason',
];

interface ExportRequest {
	contactIds: string[];
	fields: string[];
}
interface ExportBody {
	contact_ids?: string[];
	list_ids?: string[];
	tag_ids?: string[];
	new_subscriber?: boolean;
	segment_id?: number;
	fields?: string[];
	status?: string;
	exclude?: { contact_ids?: string[] };
}

const bad = (message: string): never => fail(400, 'contacts.api.validation.error', message);

/** The requested columns (default: every contact field, then every custom field as cf:<name>). */
function exportFields(st: SandboxState, fields: string[] | undefined): string[] {
	const customNames = new Set([...st.customFields.values()].map((f) => f.name));
	if (!fields?.length) return [...Object.keys(COLUMNS), ...[...customNames].map((n) => `cf:${n}`)];
	for (const f of fields) {
		const known = f.startsWith('cf:') ? customNames.has(f.slice(3)) : (ALIASES[f] ?? f) in COLUMNS;
		if (!known) bad(`fields: unknown field '${f}'.`);
	}
	const hasEmail = fields.some((f) => (ALIASES[f] ?? f) === 'email_address');
	const needy = fields.find((f) => NEEDS_EMAIL.includes(f));
	if (needy && !hasEmail) bad(`fields: export email_address to export ${needy}.`);
	return fields;
}

/** The contacts an export's filters pick, in the account's order. */
function exportContacts(st: SandboxState, now: number, b: ExportBody): Contact[] {
	const exclusive = (['contact_ids', 'list_ids', 'tag_ids', 'segment_id'] as const).filter((k) => b[k] !== undefined);
	if (exclusive.length > 1) bad(`${exclusive.join(', ')}: mutually exclusive.`);
	const inSegment =
		b.segment_id !== undefined ? new Set(segmentMemberIds(st, getSegment(st, b.segment_id), now)) : undefined;
	if (b.list_ids) checkLists(st, b.list_ids, 'list_ids', 404);
	if (b.tag_ids) checkTags(st, b.tag_ids, 'tag_ids');
	const excluded = new Set(b.exclude?.contact_ids ?? []);
	const ids = b.contact_ids && new Set(b.contact_ids);
	return [...st.contacts.values()].filter(
		(c) =>
			statusMatches(c, b.status) &&
			!excluded.has(c.contact_id) &&
			(!ids || ids.has(c.contact_id)) &&
			(!b.list_ids || b.list_ids.some((l) => c.listIds.has(l))) &&
			(!b.tag_ids || b.tag_ids.some((t) => c.tagIds.has(t))) &&
			(!inSegment || inSegment.has(c.contact_id)) &&
			(!b.new_subscriber || Date.parse(c.created_at) >= now - THIRTY_DAYS),
	);
}

/** POST /activities/contact_exports */
export function postContactExport(ctx: Ctx): Reply {
	const st = ctx.state;
	const b = ctx.body as ExportBody;
	const fields = exportFields(st, b.fields);
	const contacts = exportContacts(st, ctx.now, b);
	const unknown = (b.contact_ids ?? []).filter((id) => !st.contacts.has(id));
	const request: ExportRequest = { contactIds: contacts.map((c) => c.contact_id), fields };
	const a = queueActivity(st, ctx.now, 'contact_exports', { items: contacts.length, request });
	a.activity_errors.push(...unknown.map((id) => `Contact ${id} not found`));
	return created(a);
}

/** RFC 4180: quoted when it holds a comma, a quote, a line break or edge blanks; quotes doubled. */
export function csvCell(value: string): string {
	return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes the export's CSV file from the contacts as they are now. */
export function completeContactExport(st: SandboxState, a: BulkActivity): Completion {
	const { contactIds, fields } = a.request as ExportRequest;
	const byName = new Map([...st.customFields.values()].map((f) => [f.name, f.custom_field_id]));
	const column = (f: string): Column =>
		f.startsWith('cf:') ? (c) => c.custom_fields?.[byName.get(f.slice(3)) ?? ''] ?? '' : COLUMNS[ALIASES[f] ?? f];
	const columns = fields.map(column);
	const rows = contactIds
		.map((id) => st.contacts.get(id))
		.filter((c): c is Contact => !!c)
		.map((c) => columns.map((col) => csvCell(col(c, st))).join(','));
	a.csv = [fields.map(csvCell).join(','), ...rows].map((line) => `${line}\r\n`).join('');
	return 'completed';
}

/** GET /contact_exports/{file_export_id}: the CSV of a completed export (404 before). */
export function getExportFile(ctx: Ctx, id: string): Reply {
	const a = ctx.state.bulk.activities.get(id);
	if (!a || a.kind !== 'contact_exports')
		return fail(404, 'contacts.api.not_found', `Contact export file ${id} not found.`);
	if (a.csv === undefined)
		return fail(
			404,
			'contacts.api.not_found',
			`Contact export file ${id} not found: the export activity is ${a.state}.`,
		);
	return { status: 200, raw: a.csv, contentType: 'text/csv' };
}
