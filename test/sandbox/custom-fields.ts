/**
 * Contact custom fields (`/contact_custom_fields`): `name` is the label with blanks replaced by
 * underscores (the contract's CustomField), unique (409), set at creation; at most 100 in an
 * account (the 101st: 400). Contacts hold their values by `custom_field_id` (`include=custom_fields`).
 */
import * as crypto from 'crypto';
import { type Ctx, type Reply, json, fail, limitParam, cursorParam, nextLinks } from './common';
import { NF_CONTACTS } from './lookups';
import { iso, type CustomField, type SandboxState } from './state';

/** "A user can configure up to 100 custom_fields in their account." */
export const MAX_CUSTOM_FIELDS = 100;
const TYPES = ['string', 'date', 'number', 'currency', 'boolean', 'single_select', 'multi_select'];

const bad = (message: string): never => fail(400, 'contacts.api.validation.error', message);

/** The unique name Constant Contact makes of a label: blanks replaced by underscores. */
export const customFieldName = (label: string): string => label.trim().replace(/\s+/g, '_');

function customFieldJson(f: CustomField): Record<string, unknown> {
	const o: Record<string, unknown> = {
		custom_field_id: f.custom_field_id,
		label: f.label,
		name: f.name,
		type: f.type,
		created_at: f.created_at,
		updated_at: f.updated_at,
	};
	if (f.metadata) o.metadata = { ...f.metadata };
	if (f.choices) o.choices = f.choices.map((c) => ({ ...c }));
	return o;
}

function checkLabel(label: unknown): string {
	if (typeof label !== 'string' || !label.trim()) return bad('label: is required.');
	return label;
}

/** Choices of a select field, numbered as the API numbers them. */
function choicesOf(f: Pick<CustomField, 'custom_field_id'>, raw: unknown, at: string): CustomField['choices'] {
	if (!Array.isArray(raw)) return undefined;
	return raw.map((c: Record<string, unknown>, i) => ({
		custom_field_id: f.custom_field_id,
		choice_id: typeof c.choice_id === 'number' ? c.choice_id : i + 1,
		choice_label: c.choice_label,
		display_order: c.display_order ?? i + 1,
		created_at: at,
		updated_at: at,
	}));
}

/** A new custom field (the POST handler and the seeding API); the 101st, a name in use or an unknown type fail. */
export function addCustomField(
	st: SandboxState,
	fields: { label: unknown; type: unknown; metadata?: Record<string, unknown>; choices?: unknown },
	at: string,
): CustomField {
	const label = checkLabel(fields.label);
	if (typeof fields.type !== 'string' || !TYPES.includes(fields.type)) bad(`type: must be one of ${TYPES.join(', ')}.`);
	if (st.customFields.size >= MAX_CUSTOM_FIELDS)
		bad(`An account can have up to ${MAX_CUSTOM_FIELDS} custom fields; this one has ${st.customFields.size}.`);
	const name = customFieldName(label);
	for (const f of st.customFields.values())
		if (f.name.toLowerCase() === name.toLowerCase())
			fail(409, 'contacts.api.conflict', `A custom field named '${name}' already exists.`);
	const f: CustomField = {
		custom_field_id: crypto.randomUUID(),
		label,
		name,
		type: fields.type as string,
		created_at: at,
		updated_at: at,
	};
	if (fields.metadata) f.metadata = fields.metadata;
	f.choices = choicesOf(f, fields.choices, at);
	if (!f.choices) delete f.choices;
	st.customFields.set(f.custom_field_id, f);
	return f;
}

function getCustomField(st: SandboxState, id: string): CustomField {
	return st.customFields.get(id) ?? NF_CONTACTS(`Custom field ${id}`);
}

/** GET /contact_custom_fields: in creation order, `limit` 1..100 (default 50) a page, next via `_links`. */
export function listCustomFields(ctx: Ctx): Reply {
	const cursor = cursorParam<{ l: number; o: number }>(ctx.query, (c) => typeof c.o === 'number');
	const limit = ctx.query.limit === undefined && cursor ? cursor.l : limitParam(ctx.query, 50, MAX_CUSTOM_FIELDS);
	const offset = cursor?.o ?? 0;
	const all = [...ctx.state.customFields.values()];
	const body: Record<string, unknown> = { custom_fields: all.slice(offset, offset + limit).map(customFieldJson) };
	if (all.length > offset + limit)
		body._links = nextLinks('/contact_custom_fields', { l: limit, o: offset + limit }, limit);
	return json(200, body);
}

/** PUT: a new label (the name stays) and choices; omitted properties become null, so the label is required. */
export function putCustomField(ctx: Ctx, id: string): Reply {
	const f = getCustomField(ctx.state, id);
	f.label = checkLabel(ctx.body.label);
	f.updated_at = iso(ctx.now);
	f.choices = choicesOf(f, ctx.body.choices, f.updated_at);
	if (!f.choices) delete f.choices;
	return json(200, customFieldJson(f));
}

export function deleteCustomField(ctx: Ctx, id: string): Reply {
	getCustomField(ctx.state, id);
	ctx.state.customFields.delete(id);
	for (const c of ctx.state.contacts.values()) if (c.custom_fields && id in c.custom_fields) delete c.custom_fields[id];
	return { status: 204 };
}

export function postCustomField(ctx: Ctx): Reply {
	return json(201, customFieldJson(addCustomField(ctx.state, ctx.body ?? {}, iso(ctx.now))));
}

export function getCustomFieldJson(ctx: Ctx, id: string): Reply {
	return json(200, customFieldJson(getCustomField(ctx.state, id)));
}
