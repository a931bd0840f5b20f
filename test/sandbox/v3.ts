/** Constant Contact v3 API handlers (paths relative to /v3). Requests arrive contract-validated. */
import {
	Ctx,
	Reply,
	json,
	fail,
	EMAIL_RE,
	encodeCursor,
	decodeCursor,
	parseIso,
	SortedCache,
	firstAfter,
	limitParam,
} from './common';
import {
	SandboxState,
	V3Activity,
	V3Campaign,
	ContactList,
	Contact,
	addContact,
	addContactList,
	addV3Campaign,
	deleteContact,
	reviveContact,
	touchV3,
	iso,
	truncSeconds,
	activityToCampaignStatus,
} from './state';
import { countsOf, engagementsOf, linkCounts, percentsOf, trackingRows, type Counts } from './engagement';
import { bulkActivityJson, getActivity as getBulkActivity, listActivities, queueActivity } from './activity-store';
import { processActivities } from './bulk';
import { postAddListMemberships, postContactDelete, postRemoveListMemberships, postTaggings } from './bulk-contacts';
import { getExportFile, postContactExport } from './bulk-export';
import { postJsonImport } from './bulk-import';
import { deleteTag, getTagJson, listTags, postTag, putTag } from './contact-tags';
import {
	deleteCustomField,
	getCustomFieldJson,
	listCustomFields,
	postCustomField,
	putCustomField,
} from './custom-fields';
import { getContact, getList, statusMatches } from './lookups';
import { deleteAbTest, getAbTest, postAbTest } from './abtests';
import { deleteResend, listResends, postResend } from './resends';
import {
	checkActivitySegments,
	checkScheduledSegments,
	deleteSegment,
	getSegment,
	listSegments,
	postSegment,
	putSegment,
	renameSegment,
	segmentDetail,
	contactsOfSegment,
} from './segments';
import { contactIdXrefs, listIdXrefs } from './xrefs';

const NF_EMAIL = (what: string): never => fail(404, 'email.api.not_found', `${what} not found.`);

const campaignCache = new WeakMap<SandboxState, SortedCache<V3Campaign>>();

function sortedCampaigns(state: SandboxState): V3Campaign[] {
	let cache = campaignCache.get(state);
	if (!cache) campaignCache.set(state, (cache = new SortedCache()));
	return cache.get(state.version, () =>
		[...state.v3.campaigns.values()].sort(
			(a, b) => b.updatedMs - a.updatedMs || (a.campaign_id < b.campaign_id ? 1 : -1),
		),
	);
}
const campaignKeyCmp = (c: V3Campaign, k: { u: number; id: string }): number =>
	k.u - c.updatedMs || (c.campaign_id < k.id ? 1 : c.campaign_id > k.id ? -1 : 0);

export function campaignJson(state: SandboxState, c: V3Campaign, withActivities: boolean): Record<string, unknown> {
	const o: Record<string, unknown> = {
		campaign_id: c.campaign_id,
		created_at: c.created_at,
		current_status: c.current_status,
		name: c.name,
		type: c.type,
		type_code: c.type_code,
		updated_at: c.updated_at,
	};
	if (withActivities) o.campaign_activities = c.activityIds.map((a) => ({ ...a }));
	return o;
}

export function activityJson(a: V3Activity, include: Set<string>): Record<string, unknown> {
	const o: Record<string, unknown> = {
		campaign_activity_id: a.campaign_activity_id,
		campaign_id: a.campaign_id,
		role: a.role,
		contact_list_ids: [...a.contact_list_ids],
		current_status: a.current_status,
		format_type: a.format_type,
		from_email: a.from_email,
		from_name: a.from_name,
		reply_to_email: a.reply_to_email,
		subject: a.subject,
	};
	if (a.segment_ids.length) o.segment_ids = [...a.segment_ids];
	if (a.preheader !== undefined) o.preheader = a.preheader;
	if (include.has('html_content')) o.html_content = a.html_content;
	if (include.has('permalink_url')) o.permalink_url = a.permalink_url;
	if (include.has('physical_address_in_footer') && a.physical_address_in_footer)
		o.physical_address_in_footer = { ...a.physical_address_in_footer };
	if (include.has('document_properties') && a.document_properties) o.document_properties = { ...a.document_properties };
	return o;
}
const ALL_INCLUDES = new Set(['html_content', 'permalink_url', 'physical_address_in_footer', 'document_properties']);

function getCampaign(state: SandboxState, id: string): V3Campaign {
	return state.v3.campaigns.get(id) ?? NF_EMAIL(`Email campaign ${id}`);
}
function getActivity(state: SandboxState, id: string, allowRemoved = false): V3Activity {
	const a = state.v3.activities.get(id);
	if (!a || (!allowRemoved && a.current_status === 'REMOVED')) return NF_EMAIL(`Email campaign activity ${id}`);
	return a;
}

function verifiedFrom(state: SandboxState, email: string, field: string): void {
	if (!EMAIL_RE.test(email)) fail(400, 'email.api.invalid.email', `${field}: '${email}' is not a valid email address.`);
	if (
		field === 'from_email' &&
		!state.account.verifiedEmails.some(
			(v) => v.email_address.toLowerCase() === email.toLowerCase() && v.status === 'CONFIRMED',
		)
	) {
		fail(
			400,
			'email.api.from_email.unverified',
			`from_email: '${email}' is not a confirmed email address of this account.`,
		);
	}
}

