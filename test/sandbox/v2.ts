/** Constant Contact v2 API handlers (paths relative to /v2). */
import {
	Ctx,
	Reply,
	json,
	fail,
	HttpError,
	EMAIL_RE,
	encodeCursor,
	decodeCursor,
	parseIso,
	SortedCache,
	firstAfter,
} from './common';
import { SandboxState, V2Campaign, ContactList, addV2Campaign, touchV2, iso } from './state';

const NOT_FOUND = (what: string): never => fail(404, 'http.status.not_found', `${what} not found.`);
const STATUSES = ['ALL', 'DRAFT', 'RUNNING', 'SENT', 'SCHEDULED', 'DELETED'];
const REQUIRED = [
	'name',
	'subject',
	'from_name',
	'from_email',
	'reply_to_email',
	'email_content',
	'email_content_format',
	'text_content',
];
/** Fields a client may set (PUT replaces exactly these). */
const WRITABLE = [
	...REQUIRED,
	'is_permission_reminder_enabled',
	'permission_reminder_text',
	'is_view_as_webpage_enabled',
	'view_as_web_page_text',
	'view_as_web_page_link_text',
	'greeting_salutations',
	'greeting_name',
	'greeting_string',
	'style_sheet',
	'message_footer',
	'sent_to_contact_lists',
];

const cache = new WeakMap<SandboxState, SortedCache<V2Campaign>>();
function sorted(st: SandboxState): V2Campaign[] {
	let c = cache.get(st);
	if (!c) cache.set(st, (c = new SortedCache()));
	return c.get(st.version, () =>
		[...st.v2.campaigns.values()].sort((a, b) => b.modifiedMs - a.modifiedMs || (a.id < b.id ? 1 : -1)),
	);
}
const keyCmp = (c: V2Campaign, k: { m: number; id: string }): number =>
	k.m - c.modifiedMs || (c.id < k.id ? 1 : c.id > k.id ? -1 : 0);

export function handleV2(ctx: Ctx): Reply {
	const s = ctx.segments;
	const m = ctx.method;
	const st = ctx.state;
	if (s[0] === 'account' && s.length === 2 && m === 'GET') {
		if (s[1] === 'info') return json(200, st.account.info);
		if (s[1] === 'verifiedemailaddresses')
			return json(
				200,
				st.account.verifiedEmails.map((v) => ({ ...v })),
			);
	}
	if (s[0] === 'lists' && m === 'GET') {
		if (s.length === 1) return listLists(ctx);
		if (s.length === 2) return json(200, listJson(st, getList(st, s[1])));
	}
	if (s[0] === 'emailmarketing' && s[1] === 'campaigns') {
		const id = s[2];
		const rest = s.slice(3).join('/');
		if (s.length === 2) {
			if (m === 'GET') return listCampaigns(ctx);
			if (m === 'POST') return createCampaign(ctx);
			return notAllowed(m);
		}
		if (s.length === 3) {
			if (m === 'GET') return json(200, campaignJson(st, getCampaign(st, id)));
			if (m === 'PUT') return putCampaign(ctx, id);
			if (m === 'DELETE') return deleteCampaign(ctx, id);
			return notAllowed(m);
		}
		if (rest === 'schedules') {
			if (m === 'GET') {
				const c = getCampaign(st, id);
				return json(200, c.schedule ? [scheduleJson(c.schedule)] : []);
			}
			if (m === 'POST') return createSchedule(ctx, id);
			return notAllowed(m);
		}
		if (s[3] === 'schedules' && s.length === 5) {
			if (m === 'GET') return json(200, scheduleJson(getSchedule(st, id, s[4]).schedule!));
			if (m === 'PUT') return updateSchedule(ctx, id, s[4]);
			if (m === 'DELETE') return deleteSchedule(ctx, id, s[4]);
			return notAllowed(m);
		}
		if (rest === 'tests' && m === 'POST') return testSend(ctx, id);
		if (rest === 'preview' && m === 'GET') return preview(ctx, id);
		if (rest === 'tracking/reports/summary' && m === 'GET') return trackingSummary(ctx, id);
		if (s[3] === 'tracking' && s.length === 5 && m === 'GET') return tracking(ctx, id, s[4]);
	}
	return fail(404, 'http.status.not_found', `No such resource: ${m} /v2/${s.join('/')}`);
}

