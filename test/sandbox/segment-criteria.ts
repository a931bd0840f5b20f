/**
 * Segment criteria (`segment_criteria`, single-string escaped JSON): what the sandbox accepts and
 * how it evaluates it against the account's contacts (README.md "Follow-ups (issue 14)").
 *
 *   {"version":"1.0.0","criteria":{"type":"and","group":[ <item>, ... ]}}
 *   <item>  = <rule> | {"type":"and"|"or","group":[ <item>, ... ]}
 *   <rule>  = {"source":…, "field":…, "op":…, "const_value":…, "param"?:…}
 *
 * Anything else is a 400 naming the place (`criteria.group[1].op`) and what is allowed there.
 */
import { fail } from './common';
import { engagementOf } from './engagement';
import type { Contact, SandboxState, V3Activity } from './state';

export const MAX_CRITERIA_CHARS = 20_000; // SegmentData.segment_criteria maxLength
/** "do not request more than 500 email campaigns or a date range greater than 1825 days" */
export const MAX_TRACKED_CAMPAIGNS = 500;
export const MAX_TRACKED_DAYS = 1825;

export type Rule =
	| { source: 'list_membership'; field: 'list_id'; op: SetOp; ids: string[] }
	| { source: 'tags'; field: 'tag_id'; op: SetOp; ids: string[] }
	| { source: 'contact'; field: ContactField; op: TextOp; value: string; customFieldId?: string }
	| { source: 'tracking'; field: TrackingField; window: 'last-n-campaigns' | 'last-n-days'; n: number };
export interface Group {
	type: 'and' | 'or';
	group: (Group | Rule)[];
}

type SetOp = 'contains-any' | 'not-contains-any';
const SET_OPS: SetOp[] = ['contains-any', 'not-contains-any'];
const CONTACT_FIELDS = [
	'email_address',
	'first_name',
	'last_name',
	'job_title',
	'company_name',
	'custom_field',
] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];
const TEXT_OPS = [
	'eq',
	'ne',
	'contains',
	'not-contains',
	'starts-with',
	'ends-with',
	'is-empty',
	'is-not-empty',
] as const;
type TextOp = (typeof TEXT_OPS)[number];
const TRACKING_FIELDS = ['opened', 'not_opened', 'clicked', 'not_clicked'] as const;
type TrackingField = (typeof TRACKING_FIELDS)[number];
const RULE_KEYS = new Set(['source', 'field', 'op', 'const_value', 'param']);

const bad = (where: string, what: string): never =>
	fail(400, 'contacts.api.validation.error', `segment_criteria: ${where}: ${what}`);
const list = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(', ');

/** Parses and checks `segment_criteria`; unknown lists and tags are 400 too. */
export function parseCriteria(st: SandboxState, raw: unknown): Group {
	if (typeof raw !== 'string' || !raw.trim()) return bad('(the string)', 'is required (single-string escaped JSON)');
	if (raw.length > MAX_CRITERIA_CHARS) bad('(the string)', `must be at most ${MAX_CRITERIA_CHARS} characters`);
	let doc: unknown;
	try {
		doc = JSON.parse(raw);
	} catch (e) {
		return bad('(the string)', `is not valid JSON (${(e as Error).message})`);
	}
	if (!isObject(doc)) return bad('(the document)', 'must be a JSON object {"version":"1.0.0","criteria":{…}}');
	for (const k of Object.keys(doc))
		if (k !== 'version' && k !== 'criteria') bad(k, "unknown property (allowed: 'version', 'criteria')");
	if (doc.version !== undefined && doc.version !== '1.0.0') bad('version', "must be '1.0.0'");
	if (!isObject(doc.criteria)) return bad('criteria', 'is required: {"type":"and","group":[…]}');
	if (doc.criteria.type !== 'and') bad('criteria.type', "the top-level group's type must be 'and'");
	return group(st, doc.criteria, 'criteria');
}