export function handleV3(ctx: Ctx): Reply {
	const s = ctx.segments;
	const m = ctx.method;
	const st = ctx.state;
	// Bulk activities that completed since the request arrived take effect before it is answered.
	processActivities(st, ctx.now);
	const route = `${m} /${s.map((x, i) => (isParamPos(s, i) ? '*' : x)).join('/')}`;
	switch (route) {
		case 'GET /account/summary':
			return accountSummary(st);
		case 'GET /emails':
			return listCampaigns(ctx);
		case 'POST /emails':
			return createCampaign(ctx);
		case 'GET /emails/campaign_id_xrefs':
			return xrefs(ctx);
		case 'GET /emails/*':
			return json(200, campaignJson(st, getCampaign(st, s[1]), true));
		case 'PATCH /emails/*':
			return renameCampaign(ctx, s[1]);
		case 'DELETE /emails/*':
			return deleteCampaign(ctx, s[1]);
		case 'GET /emails/activities/*': {
			const inc = new Set(
				(ctx.query.include ?? '')
					.split(',')
					.map((x) => x.trim())
					.filter(Boolean),
			);
			return json(200, activityJson(getActivity(st, s[2]), inc));
		}
		case 'PUT /emails/activities/*':
			return putActivity(ctx, s[2]);
		case 'GET /emails/activities/*/schedules': {
			const a = getActivity(st, s[2]);
			return json(
				200,
				a.current_status === 'SCHEDULED' && a.scheduled_date ? [{ scheduled_date: a.scheduled_date }] : [],
			);
		}
		case 'POST /emails/activities/*/schedules':
			return schedule(ctx, s[2]);
		case 'DELETE /emails/activities/*/schedules':
			return unschedule(ctx, s[2]);
		case 'POST /emails/activities/*/tests':
			return testSend(ctx, s[2]);
		case 'GET /emails/activities/*/previews':
			return preview(ctx, s[2]);
		case 'GET /emails/activities/*/non_opener_resends':
			return listResends(ctx, s[2]);
		case 'POST /emails/activities/*/non_opener_resends':
			return postResend(ctx, s[2]);
		case 'DELETE /emails/activities/*/non_opener_resends/*':
			return deleteResend(ctx, s[2], s[4]);
		case 'GET /emails/activities/*/abtest':
			return getAbTest(ctx, s[2]);
		case 'POST /emails/activities/*/abtest':
			return postAbTest(ctx, s[2]);
		case 'DELETE /emails/activities/*/abtest':
			return deleteAbTest(ctx, s[2]);
		case 'GET /segments':
			return listSegments(ctx);
		case 'POST /segments':
			return postSegment(ctx);
		case 'GET /segments/*':
			return json(200, segmentDetail(getSegment(st, s[1], true)));
		case 'PUT /segments/*':
			return putSegment(ctx, s[1]);
		case 'DELETE /segments/*':
			return deleteSegment(ctx, s[1]);
		case 'PATCH /segments/*/name':
			return renameSegment(ctx, s[1]);
		case 'GET /contact_lists/list_id_xrefs':
			return listIdXrefs(ctx);
		case 'GET /contacts/contact_id_xrefs':
			return contactIdXrefs(ctx);
		case 'GET /emails/activities/*/send_history':
			return json(
				200,
				getActivity(st, s[2]).runs.map((r) => ({ ...r })),
			);
		case 'GET /contact_lists':
			return listLists(ctx);
		case 'POST /contact_lists':
			return createList(ctx);
		case 'GET /contact_lists/*':
			return json(200, listJson(st, getList(st, s[1]), ctx.query.include_membership_count !== undefined));
		case 'PUT /contact_lists/*':
			return putList(ctx, s[1]);
		case 'DELETE /contact_lists/*':
			return deleteList(ctx, s[1]);
		case 'GET /contacts':
			return listContacts(ctx);
		case 'GET /contacts/*':
			return json(200, contactJson(getContact(st, s[1]), new Set((ctx.query.include ?? '').split(','))));
		case 'DELETE /contacts/*':
			return deleteOneContact(ctx, s[1]);
		case 'GET /activities':
			return listActivities(ctx);
		case 'GET /activities/*':
			return getBulkActivity(ctx, s[1]);
		case 'POST /activities/contacts_json_import':
			return postJsonImport(ctx);
		case 'POST /activities/add_list_memberships':
			return postAddListMemberships(ctx);
		case 'POST /activities/remove_list_memberships':
			return postRemoveListMemberships(ctx);
		case 'POST /activities/contact_delete':
			return postContactDelete(ctx);
		case 'POST /activities/contacts_taggings_add':
			return postTaggings(ctx, 'contacts_taggings_add');
		case 'POST /activities/contacts_taggings_remove':
			return postTaggings(ctx, 'contacts_taggings_remove');
		case 'POST /activities/contact_exports':
			return postContactExport(ctx);
		case 'GET /contact_exports/*':
			return getExportFile(ctx, s[1]);
		case 'GET /contact_tags':
			return listTags(ctx);
		case 'POST /contact_tags':
			return postTag(ctx);
		case 'GET /contact_tags/*':
			return getTagJson(ctx, s[1]);
		case 'PUT /contact_tags/*':
			return putTag(ctx, s[1]);
		case 'DELETE /contact_tags/*':
			return deleteTag(ctx, s[1]);
		case 'GET /contact_custom_fields':
			return listCustomFields(ctx);
		case 'POST /contact_custom_fields':
			return postCustomField(ctx);
		case 'GET /contact_custom_fields/*':
			return getCustomFieldJson(ctx, s[1]);
		case 'PUT /contact_custom_fields/*':
			return putCustomField(ctx, s[1]);
		case 'DELETE /contact_custom_fields/*':
			return deleteCustomField(ctx, s[1]);
		case 'POST /contacts/sign_up_form':
			return signUpForm(ctx);
		case 'GET /reports/summary_reports/email_campaign_summaries':
			return campaignSummaries(ctx);
		case 'GET /reports/stats/email_campaigns/*':
			return campaignStats(ctx, s[3]);
		case 'GET /reports/stats/email_campaign_activities/*':
			return activityStats(ctx, s[3]);
		case 'GET /reports/email_reports/*/links':
			return json(200, {
				campaign_activity_id: s[2],
				link_click_counts: linkCounts(getActivity(st, s[2], true), ctx.query.no_clicks === 'true', ctx.now),
			});
	}
	if (m === 'GET' && s[0] === 'reports' && s[1] === 'email_reports' && s[3] === 'tracking' && s.length === 5)
		return tracking(ctx, s[2], s[4]);
	return fail(404, 'http.status.not_found', `No such resource: ${m} /v3/${s.join('/')}`);
}