const notAllowed = (m: string): never =>
	fail(405, 'http.status.method_not_allowed', `Method ${m} is not supported by this resource.`);

/* ---------------------------------------------------------------- lists */

function getList(st: SandboxState, id: string): ContactList {
	const l = st.v2.lists.get(id);
	if (!l || l.deleted_at) return NOT_FOUND(`Contact list ${id}`);
	return l;
}
function listJson(st: SandboxState, l: ContactList): Record<string, unknown> {
	let n = 0;
	for (const c of st.contacts.values()) if (c.listIds.has(l.list_id)) n++;
	return {
		id: l.v2Id,
		name: l.name,
		status: l.status,
		created_date: l.created_at,
		modified_date: l.updated_at,
		contact_count: n,
		opt_in_default: l.opt_in_default,
	};
}
function listLists(ctx: Ctx): Reply {
	const since = ctx.query.modified_since !== undefined ? parseIso(ctx.query.modified_since) : undefined;
	if (ctx.query.modified_since !== undefined && since === undefined)
		fail(400, 'query.param.invalid', 'modified_since: must be an ISO-8601 date.');
	const out = [...ctx.state.v2.lists.values()]
		.filter((l) => !l.deleted_at && (since === undefined || Date.parse(l.updated_at) >= since))
		.map((l) => listJson(ctx.state, l));
	return json(200, out);
}

/* ---------------------------------------------------------------- campaigns */

function getCampaign(st: SandboxState, id: string): V2Campaign {
	const c = st.v2.campaigns.get(id);
	// "You cannot retrieve an individual deleted campaign object using the API."
	if (!c || c.status === 'DELETED') return NOT_FOUND(`Email campaign ${id}`);
	return c;
}

export function campaignJson(st: SandboxState, c: V2Campaign): Record<string, unknown> {
	const d = JSON.parse(JSON.stringify(c.data));
	d.id = c.id;
	d.status = c.status;
	if (c.schedule) d.next_run_date = c.schedule.scheduled_date;
	return d;
}

function summaryJson(c: V2Campaign): Record<string, unknown> {
	const o: Record<string, unknown> = {
		id: c.id,
		name: c.data.name,
		status: c.status,
		modified_date: c.data.modified_date,
	};
	if (c.data.last_run_date) o.last_run_date = c.data.last_run_date;
	if (c.schedule) o.next_run_date = c.schedule.scheduled_date;
	return o;
}

interface V2Cursor {
	s: string;
	ms?: number;
	l: number;
	m: number;
	id: string;
}

function listCampaigns(ctx: Ctx): Reply {
	const q = ctx.query;
	let status: string;
	let since: number | undefined;
	let limit: number;
	let start = 0;
	const all = sorted(ctx.state);
	if (q.next !== undefined) {
		const c = decodeCursor<V2Cursor>(q.next);
		if (!c || typeof c.m !== 'number') return fail(400, 'query.param.invalid', 'next: invalid pagination token.');
		status = c.s;
		since = c.ms;
		limit = c.l;
		start = firstAfter(all, { m: c.m, id: c.id }, keyCmp);
	} else {
		status = (q.status ?? 'ALL').toUpperCase();
		if (!STATUSES.includes(status)) fail(400, 'query.param.invalid', `status: must be one of ${STATUSES.join(', ')}.`);
		if (q.modified_since !== undefined) {
			since = parseIso(q.modified_since);
			if (since === undefined) fail(400, 'query.param.invalid', 'modified_since: must be an ISO-8601 date.');
		}
		limit = q.limit === undefined ? 50 : Number(q.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 500)
			fail(400, 'query.param.invalid', 'limit: must be an integer from 1 to 500.');
	}
	const page: V2Campaign[] = [];
	let more = false;
	for (let i = start; i < all.length; i++) {
		const c = all[i];
		if (since !== undefined && c.modifiedMs < since) break; // sorted newest first
		if (status === 'ALL' ? c.status === 'DELETED' : c.status !== status) continue;
		if (page.length === limit) {
			more = true;
			break;
		}
		page.push(c);
	}
	const body: Record<string, unknown> = { meta: { pagination: {} }, results: page.map(summaryJson) };
	if (more) {
		const last = page[page.length - 1];
		const cur = encodeCursor({ s: status, ms: since, l: limit, m: last.modifiedMs, id: last.id } as V2Cursor);
		body.meta = { pagination: { next_link: `/v2/emailmarketing/campaigns?next=${cur}` } };
	}
	return json(200, body);
}