function group(st: SandboxState, g: Record<string, unknown>, at: string): Group {
	for (const k of Object.keys(g)) if (k !== 'type' && k !== 'group') bad(at, `unknown property '${k}' in a group`);
	if (g.type !== 'and' && g.type !== 'or') bad(`${at}.type`, "must be 'and' or 'or'");
	if (!Array.isArray(g.group) || !g.group.length) return bad(`${at}.group`, 'must be a non-empty array');
	const items = g.group.map((x, i) => {
		const where = `${at}.group[${i}]`;
		if (!isObject(x)) return bad(where, 'must be a rule or a group object');
		return 'group' in x || ('type' in x && !('source' in x)) ? group(st, x, where) : rule(st, x, where);
	});
	// list_membership and tags "support or groups" only: one of each per `and` group.
	if (g.type === 'and') {
		for (const source of ['list_membership', 'tags'] as const)
			if (items.filter((r) => 'source' in r && r.source === source).length > 1)
				bad(`${at}`, `'${source}' rules can only be combined in an 'or' group (put one rule with several ids)`);
	}
	return { type: g.type as Group['type'], group: items };
}

function rule(st: SandboxState, r: Record<string, unknown>, at: string): Rule {
	for (const k of Object.keys(r)) if (!RULE_KEYS.has(k)) bad(at, `unknown property '${k}' in a rule`);
	const str = (k: string, required = true): string => {
		const v = r[k];
		if (v === undefined && !required) return '';
		if (typeof v !== 'string') return bad(`${at}.${k}`, 'must be a string');
		return v;
	};
	const source = str('source');
	const field = str('field');
	const op = str('op');
	switch (source) {
		case 'list_membership':
		case 'tags': {
			const want = source === 'tags' ? 'tag_id' : 'list_id';
			if (field !== want) bad(`${at}.field`, `must be '${want}' for source '${source}'`);
			if (!SET_OPS.includes(op as SetOp)) bad(`${at}.op`, `must be one of ${list(SET_OPS)}`);
			const ids = idsOf(str('const_value'), `${at}.const_value`);
			for (const id of ids) {
				const known = source === 'tags' ? st.tags.has(id) : !!st.v3.lists.get(id) && !st.v3.lists.get(id)!.deleted_at;
				if (!known) bad(`${at}.const_value`, `${source === 'tags' ? 'tag' : 'contact list'} '${id}' does not exist`);
			}
			return source === 'tags'
				? { source, field: 'tag_id', op: op as SetOp, ids }
				: { source, field: 'list_id', op: op as SetOp, ids };
		}
		case 'contact': {
			if (!CONTACT_FIELDS.includes(field as ContactField))
				bad(`${at}.field`, `must be one of ${list(CONTACT_FIELDS)} for source 'contact'`);
			if (!TEXT_OPS.includes(op as TextOp)) bad(`${at}.op`, `must be one of ${list(TEXT_OPS)}`);
			const blankOp = op === 'is-empty' || op === 'is-not-empty';
			const value = str('const_value', !blankOp);
			let customFieldId: string | undefined;
			if (field === 'custom_field') {
				customFieldId = str('param');
				if (!st.customFields.has(customFieldId))
					bad(`${at}.param`, `custom field '${customFieldId}' does not exist (param: a custom_field_id)`);
			} else if (r.param !== undefined) bad(`${at}.param`, "is only used with field 'custom_field'");
			return { source, field: field as ContactField, op: op as TextOp, value, customFieldId };
		}
		case 'tracking': {
			if (!TRACKING_FIELDS.includes(field as TrackingField))
				bad(`${at}.field`, `must be one of ${list(TRACKING_FIELDS)} for source 'tracking'`);
			if (op !== 'contains-any') bad(`${at}.op`, "must be 'contains-any' for source 'tracking'");
			const window = str('const_value');
			if (window !== 'last-n-campaigns' && window !== 'last-n-days')
				bad(`${at}.const_value`, "must be 'last-n-campaigns' or 'last-n-days'");
			const n = Number(str('param'));
			const max = window === 'last-n-campaigns' ? MAX_TRACKED_CAMPAIGNS : MAX_TRACKED_DAYS;
			if (!Number.isInteger(n) || n < 1 || n > max)
				bad(
					`${at}.param`,
					`must be a whole number from 1 to ${max} (${window === 'last-n-campaigns' ? 'email campaigns' : 'days'})`,
				);
			return { source, field: field as TrackingField, window: window as 'last-n-campaigns', n };
		}
		default:
			return bad(`${at}.source`, `must be one of 'list_membership', 'tags', 'contact', 'tracking'`);
	}
}