/** `/activities/<name>` endpoints (any other second segment is an activity id). */
const BULK_ENDPOINTS = new Set([
	'contacts_json_import',
	'add_list_memberships',
	'remove_list_memberships',
	'contact_delete',
	'contacts_taggings_add',
	'contacts_taggings_remove',
	'contact_exports',
]);
/** Collections whose second path segment is always an id. */
const ID_COLLECTIONS = new Set(['contact_exports', 'contact_tags', 'contact_custom_fields', 'segments']);
/** `/contact_lists/<name>` and `/contacts/<name>` endpoints (any other second segment is an id). */
const NAMED_CONTACT_ENDPOINTS = new Set(['sign_up_form', 'list_id_xrefs', 'contact_id_xrefs']);

/** Which path segments are ids (for routing). */
function isParamPos(s: string[], i: number): boolean {
	if (s[0] === 'emails') {
		if (i === 1) return s[1] !== 'activities' && s[1] !== 'campaign_id_xrefs';
		return s[1] === 'activities' && (i === 2 || (i === 4 && s[3] === 'non_opener_resends'));
	}
	if (s[0] === 'contact_lists' || s[0] === 'contacts') return i === 1 && !NAMED_CONTACT_ENDPOINTS.has(s[1]);
	if (s[0] === 'activities') return i === 1 && !BULK_ENDPOINTS.has(s[1]);
	if (ID_COLLECTIONS.has(s[0])) return i === 1;
	if (s[0] === 'reports') return (s[1] === 'stats' && i === 3) || (s[1] === 'email_reports' && i === 2);
	return false;
}

/* ---------------------------------------------------------------- account */

function accountSummary(st: SandboxState): Reply {
	const a = st.account.info;
	const addr = (a.organization_addresses ?? [])[0] ?? {};
	return json(200, {
		contact_email: a.email,
		contact_phone: a.phone,
		country_code: a.country_code,
		encoded_account_id: 'a07e1sandbox0',
		first_name: a.first_name,
		last_name: a.last_name,
		organization_name: a.organization_name,
		organization_phone: a.phone,
		state_code: a.state_code,
		time_zone_id: a.time_zone,
		website: a.website,
		physical_address: {
			address_line1: addr.line1 ?? '123 Maple Street',
			city: addr.city ?? 'Anytown',
			state_code: addr.state_code ?? 'MA',
			postal_code: addr.postal_code ?? '11111',
			country_code: addr.country_code ?? 'US',
		},
		company_logo: { url: a.company_logo, external_url: a.company_logo, internal_id: '90' },
	});
}

/* ---------------------------------------------------------------- campaigns */

interface EmailsCursor {
	l: number;
	b?: number;
	a?: number;
	u: number;
	id: string;
}

function listCampaigns(ctx: Ctx): Reply {
	const q = ctx.query;
	let limit: number;
	let before: number | undefined;
	let after: number | undefined;
	let start = 0;
	const all = sortedCampaigns(ctx.state);
	if (q.cursor !== undefined) {
		const c = decodeCursor<EmailsCursor>(q.cursor);
		if (!c || typeof c.u !== 'number' || typeof c.id !== 'string')
			return fail(400, 'query.param.invalid', 'cursor: is not a valid paging cursor.');
		limit = q.limit !== undefined ? limitParam(q, 50, 500) : c.l;
		before = c.b;
		after = c.a;
		start = firstAfter(all, { u: c.u, id: c.id }, campaignKeyCmp);
	} else {
		limit = limitParam(q, 50, 500);
		before = q.before_date !== undefined ? parseIso(q.before_date) : undefined;
		after = q.after_date !== undefined ? parseIso(q.after_date) : undefined;
		if (q.before_date !== undefined && before === undefined)
			fail(400, 'query.param.invalid', 'before_date: must be an ISO-8601 date-time.');
		if (q.after_date !== undefined && after === undefined)
			fail(400, 'query.param.invalid', 'after_date: must be an ISO-8601 date-time.');
	}
	const page: V3Campaign[] = [];
	let more = false;
	for (let i = start; i < all.length; i++) {
		const c = all[i];
		if (before !== undefined && !(c.updatedMs < before)) continue;
		if (after !== undefined && !(c.updatedMs > after)) {
			// sorted newest first: nothing older can match
			break;
		}
		if (page.length === limit) {
			more = true;
			break;
		}
		page.push(c);
	}
	const body: Record<string, unknown> = { campaigns: page.map((c) => campaignJson(ctx.state, c, false)) };
	if (more) {
		const last = page[page.length - 1];
		const cur = encodeCursor({
			l: limit,
			b: before,
			a: after,
			u: last.updatedMs,
			id: last.campaign_id,
		} as EmailsCursor);
		body._links = { next: { href: `/v3/emails?cursor=${cur}&limit=${limit}` } };
	}
	return json(200, body);
}