/** Validates a create/replace body; returns the writable fields. */
function validateCampaign(st: SandboxState, b: any, selfId?: string): Record<string, unknown> {
	if (!b || typeof b !== 'object' || Array.isArray(b))
		return fail(400, 'json.payload.invalid', 'The request body must be a JSON object.');
	const errors: { error_key: string; error_message: string }[] = [];
	const err = (key: string, msg: string): void => {
		errors.push({ error_key: key, error_message: msg });
	};
	for (const f of REQUIRED)
		if (b[f] === undefined || b[f] === null || b[f] === '')
			err('json.field.required', `#/${f}: Property is required but was not present.`);
	if (typeof b.name === 'string') {
		if (b.name.length > 80) err('json.max.length.violation', '#/name: Value exceeds maximum length of 80.');
		const other = st.v2.names.get(b.name);
		if (other && other !== selfId && !errors.length) {
			throw new HttpError({
				status: 409,
				body: [
					{
						error_key: 'http.status.email_campaign.name.not_unique',
						error_message: `An email campaign named '${b.name}' already exists; campaign names must be unique.`,
					},
				],
			});
		}
	}
	if (typeof b.subject === 'string' && b.subject.length > 200)
		err('json.max.length.violation', '#/subject: Value exceeds maximum length of 200.');
	if (typeof b.from_name === 'string' && b.from_name.length > 100)
		err('json.max.length.violation', '#/from_name: Value exceeds maximum length of 100.');
	for (const f of ['from_email', 'reply_to_email']) {
		if (b[f] !== undefined && b[f] !== '' && (typeof b[f] !== 'string' || !EMAIL_RE.test(b[f])))
			err('json.regex.mismatch', `#/${f}: Value is not a valid email address.`);
	}
	if (typeof b.from_email === 'string' && EMAIL_RE.test(b.from_email)) {
		if (
			!st.account.verifiedEmails.some(
				(v) => v.status === 'CONFIRMED' && v.email_address.toLowerCase() === b.from_email.toLowerCase(),
			)
		) {
			err(
				'json.field.from_email.unverified',
				`#/from_email: ${b.from_email} is not a verified email address for this account.`,
			);
		}
	}
	if (b.email_content_format !== undefined && !['HTML', 'XHTML'].includes(b.email_content_format))
		err('json.field.invalid', '#/email_content_format: Value must be one of HTML, XHTML.');
	if (b.is_permission_reminder_enabled === true && !b.permission_reminder_text)
		err(
			'json.field.required',
			'#/permission_reminder_text: Property is required when is_permission_reminder_enabled is true.',
		);
	if (b.is_view_as_webpage_enabled === true) {
		if (!b.view_as_web_page_text)
			err(
				'json.field.required',
				'#/view_as_web_page_text: Property is required when is_view_as_webpage_enabled is true.',
			);
		if (!b.view_as_web_page_link_text)
			err(
				'json.field.required',
				'#/view_as_web_page_link_text: Property is required when is_view_as_webpage_enabled is true.',
			);
	}
	if (
		b.greeting_name !== undefined &&
		!['FIRST_NAME', 'LAST_NAME', 'FIRST_AND_LAST_NAME', 'NONE'].includes(b.greeting_name)
	) {
		err(
			'json.field.invalid',
			'#/greeting_name: Value must be one of FIRST_NAME, LAST_NAME, FIRST_AND_LAST_NAME, NONE.',
		);
	}
	let lists: { id: string }[] = [];
	if (b.sent_to_contact_lists !== undefined) {
		if (!Array.isArray(b.sent_to_contact_lists))
			err('json.field.invalid', '#/sent_to_contact_lists: Value must be an array.');
		else
			b.sent_to_contact_lists.forEach((l: any, i: number) => {
				const id = l && (typeof l.id === 'string' || typeof l.id === 'number') ? String(l.id) : undefined;
				if (!id)
					err('json.field.required', `#/sent_to_contact_lists/${i}/id: Property is required but was not present.`);
				else if (!st.v2.lists.get(id) || st.v2.lists.get(id)!.deleted_at)
					err('json.field.invalid', `#/sent_to_contact_lists/${i}/id: Contact list ${id} does not exist.`);
				else lists.push({ id });
			});
	}
	if (errors.length) throw new HttpError({ status: 400, body: errors });
	const out: Record<string, unknown> = {};
	for (const f of WRITABLE) if (b[f] !== undefined) out[f] = JSON.parse(JSON.stringify(b[f]));
	lists = lists.filter((l, i) => lists.findIndex((x) => x.id === l.id) === i);
	if (b.sent_to_contact_lists !== undefined) out.sent_to_contact_lists = lists;
	return out;
}