function idsOf(raw: string, at: string): string[] {
	const ids = raw
		.split(',')
		.map((x) => x.trim())
		.filter(Boolean);
	if (!ids.length) bad(at, 'must list at least one id (comma-separated)');
	return ids;
}

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/* ---------------------------------------------------------------- evaluation */

/** The contacts a segment holds as of `now`: live contacts with an email address meeting the criteria. */
export function membersOf(st: SandboxState, criteria: Group, now: number): Contact[] {
	const ctx = new EvalContext(st, now);
	return [...st.contacts.values()].filter((c) => c.email && c.status !== 'deleted' && ctx.matches(criteria, c));
}

class EvalContext {
	private tracked = new Map<string, Map<string, { opened: boolean; clicked: boolean }>>();
	constructor(
		private readonly st: SandboxState,
		private readonly now: number,
	) {}

	matches(item: Group | Rule, c: Contact): boolean {
		if ('group' in item)
			return item.type === 'and'
				? item.group.every((x) => this.matches(x, c))
				: item.group.some((x) => this.matches(x, c));
		switch (item.source) {
			case 'list_membership':
			case 'tags': {
				const own = item.source === 'tags' ? c.tagIds : c.listIds;
				const any = item.ids.some((id) => own.has(id));
				return item.op === 'contains-any' ? any : !any;
			}
			case 'contact':
				return text(item.op, contactValue(c, item.field, item.customFieldId), item.value);
			case 'tracking': {
				const seen = this.tracking(item).get(c.contact_id);
				if (!seen) return false; // never sent one of those campaigns: neither opened nor not opened
				if (item.field === 'opened') return seen.opened;
				if (item.field === 'not_opened') return !seen.opened;
				if (item.field === 'clicked') return seen.clicked;
				return !seen.clicked;
			}
		}
	}

	/** Per contact who received one of the rule's campaigns (not bounced): did they open / click one by now. */
	private tracking(r: Extract<Rule, { source: 'tracking' }>): Map<string, { opened: boolean; clicked: boolean }> {
		const key = `${r.window}:${r.n}`;
		const known = this.tracked.get(key);
		if (known) return known;
		const sent = [...this.st.v3.activities.values()]
			.filter((a) => a.role === 'primary_email' && a.sendLog.length)
			.map((a) => ({ a, first: a.sendLog[0].sentAt }))
			.filter((x) => x.first <= this.now)
			.sort((x, y) => y.first - x.first);
		const from = this.now - r.n * 86_400_000;
		const pick: V3Activity[] =
			r.window === 'last-n-campaigns' ? sent.slice(0, r.n).map((x) => x.a) : sent.map((x) => x.a);
		const out = new Map<string, { opened: boolean; clicked: boolean }>();
		for (const a of pick) {
			for (const s of a.sendLog) {
				if (s.sentAt > this.now || (r.window === 'last-n-days' && s.sentAt < from)) continue;
				const e = engagementOf(a, s);
				if (e.bounceCode) continue;
				const row = out.get(s.contactId) ?? { opened: false, clicked: false };
				row.opened ||= e.opens.some((o) => o.at <= this.now);
				row.clicked ||= !!e.click && e.click.at <= this.now;
				out.set(s.contactId, row);
			}
		}
		this.tracked.set(key, out);
		return out;
	}
}

function contactValue(c: Contact, field: ContactField, customFieldId?: string): string {
	if (field === 'custom_field') return c.custom_fields?.[customFieldId!] ?? '';
	if (field === 'email_address') return c.email;
	return c[field] ?? '';
}

/** Case-insensitive text comparison of a contact's value with the rule's `const_value`. */
function text(op: TextOp, own: string, value: string): boolean {
	const a = own.toLowerCase();
	const b = value.toLowerCase();
	switch (op) {
		case 'eq':
			return a === b;
		case 'ne':
			return a !== b;
		case 'contains':
			return a.includes(b);
		case 'not-contains':
			return !a.includes(b);
		case 'starts-with':
			return a.startsWith(b);
		case 'ends-with':
			return a.endsWith(b);
		case 'is-empty':
			return !a;
		case 'is-not-empty':
			return !!a;
	}
}