function checkName(st: SandboxState, name: unknown, selfId?: string): string {
	if (typeof name !== 'string' || !name.trim()) return fail(400, 'json.field.required', 'name: is required.');
	if (name.length > 80) fail(400, 'json.max.length.violation', 'name: must be 80 characters or fewer.');
	const other = st.v3.names.get(name);
	if (other && other !== selfId)
		fail(
			409,
			'email.api.duplicate.name',
			`An email campaign named '${name}' already exists. Campaign names must be unique.`,
		);
	return name;
}

function createCampaign(ctx: Ctx): Reply {
	const st = ctx.state;
	const b = ctx.body ?? {};
	const name = checkName(st, b.name);
	const acts = Array.isArray(b.email_campaign_activities) ? b.email_campaign_activities : [];
	if (acts.length !== 1)
		fail(400, 'json.field.invalid', 'email_campaign_activities: exactly one email campaign activity is required.');
	const a = acts[0];
	if (a.format_type !== 5)
		fail(
			400,
			'json.field.invalid',
			'format_type: only format_type 5 (custom code) emails can be created through the API.',
		);
	verifiedFrom(st, a.from_email, 'from_email');
	verifiedFrom(st, a.reply_to_email, 'reply_to_email');
	if (!String(a.html_content).includes('[[trackingImage]]'))
		fail(400, 'json.field.invalid', 'html_content: custom code emails must contain the [[trackingImage]] tag.');
	const now = iso(ctx.now);
	const c = addV3Campaign(st, {
		name,
		created_at: now,
		updated_at: now,
		primary: {
			from_email: a.from_email,
			from_name: a.from_name,
			reply_to_email: a.reply_to_email,
			subject: a.subject,
			html_content: a.html_content,
			preheader: a.preheader,
			physical_address_in_footer: a.physical_address_in_footer,
		},
	});
	if (!a.physical_address_in_footer)
		st.v3.activities.get(c.activityIds[0].campaign_activity_id)!.physical_address_in_footer = undefined;
	return json(200, campaignJson(st, c, true));
}

function renameCampaign(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const c = getCampaign(st, id);
	if (c.current_status === 'Removed') return NF_EMAIL(`Email campaign ${id}`);
	const name = checkName(st, ctx.body?.name, id);
	st.v3.names.delete(c.name);
	c.name = name;
	st.v3.names.set(name, id);
	touchV3(st, c, ctx.now);
	return json(200, campaignJson(st, c, true));
}

function deleteCampaign(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const c = getCampaign(st, id);
	if (c.current_status === 'Removed') return NF_EMAIL(`Email campaign ${id}`);
	if (c.current_status === 'Scheduled' || c.current_status === 'Executing') {
		fail(
			409,
			'email.api.campaign.status.conflict',
			`The email campaign is ${c.current_status} and cannot be deleted. Unschedule it first.`,
		);
	}
	c.current_status = 'Removed';
	for (const r of c.activityIds) {
		const a = st.v3.activities.get(r.campaign_activity_id);
		if (a) {
			a.current_status = 'REMOVED';
			a.pending = undefined;
		}
	}
	st.v3.names.delete(c.name);
	touchV3(st, c, ctx.now);
	return { status: 204 };
}

function xrefs(ctx: Ctx): Reply {
	const ids = (ctx.query.v2_email_campaign_ids ?? '')
		.split(',')
		.map((x) => x.trim())
		.filter(Boolean);
	if (!ids.length) fail(400, 'query.param.invalid', 'v2_email_campaign_ids: is required.');
	if (ids.length > 50) fail(400, 'query.param.invalid', 'v2_email_campaign_ids: at most 50 ids.');
	const out = [];
	for (const id of ids) {
		const x = ctx.state.v3.xrefs.get(id);
		if (x)
			out.push({ v2_email_campaign_id: id, campaign_id: x.campaign_id, campaign_activity_id: x.campaign_activity_id });
	}
	return json(200, { xrefs: out });
}

/* ---------------------------------------------------------------- activities */