function createCampaign(ctx: Ctx): Reply {
	const st = ctx.state;
	const fields = validateCampaign(st, ctx.body);
	const id = String(st.v2.nextCampaignId++);
	const now = iso(ctx.now);
	const data: Record<string, any> = {
		id,
		name: fields.name,
		subject: fields.subject,
		status: 'DRAFT',
		from_name: fields.from_name,
		from_email: fields.from_email,
		reply_to_email: fields.reply_to_email,
		template_type: 'CUSTOM',
		created_date: now,
		modified_date: now,
		permalink_url: `http://myemail.constantcontact.com/sandbox.html?soid=1100371573368&aid=${id}`,
		is_permission_reminder_enabled: false,
		permission_reminder_text: '',
		is_view_as_webpage_enabled: false,
		view_as_web_page_text: '',
		view_as_web_page_link_text: '',
		greeting_salutations: '',
		greeting_name: 'NONE',
		greeting_string: '',
		style_sheet: '',
		...fields,
		tracking_summary: { sends: 0, opens: 0, clicks: 0, forwards: 0, unsubscribes: 0, bounces: 0, spam_count: 0 },
		is_visible_in_ui: false,
	};
	data.id = id;
	data.status = 'DRAFT';
	if (!data.sent_to_contact_lists) data.sent_to_contact_lists = [];
	const c = addV2Campaign(st, data, ctx.now);
	return json(201, campaignJson(st, c));
}

function putCampaign(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const c = getCampaign(st, id);
	if (c.status !== 'DRAFT' && c.status !== 'SENT') {
		fail(
			400,
			'http.status.email_campaign.status.invalid',
			`Email campaign ${id} is ${c.status} and cannot be updated; only DRAFT or SENT campaigns can be.`,
		);
	}
	const fields = validateCampaign(st, ctx.body, id);
	const keep: Record<string, any> = {};
	for (const k of [
		'id',
		'status',
		'template_type',
		'created_date',
		'last_run_date',
		'permalink_url',
		'tracking_summary',
		'is_visible_in_ui',
		'click_through_details',
	]) {
		if (c.data[k] !== undefined) keep[k] = c.data[k];
	}
	// PUT replaces the whole campaign: every writable field not sent is cleared.
	c.data = { ...keep, ...fields, modified_date: iso(ctx.now) };
	if (!c.data.sent_to_contact_lists) c.data.sent_to_contact_lists = [];
	st.v2.names.delete([...st.v2.names.entries()].find(([, v]) => v === id)?.[0] ?? '');
	st.v2.names.set(String(fields.name), id);
	touchV2(st, c, ctx.now);
	return json(200, campaignJson(st, c));
}

function deleteCampaign(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const c = getCampaign(st, id);
	if (c.status === 'SCHEDULED' || c.status === 'RUNNING') {
		fail(
			400,
			'http.status.email_campaign.status.invalid',
			`Email campaign ${id} is ${c.status} and cannot be deleted; delete its schedule first.`,
		);
	}
	c.status = 'DELETED';
	c.data.status = 'DELETED';
	st.v2.names.delete(c.data.name);
	touchV2(st, c, ctx.now);
	return { status: 204 };
}

/* ---------------------------------------------------------------- schedules */

const scheduleJson = (s: { id: string; scheduled_date: string }): Record<string, unknown> => ({
	id: Number(s.id),
	scheduled_date: s.scheduled_date,
});

function getSchedule(st: SandboxState, id: string, sid: string): V2Campaign {
	const c = getCampaign(st, id);
	if (!c.schedule || c.schedule.id !== sid) return NOT_FOUND(`Campaign schedule ${sid}`);
	return c;
}