function putActivity(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const a = getActivity(st, id);
	const b = ctx.body ?? {};
	if (a.role !== 'primary_email')
		fail(
			400,
			'email.api.activity.role.invalid',
			`Only email campaign activities with the primary_email role can be updated; this one is ${a.role}.`,
		);
	if (a.current_status !== 'DRAFT' && a.current_status !== 'DONE') {
		fail(
			409,
			'email.api.activity.status.conflict',
			`The email campaign activity is ${a.current_status}; only DRAFT or DONE activities can be updated.`,
		);
	}
	verifiedFrom(st, b.from_email, 'from_email');
	verifiedFrom(st, b.reply_to_email, 'reply_to_email');
	const lists: string[] = Array.isArray(b.contact_list_ids) ? b.contact_list_ids : [];
	for (const l of lists) {
		const rec = st.v3.lists.get(l);
		if (!rec || rec.deleted_at)
			fail(400, 'email.api.contact_list.not_found', `contact_list_ids: contact list '${l}' does not exist.`);
	}
	if (b.html_content !== undefined && !String(b.html_content).includes('[[trackingImage]]')) {
		fail(400, 'json.field.invalid', 'html_content: custom code emails must contain the [[trackingImage]] tag.');
	}
	const segmentIds = checkActivitySegments(st, lists, b.segment_ids);
	a.from_email = b.from_email;
	a.from_name = b.from_name;
	a.reply_to_email = b.reply_to_email;
	a.subject = b.subject;
	a.preheader = b.preheader;
	a.contact_list_ids = [...new Set(lists)];
	a.segment_ids = segmentIds;
	// Subresources the caller omits are kept.
	if (b.html_content !== undefined) a.html_content = b.html_content;
	if (b.physical_address_in_footer !== undefined) a.physical_address_in_footer = b.physical_address_in_footer;
	if (b.document_properties !== undefined)
		a.document_properties = { ...(a.document_properties ?? {}), ...b.document_properties };
	touchV3(st, st.v3.campaigns.get(a.campaign_id)!, ctx.now);
	return json(200, activityJson(a, ALL_INCLUDES));
}

function schedule(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const a = getActivity(st, id);
	if (a.role !== 'primary_email')
		fail(
			400,
			'email.api.activity.role.invalid',
			`Only email campaign activities with the primary_email role can be scheduled; this one is ${a.role}.`,
		);
	if (a.current_status !== 'DRAFT' && a.current_status !== 'DONE' && a.current_status !== 'ERROR') {
		fail(
			400,
			'email.api.activity.status.invalid',
			`The email campaign activity is ${a.current_status}; only DRAFT, DONE or ERROR activities can be scheduled.`,
		);
	}
	checkScheduledSegments(st, a);
	if (!a.contact_list_ids.length && !a.segment_ids.length) {
		fail(
			400,
			'email.api.activity.no.recipients',
			'The email campaign activity has no recipients: set contact_list_ids or segment_ids (PUT /emails/activities/{campaign_activity_id}) before scheduling it.',
		);
	}
	const raw = ctx.body?.scheduled_date;
	const sendNow = raw === '0';
	let when: number;
	if (sendNow) when = ctx.now;
	else {
		const t = parseIso(raw);
		if (t === undefined)
			return fail(400, 'json.field.invalid', 'scheduled_date: must be an ISO-8601 date-time or "0".');
		if (t <= ctx.now)
			fail(
				400,
				'email.api.schedule.date.past',
				`scheduled_date: ${raw} is in the past; choose a future date or "0" to send now.`,
			);
		when = t;
	}
	a.statusBeforeSchedule = a.current_status as 'DRAFT' | 'DONE' | 'ERROR';
	a.current_status = 'SCHEDULED';
	a.scheduled_date = truncSeconds(when);
	a.pending = { scheduledAt: when, sendNow };
	const c = st.v3.campaigns.get(a.campaign_id)!;
	c.current_status = 'Scheduled';
	touchV3(st, c, ctx.now);
	// Send now: the date it was sent (as in seed 002's "send now" example), not the contract's [].
	return json(201, [{ scheduled_date: a.scheduled_date }]);
}

function unschedule(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const a = getActivity(st, id);
	if (a.current_status !== 'SCHEDULED') {
		fail(
			400,
			'email.api.activity.status.invalid',
			`The email campaign activity is ${a.current_status}; only SCHEDULED activities can be unscheduled.`,
		);
	}
	a.current_status = a.statusBeforeSchedule ?? 'DRAFT';
	a.statusBeforeSchedule = undefined;
	a.pending = undefined;
	a.scheduled_date = undefined;
	const c = st.v3.campaigns.get(a.campaign_id)!;
	c.current_status = activityToCampaignStatus(a.current_status);
	touchV3(st, c, ctx.now);
	return { status: 204 };
}

function testSend(ctx: Ctx, id: string): Reply {
	const a = getActivity(ctx.state, id);
	const addrs: unknown[] = ctx.body?.email_addresses ?? [];
	if (!addrs.length) fail(400, 'json.field.required', 'email_addresses: at least one address is required.');
	if (addrs.length > 5)
		fail(400, 'json.max.length.violation', 'email_addresses: at most 5 email addresses are allowed.');
	for (const e of addrs)
		if (typeof e !== 'string' || !EMAIL_RE.test(e))
			fail(400, 'email.api.invalid.email', `email_addresses: '${String(e)}' is not a valid email address.`);
	a.testSends.push({ at: ctx.now, body: ctx.body });
	return { status: 204 };
}

function preview(ctx: Ctx, id: string): Reply {
	const a = getActivity(ctx.state, id);
	const html = a.html_content.replace('[[trackingImage]]', '<img src="https://r20.rs6.net/on.jsp?t=sandbox" alt="" />');
	return json(200, {
		campaign_activity_id: a.campaign_activity_id,
		from_email: a.from_email,
		from_name: a.from_name,
		preheader: a.preheader ?? '',
		preview_html_content: html,
		preview_text_content: html
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim(),
		reply_to_email: a.reply_to_email,
		subject: a.subject,
	});
}

/* ---------------------------------------------------------------- lists & contacts */

const membership = (st: SandboxState, listId: string): number => {
	let n = 0;
	for (const c of st.contacts.values()) if (c.listIds.has(listId)) n++;
	return n;
};
function listJson(st: SandboxState, l: ContactList, withCount: boolean): Record<string, unknown> {
	const o: Record<string, unknown> = {
		list_id: l.list_id,
		name: l.name,
		description: l.description,
		favorite: l.favorite,
		created_at: l.created_at,
		updated_at: l.updated_at,
	};
	if (withCount) o.membership_count = membership(st, l.list_id);
	return o;
}

function listLists(ctx: Ctx): Reply {
	const st = ctx.state;
	const q = ctx.query;
	let limit = limitParam(q, 50, 1000);
	let after = '';
	if (q.cursor !== undefined) {
		const c = decodeCursor<{ l: number; k: string }>(q.cursor);
		if (!c || typeof c.k !== 'string') return fail(400, 'query.param.invalid', 'cursor: is not a valid paging cursor.');
		after = c.k;
		if (q.limit === undefined) limit = c.l;
	}
	const all = [...st.v3.lists.values()]
		.filter((l) => !l.deleted_at && (q.name === undefined || l.name === q.name))
		.sort((a, b) => (a.created_at + a.list_id < b.created_at + b.list_id ? -1 : 1));
	const startIdx = after ? all.findIndex((l) => l.created_at + l.list_id > after) : 0;
	const rest = startIdx < 0 ? [] : all.slice(startIdx);
	const page = rest.slice(0, limit);
	const body: Record<string, unknown> = {
		lists: page.map((l) => listJson(st, l, q.include_membership_count !== undefined)),
	};
	if (q.include_count === 'true') body.lists_count = all.length;
	if (rest.length > limit) {
		const last = page[page.length - 1];
		body._links = {
			next: {
				href: `/v3/contact_lists?cursor=${encodeCursor({ l: limit, k: last.created_at + last.list_id })}&limit=${limit}`,
			},
		};
	}
	return json(200, body);
}

function uniqueListName(st: SandboxState, name: string, selfId?: string): void {
	for (const l of st.v3.lists.values()) {
		if (!l.deleted_at && l.list_id !== selfId && l.name.toLowerCase() === name.toLowerCase()) {
			fail(409, 'contacts.api.conflict', `A contact list named '${name}' already exists.`);
		}
	}
}

function createList(ctx: Ctx): Reply {
	const st = ctx.state;
	const b = ctx.body ?? {};
	uniqueListName(st, b.name);
	const now = iso(ctx.now);
	const l = addContactList(st, { name: b.name, description: b.description, favorite: !!b.favorite, at: now });
	return json(201, listJson(st, l, false));
}

function putList(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const l = getList(st, id);
	const b = ctx.body ?? {};
	uniqueListName(st, b.name, id);
	l.name = b.name;
	l.description = b.description ?? '';
	l.favorite = !!b.favorite;
	l.updated_at = iso(ctx.now);
	return json(200, listJson(st, l, false));
}

function deleteList(ctx: Ctx, id: string): Reply {
	const st = ctx.state;
	const l = getList(st, id);
	const members = membership(st, id);
	l.deleted_at = iso(ctx.now);
	for (const c of st.contacts.values()) c.listIds.delete(id);
	const { status, ...activity } = bulkActivityJson(queueActivity(st, ctx.now, 'list_delete', { items: members }));
	void status; // ActivityDeleteListResponse has no counts
	return json(202, activity);
}

/** DELETE /contacts/{contact_id}: 204; the contact stays, deleted (GET shows `deleted_at`). */
function deleteOneContact(ctx: Ctx, id: string): Reply {
	const c = getContact(ctx.state, id);
	if (c.status !== 'deleted') deleteContact(c, ctx.now);
	return { status: 204 };
}