function scheduleDate(ctx: Ctx): { when: number; sendNow: boolean } {
	const b = ctx.body ?? {};
	if (typeof b !== 'object' || Array.isArray(b))
		return fail(400, 'json.payload.invalid', 'The request body must be a JSON object.');
	if (b.scheduled_date === undefined || b.scheduled_date === null) return { when: ctx.now, sendNow: true };
	const t = parseIso(b.scheduled_date);
	if (t === undefined)
		return fail(400, 'json.regex.mismatch', '#/scheduled_date: Value must be an ISO-8601 date-time.');
	if (t <= ctx.now)
		fail(400, 'http.status.schedule.date.past', `#/scheduled_date: ${b.scheduled_date} is in the past.`);
	return { when: t, sendNow: false };
}

function createSchedule(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const c = getCampaign(st, id);
	if (c.schedule)
		fail(
			400,
			'http.status.schedule.already_exists',
			`Email campaign ${id} already has a schedule; update or delete it instead.`,
		);
	if (c.status !== 'DRAFT')
		fail(
			400,
			'http.status.email_campaign.status.invalid',
			`Email campaign ${id} is ${c.status}; only DRAFT campaigns can be scheduled.`,
		);
	if (!(c.data.sent_to_contact_lists ?? []).length)
		fail(
			400,
			'http.status.schedule.no_contact_lists',
			`Email campaign ${id} has no contact lists (sent_to_contact_lists); add at least one before scheduling.`,
		);
	const missing = REQUIRED.filter((f) => !c.data[f]);
	if (missing.length)
		fail(400, 'http.status.schedule.campaign.incomplete', `Email campaign ${id} is missing ${missing.join(', ')}.`);
	const { when, sendNow } = scheduleDate(ctx);
	c.schedule = { id: String(st.v2.nextScheduleId++), scheduled_date: iso(when) };
	c.statusBeforeSchedule = 'DRAFT';
	c.status = 'SCHEDULED';
	c.data.status = 'SCHEDULED';
	c.pending = { scheduledAt: when, sendNow };
	st.v2.schedules.set(id, c.schedule);
	touchV2(st, c, ctx.now);
	return json(201, scheduleJson(c.schedule));
}

function updateSchedule(ctx: Ctx, id: string, sid: string): Reply {
	const st = ctx.state;
	const c = getSchedule(st, id, sid);
	if (c.status !== 'SCHEDULED')
		fail(
			400,
			'http.status.email_campaign.status.invalid',
			`Email campaign ${id} is ${c.status}; its schedule can no longer be changed.`,
		);
	const { when, sendNow } = scheduleDate(ctx);
	c.schedule!.scheduled_date = iso(when);
	c.pending = { scheduledAt: when, sendNow };
	touchV2(st, c, ctx.now);
	return json(200, scheduleJson(c.schedule!));
}

function deleteSchedule(ctx: Ctx, id: string, sid: string): Reply {
	const st = ctx.state;
	const c = getSchedule(st, id, sid);
	if (c.status !== 'SCHEDULED')
		fail(
			400,
			'http.status.email_campaign.status.invalid',
			`Email campaign ${id} is ${c.status}; it can no longer be unscheduled.`,
		);
	c.status = c.statusBeforeSchedule ?? 'DRAFT';
	c.data.status = c.status;
	c.schedule = undefined;
	c.pending = undefined;
	c.statusBeforeSchedule = undefined;
	delete c.data.next_run_date;
	st.v2.schedules.delete(id);
	touchV2(st, c, ctx.now);
	return { status: 204 };
}

/* ---------------------------------------------------------------- tests, preview, tracking */

function testSend(ctx: Ctx, id: string): Reply {
	const c = getCampaign(ctx.state, id);
	const b = ctx.body ?? {};
	const addrs = b.email_addresses;
	if (!Array.isArray(addrs) || !addrs.length)
		fail(400, 'json.field.required', '#/email_addresses: Property is required but was not present.');
	if (addrs.length > 5)
		fail(400, 'json.max.length.violation', '#/email_addresses: At most 5 email addresses are allowed.');
	for (const a of addrs)
		if (typeof a !== 'string' || !EMAIL_RE.test(a))
			fail(400, 'json.regex.mismatch', `#/email_addresses: '${String(a)}' is not a valid email address.`);
	if (!['HTML', 'TEXT', 'HTML_AND_TEXT'].includes(b.format))
		fail(400, 'json.field.invalid', '#/format: Value must be one of HTML, TEXT, HTML_AND_TEXT.');
	if (b.personal_message !== undefined && (typeof b.personal_message !== 'string' || b.personal_message.length > 500)) {
		fail(400, 'json.max.length.violation', '#/personal_message: Value exceeds maximum length of 500.');
	}
	const out: Record<string, unknown> = { format: b.format, email_addresses: [...addrs] };
	if (b.personal_message !== undefined) out.personal_message = b.personal_message;
	c.testSends.push({ at: ctx.now, body: out });
	return json(201, out);
}