function contactJson(c: Contact, include: Set<string>): Record<string, unknown> {
	const o: Record<string, unknown> = {
		contact_id: c.contact_id,
		first_name: c.first_name,
		last_name: c.last_name,
		create_source: 'Account',
		update_source: 'Account',
		created_at: c.created_at,
		updated_at: c.updated_at,
	};
	if (c.email) o.email_address = emailAddressJson(c);
	if (c.sms_number) o.sms_channel = { sms_address: c.sms_number, dial_code: '1', country_code: 'US' };
	if (c.deleted_at) o.deleted_at = c.deleted_at;
	if (c.job_title) o.job_title = c.job_title;
	if (c.company_name) o.company_name = c.company_name;
	if (include.has('list_memberships')) o.list_memberships = [...c.listIds];
	if (include.has('taggings')) o.taggings = [...c.tagIds];
	if (include.has('phone_numbers'))
		o.phone_numbers = c.phone_number ? [{ phone_number: c.phone_number, kind: 'other' }] : [];
	if (include.has('custom_fields')) {
		o.custom_fields = Object.entries(c.custom_fields ?? {}).map(([custom_field_id, value]) => ({
			custom_field_id,
			value,
		}));
	}
	return o;
}
const emailAddressJson = (c: Contact): Record<string, unknown> => ({
	address: c.email,
	permission_to_send: PERMISSION[c.status ?? 'active'],
	created_at: c.created_at,
	updated_at: c.updated_at,
	opt_in_source: 'Account',
	confirm_status: 'off',
});
const PERMISSION: Record<NonNullable<Contact['status']>, string> = {
	active: 'implicit',
	deleted: 'unsubscribed',
	not_set: 'not_set',
	pending_confirmation: 'pending_confirmation',
	temp_hold: 'temp_hold',
	unsubscribed: 'unsubscribed',
};
function listContacts(ctx: Ctx): Reply {
	const st = ctx.state;
	const q = ctx.query;
	let limit = limitParam(q, 50, 500);
	let after = '';
	let email: string | undefined = q.email;
	let lists: string | undefined = q.lists;
	let status: string | undefined = q.status;
	let updatedAfter: string | undefined = q.updated_after;
	let include: string | undefined = q.include;
	let tags: string | undefined = q.tags;
	let segment: string | undefined = q.segment_id;
	if (q.cursor !== undefined) {
		const c = decodeCursor<{
			l: number;
			k: string;
			e?: string;
			li?: string;
			s?: string;
			ua?: string;
			i?: string;
			tg?: string;
			sg?: string;
		}>(q.cursor);
		if (!c || typeof c.k !== 'string') return fail(400, 'query.param.invalid', 'cursor: is not a valid paging cursor.');
		after = c.k;
		email = c.e;
		lists = c.li;
		status = c.s;
		updatedAfter = c.ua;
		include = c.i;
		tags = c.tg;
		segment = c.sg;
		if (q.limit === undefined) limit = c.l;
	}
	const since = updatedAfter !== undefined ? parseIso(updatedAfter) : undefined;
	if (updatedAfter !== undefined && since === undefined)
		fail(400, 'query.param.invalid', 'updated_after: must be an ISO-8601 date-time.');
	const listSet = lists ? lists.split(',') : undefined;
	const tagSet = tags ? tags.split(',') : undefined;
	const segmentSet = segment !== undefined ? contactsOfSegment(ctx, segment) : undefined;
	const all = [...st.contacts.values()]
		.filter(
			(c) =>
				(email === undefined || c.email.toLowerCase() === email.toLowerCase()) &&
				(!listSet || listSet.some((l) => c.listIds.has(l))) &&
				(!tagSet || tagSet.some((t) => c.tagIds.has(t))) &&
				(!segmentSet || segmentSet.has(c.contact_id)),
		)
		.filter((c) => statusMatches(c, status) && (since === undefined || Date.parse(c.updated_at) > since))
		.sort((a, b) => (a.contact_id < b.contact_id ? -1 : 1));
	const rest = after ? all.filter((c) => c.contact_id > after) : all;
	const page = rest.slice(0, limit);
	const inc = new Set((include ?? '').split(','));
	const body: Record<string, unknown> = { contacts: page.map((c) => contactJson(c, inc)) };
	if (q.include_count === 'true') body.contacts_count = all.length;
	if (rest.length > limit) {
		body._links = {
			next: {
				href: `/v3/contacts?cursor=${encodeCursor({ l: limit, k: page[page.length - 1].contact_id, e: email, li: lists, s: status, ua: updatedAfter, i: include, tg: tags, sg: segment })}&limit=${limit}`,
			},
		};
	}
	return json(200, body);
}

function signUpForm(ctx: Ctx): Reply {
	const st = ctx.state;
	const b = ctx.body ?? {};
	if (typeof b.email_address !== 'string' || !EMAIL_RE.test(b.email_address))
		fail(400, 'contacts.api.validation.error', 'email_address: a valid email address is required.');
	for (const l of b.list_memberships as string[]) {
		const rec = st.v3.lists.get(l);
		if (!rec || rec.deleted_at)
			fail(400, 'contacts.api.validation.error', `list_memberships: contact list '${l}' does not exist.`);
	}
	const now = iso(ctx.now);
	let c = [...st.contacts.values()].find((x) => x.email.toLowerCase() === b.email_address.toLowerCase());
	let action = 'updated';
	if (!c) {
		action = 'created';
		c = addContact(st, { email: b.email_address, at: now });
	}
	reviveContact(c);
	if (b.first_name !== undefined) c.first_name = b.first_name;
	if (b.last_name !== undefined) c.last_name = b.last_name;
	if (b.job_title !== undefined) c.job_title = b.job_title;
	if (b.company_name !== undefined) c.company_name = b.company_name;
	if (b.phone_number !== undefined) c.phone_number = b.phone_number;
	for (const f of (b.custom_fields ?? []) as { custom_field_id: string; value?: string }[]) {
		c.custom_fields = { ...c.custom_fields, [f.custom_field_id]: f.value ?? '' };
	}
	for (const l of b.list_memberships as string[]) c.listIds.add(l);
	c.updated_at = now;
	return json(action === 'created' ? 201 : 200, { contact_id: c.contact_id, action });
}

/* ---------------------------------------------------------------- reports */

function countsOfCampaign(st: SandboxState, campaignId: string, now: number): Counts {
	const c = st.v3.campaigns.get(campaignId);
	const list = (c?.activityIds ?? []).flatMap((r) => {
		const a = st.v3.activities.get(r.campaign_activity_id);
		return a ? engagementsOf(a) : [];
	});
	return countsOf(list, now);
}
const statsJson = (n: Counts): Record<string, number> => ({
	em_bounces: n.bounces,
	em_clicks: n.clicks,
	em_clicks_all: n.clicks,
	em_forwards: n.forwards,
	em_not_opened: n.notOpened,
	em_opens: n.opens,
	em_opens_all: n.opensAll,
	em_optouts: n.optouts,
	em_sends: n.sends,
});