function preview(ctx: Ctx, id: string): Reply {
	const c = getCampaign(ctx.state, id);
	const html = String(c.data.email_content ?? '');
	return json(200, {
		subject: c.data.subject,
		from_email: c.data.from_email,
		reply_to_email: c.data.reply_to_email,
		preview_email_content: html,
		preview_text_content: String(c.data.text_content ?? ''),
	});
}

const KINDS: Record<string, { type: string; date: string }> = {
	sends: { type: 'EMAIL_SEND', date: 'send_date' },
	opens: { type: 'EMAIL_OPEN', date: 'open_date' },
	clicks: { type: 'EMAIL_CLICK', date: 'click_date' },
	bounces: { type: 'EMAIL_BOUNCE', date: 'bounce_date' },
	forwards: { type: 'EMAIL_FORWARD', date: 'forward_date' },
	unsubscribes: { type: 'EMAIL_UNSUBSCRIBE', date: 'unsubscribe_date' },
};

function trackingRows(st: SandboxState, c: V2Campaign, kind: string): Record<string, any>[] {
	const seeded = (st.v2.tracking.get(c.id)?.[kind] ?? []).map((r) => ({ ...r }));
	if (kind !== 'sends') return seeded;
	const live = c.sendLog.map((r) => ({
		activity_type: 'EMAIL_SEND',
		campaign_id: c.id,
		contact_id: st.contacts.get(r.contactId)?.v2Id ?? r.contactId,
		email_address: r.email,
		send_date: iso(r.sentAt),
	}));
	return [...live.reverse(), ...seeded];
}

function trackingSummary(ctx: Ctx, id: string): Reply {
	const c = getCampaign(ctx.state, id);
	const t = c.data.tracking_summary ?? {};
	return json(200, {
		sends: t.sends ?? 0,
		opens: t.opens ?? 0,
		clicks: t.clicks ?? 0,
		forwards: t.forwards ?? 0,
		unsubscribes: t.unsubscribes ?? 0,
		bounces: t.bounces ?? 0,
		campaign_id: Number(c.id),
	});
}

function tracking(ctx: Ctx, id: string, kind: string): Reply {
	const c = getCampaign(ctx.state, id);
	const k = KINDS[kind];
	if (!k) return NOT_FOUND(`Tracking report ${kind}`);
	const q = ctx.query;
	let limit: number;
	let since: number | undefined;
	let offset = 0;
	if (q.next !== undefined) {
		const cur = decodeCursor<{ o: number; l: number; cs?: number }>(q.next);
		if (!cur || typeof cur.o !== 'number') return fail(400, 'query.param.invalid', 'next: invalid pagination token.');
		offset = cur.o;
		limit = cur.l;
		since = cur.cs;
	} else {
		limit = q.limit === undefined ? 500 : Number(q.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 500)
			fail(400, 'query.param.invalid', 'limit: must be an integer from 1 to 500.');
		if (q.created_since !== undefined) {
			since = parseIso(q.created_since);
			if (since === undefined) fail(400, 'query.param.invalid', 'created_since: must be an ISO-8601 date.');
		}
	}
	const rows = trackingRows(ctx.state, c, kind).filter((r) => since === undefined || Date.parse(r[k.date]) >= since);
	const page = rows.slice(offset, offset + limit);
	const body: Record<string, unknown> = { meta: { pagination: {} }, results: page };
	if (rows.length > offset + limit) {
		body.meta = {
			pagination: {
				next_link: `/v2/emailmarketing/campaigns/${id}/tracking/${kind}?next=${encodeCursor({ o: offset + limit, l: limit, cs: since })}`,
			},
		};
	}
	return json(200, body);
}