/** Sent campaigns, most recently sent first, `limit` (1..500, default 50) a page, next via `_links`. */
function campaignSummaries(ctx: Ctx): Reply {
	const st = ctx.state;
	let limit = limitParam(ctx.query, 50, 500);
	let offset = 0;
	if (ctx.query.cursor !== undefined) {
		const c = decodeCursor<{ o: number; l: number }>(ctx.query.cursor);
		if (!c || typeof c.o !== 'number') return fail(400, 'query.param.invalid', 'cursor: is not a valid paging cursor.');
		offset = c.o;
		if (ctx.query.limit === undefined) limit = c.l;
	}
	const lastSent = (c: V3Campaign): number =>
		Math.max(
			0,
			...c.activityIds.flatMap((r) =>
				(st.v3.activities.get(r.campaign_activity_id)?.sendLog ?? []).map((x) => x.sentAt),
			),
		);
	const sent = [...st.v3.campaigns.values()]
		.filter((c) => c.current_status !== 'Removed' && lastSent(c) > 0)
		.sort((a, b) => lastSent(b) - lastSent(a) || (a.campaign_id < b.campaign_id ? -1 : 1));
	const all = countsOf(
		sent.flatMap((c) => c.activityIds.flatMap((r) => engagementsOf(st.v3.activities.get(r.campaign_activity_id)!))),
		ctx.now,
	);
	const body: Record<string, unknown> = {
		bulk_email_campaign_summaries: sent.slice(offset, offset + limit).map((c) => {
			const n = countsOfCampaign(st, c.campaign_id, ctx.now);
			return {
				campaign_id: c.campaign_id,
				campaign_type: c.type,
				last_sent_date: iso(lastSent(c)),
				unique_counts: {
					sends: n.sends,
					opens: n.opens,
					clicks: n.clicks,
					forwards: n.forwards,
					optouts: n.optouts,
					abuse: 0,
					bounces: n.bounces,
					not_opened: n.notOpened,
				},
			};
		}),
		aggregate_percents: (({ click, open, did_not_open, bounce, unsubscribe }) => ({
			click,
			open,
			did_not_open,
			bounce,
			unsubscribe,
		}))(percentsOf(all)),
	};
	if (sent.length > offset + limit) {
		body._links = {
			next: {
				href: `/v3/reports/summary_reports/email_campaign_summaries?cursor=${encodeCursor({ o: offset + limit, l: limit })}&limit=${limit}`,
			},
		};
	}
	return json(200, body);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Comma-separated ids of a stats path: 1..max; a malformed one fails the whole request (404). */
function idList(raw: string, max: number, what: string): string[] {
	const ids = raw
		.split(',')
		.map((x) => x.trim())
		.filter(Boolean);
	if (!ids.length || ids.length > max)
		fail(400, 'reporting.api.invalid.ids', `Specify from 1 to ${max} comma-separated ${what} ids.`);
	for (const id of ids) if (!UUID_RE.test(id)) fail(404, 'reporting.api.not_found', `${what} ${id} not found.`);
	return ids;
}

function campaignStats(ctx: Ctx, raw: string): Reply {
	const st = ctx.state;
	const results = [];
	const errors = [];
	for (const id of idList(raw, 150, 'Campaign')) {
		if (!st.v3.campaigns.has(id)) {
			errors.push({ error_key: 'reporting.campaign.not_found', error_message: `Campaign ${id} not found.` });
			continue;
		}
		const n = countsOfCampaign(st, id, ctx.now);
		results.push({ campaign_id: id, stats: statsJson(n), percents: percentsOf(n), last_refresh_time: iso(ctx.now) });
	}
	return json(200, { results, errors });
}

function activityStats(ctx: Ctx, raw: string): Reply {
	const st = ctx.state;
	const results = [];
	const errors = [];
	for (const id of idList(raw, 10, 'Campaign activity')) {
		const a = st.v3.activities.get(id);
		if (!a || a.current_status === 'REMOVED') {
			errors.push({
				error_key: 'reporting.campaign_activity.not_found',
				error_message: `Campaign activity ${id} not found.`,
			});
			continue;
		}
		const n = countsOf(engagementsOf(a), ctx.now);
		results.push({
			campaign_id: a.campaign_id,
			campaign_activity_id: id,
			stats: { ...statsJson(n), em_abuse: 0 },
			last_refresh_time: iso(ctx.now),
		});
	}
	return json(200, { results, errors });
}

function tracking(ctx: Ctx, activityId: string, kind: string): Reply {
	const st = ctx.state;
	const a = getActivity(st, activityId, true);
	const known = ['sends', 'opens', 'unique_opens', 'didnotopens', 'clicks', 'forwards', 'optouts', 'bounces'];
	if (!known.includes(kind)) return fail(404, 'http.status.not_found', `No such report: ${kind}`);
	let limit = limitParam(ctx.query, 500, 500);
	let offset = 0;
	if (ctx.query.cursor !== undefined) {
		const c = decodeCursor<{ o: number; l: number }>(ctx.query.cursor);
		if (!c || typeof c.o !== 'number') return fail(400, 'query.param.invalid', 'cursor: is not a valid paging cursor.');
		offset = c.o;
		if (ctx.query.limit === undefined) limit = c.l;
	}
	const rows = trackingRows(a, kind, ctx.now, (id) => st.contacts.get(id));
	const page = rows.slice(offset, offset + limit);
	// Bounces and opt-outs pages must carry `_links` (the contract requires it): always sent.
	const body: Record<string, unknown> = { tracking_activities: page, _links: {} };
	if (rows.length > offset + limit) {
		body._links = {
			next: {
				href: `/v3/reports/email_reports/${activityId}/tracking/${kind}?cursor=${encodeCursor({ o: offset + limit, l: limit })}&limit=${limit}`,
			},
		};
	}
	return json(200, body);
}
