/**
 * In-memory state of the Constant Contact sandbox, its seed (built from the real v2 fixtures
 * in ./data/v2-fixtures) and the scheduler that moves campaigns through their statuses on the
 * sandbox clock.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const DATA_DIR = path.join(__dirname, 'data');

export function fixture<T = any>(rel: string): T {
	return JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'v2-fixtures', rel), 'utf8')) as T;
}

/** Deterministic UUID (v4 layout) from a seed string, so seeded ids survive reset(). */
export function seededUuid(seed: string): string {
	const h = crypto.createHash('sha256').update(seed).digest();
	h[6] = (h[6] & 0x0f) | 0x40;
	h[8] = (h[8] & 0x3f) | 0x80;
	const x = h.subarray(0, 16).toString('hex');
	return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
/** `iso` to the whole second (the API's dates of a schedule or a resend carry no milliseconds). */
export const truncSeconds = (ms: number): string => iso(Math.floor(ms / 1000) * 1000);

export interface Contact {
	contact_id: string; // v3 uuid
	v2Id: string;
	email: string;
	first_name: string;
	last_name: string;
	listIds: Set<string>; // v3 list ids
	/** v3 tag ids (the contact's `taggings`) */
	tagIds: Set<string>;
	created_at: string;
	updated_at: string;
	job_title?: string;
	company_name?: string;
	phone_number?: string;
	/** US SMS number (JSON import `sms_number`); a contact has an email, an SMS number or both. */
	sms_number?: string;
	/** custom_field_id -> value */
	custom_fields?: Record<string, string>;
	/** Email permission status (the `status` filter of GET /contacts); undefined = active. */
	status?: 'active' | 'deleted' | 'not_set' | 'pending_confirmation' | 'temp_hold' | 'unsubscribed';
	/** Date (YYYY-MM-DD) the contact was deleted, while `status` is 'deleted'. */
	deleted_at?: string;
}

/** A contact tag (`/contact_tags`). */
export interface Tag {
	tag_id: string;
	name: string;
	tag_source?: string;
	created_at: string;
	updated_at: string;
}

/** A contact custom field (`/contact_custom_fields`). */
export interface CustomField {
	custom_field_id: string;
	label: string;
	/** Unique; the label with blanks replaced by underscores, set at creation. */
	name: string;
	type: string;
	choices?: Record<string, unknown>[];
	metadata?: Record<string, unknown>;
	created_at: string;
	updated_at: string;
}

/** What a bulk activity does (its endpoint, or the delete that made it). */
export type BulkKind =
	| 'contacts_json_import'
	| 'add_list_memberships'
	| 'remove_list_memberships'
	| 'contact_delete'
	| 'contacts_taggings_add'
	| 'contacts_taggings_remove'
	| 'contact_exports'
	| 'list_delete'
	| 'tag_delete';

/** A bulk activity (`/activities`): initialized -> processing -> completed / failed on the sandbox clock. */
export interface BulkActivity {
	activity_id: string;
	kind: BulkKind;
	state: 'initialized' | 'processing' | 'completed' | 'failed';
	percent_done: number;
	created_at: string;
	updated_at: string;
	started_at?: string;
	completed_at?: string;
	createdMs: number;
	startsMs: number;
	completesMs: number;
	/** items_total_count */
	items: number;
	/** The contract's `status` counts for this kind of activity. */
	status: Record<string, number>;
	activity_errors: string[];
	/** The checked request, carried out when the activity completes. */
	request: unknown;
	/** contact_exports: the CSV file, once completed. */
	csv?: string;
}

export interface BulkTiming {
	itemsPerSecond: number;
	startLatencyMs: number;
	maxQueued: number;
}

export interface ContactList {
	list_id: string; // v3 uuid
	v2Id: string; // v2 numeric id (string)
	name: string;
	description: string;
	favorite: boolean;
	status: 'ACTIVE' | 'HIDDEN';
	opt_in_default: boolean;
	created_at: string;
	updated_at: string;
	deleted_at?: string;
}

export interface SendRecord {
	api: 'v2' | 'v3';
	campaignId: string; // v2 campaign id or v3 campaign id
	activityId?: string; // v3 only
	contactId: string; // v3 contact uuid
	email: string;
	listIds: string[]; // v3 list ids the activity/campaign targeted
	sendId: number; // run number (1-based)
	sentAt: number; // sandbox ms
	/** v3 follow-up sends only (follow-ups.ts): an A/B test half or its winner, or a resend to non-openers. */
	followUp?: 'ab_test_a' | 'ab_test_b' | 'ab_test_winner' | 'resend';
	/** The subject it went out with (follow-up sends only). */
	subject?: string;
}

export interface SendRun {
	send_id: number;
	contact_list_ids: string[];
	segment_ids: number[];
	count: number;
	run_date: string;
	send_status: 'COMPLETED';
	reason_code: number;
}

/** Scheduling phase shared by v2 campaigns and v3 activities. */
export interface PendingSend {
	scheduledAt: number; // sandbox ms when sending starts
	sendNow: boolean;
	startedAt?: number; // set when EXECUTING/RUNNING began
}

export interface V2Campaign {
	/** The campaign as the API shows it (without tracking/schedule internals). */
	data: Record<string, any>;
	id: string;
	status: 'DRAFT' | 'SCHEDULED' | 'RUNNING' | 'SENT' | 'DELETED';
	statusBeforeSchedule?: 'DRAFT' | 'SENT';
	modifiedMs: number;
	schedule?: { id: string; scheduled_date: string };
	pending?: PendingSend;
	sendLog: SendRecord[];
	runs: SendRun[];
	testSends: { at: number; body: any }[];
}

export interface V3Activity {
	campaign_activity_id: string;
	campaign_id: string;
	role: 'primary_email' | 'permalink' | 'resend';
	current_status: 'DRAFT' | 'SCHEDULED' | 'EXECUTING' | 'DONE' | 'ERROR' | 'REMOVED';
	statusBeforeSchedule?: 'DRAFT' | 'DONE' | 'ERROR';
	format_type: number;
	from_email: string;
	from_name: string;
	reply_to_email: string;
	subject: string;
	preheader?: string;
	html_content: string;
	permalink_url: string;
	physical_address_in_footer?: Record<string, any>;
	document_properties?: Record<string, any>;
	contact_list_ids: string[];
	segment_ids: number[];
	scheduled_date?: string;
	pending?: PendingSend;
	sendLog: SendRecord[];
	runs: SendRun[];
	testSends: { at: number; body: any }[];
}

export interface V3Campaign {
	campaign_id: string;
	name: string;
	current_status: 'Draft' | 'Scheduled' | 'Executing' | 'Done' | 'Error' | 'Removed';
	type: string;
	type_code: number;
	created_at: string;
	updated_at: string;
	updatedMs: number;
	activityIds: { campaign_activity_id: string; role: string }[];
	v2Id?: string;
}

export interface SandboxState {
	/** Bumped on every change of a campaign collection (list caches key on it). */
	version: number;
	account: { info: Record<string, any>; verifiedEmails: { email_address: string; status: string }[] };
	contacts: Map<string, Contact>;
	v2: {
		campaigns: Map<string, V2Campaign>;
		/** v2 schedules by campaign id (only SCHEDULED campaigns have one). */
		schedules: Map<string, { id: string; scheduled_date: string }>;
		lists: Map<string, ContactList>; // by v2 id
		nextCampaignId: number;
		nextScheduleId: number;
		nextListId: number;
		nextContactId: number;
		/** name -> id, for non-deleted campaigns */
		names: Map<string, string>;
		/** tracking rows copied from the fixtures, by v2 campaign id */
		tracking: Map<string, Record<string, any[]>>;
	};
	v3: {
		campaigns: Map<string, V3Campaign>;
		activities: Map<string, V3Activity>;
		lists: Map<string, ContactList>; // by v3 uuid (same objects as v2.lists)
		/** v2 campaign id -> v3 ids */
		xrefs: Map<string, { campaign_id: string; campaign_activity_id: string }>;
		/** name -> id, for non-removed campaigns */
		names: Map<string, string>;
	};
	/** Every simulated delivery, both APIs, in order. */
	sendLog: SendRecord[];
	tags: Map<string, Tag>;
	customFields: Map<string, CustomField>;
	bulk: {
		activities: Map<string, BulkActivity>;
		/** Ids of the activities not completed (or failed) yet. */
		pending: Set<string>;
		timing: BulkTiming;
	};
}

export const DEFAULT_BULK_TIMING: BulkTiming = { itemsPerSecond: 2000, startLatencyMs: 300, maxQueued: 1000 };

const V2_TO_V3_STATUS: Record<string, V3Campaign['current_status']> = {
	DRAFT: 'Draft',
	SCHEDULED: 'Scheduled',
	RUNNING: 'Executing',
	SENT: 'Done',
	DELETED: 'Removed',
};
const V3_CAMPAIGN_TO_ACTIVITY: Record<string, V3Activity['current_status']> = {
	Draft: 'DRAFT',
	Scheduled: 'SCHEDULED',
	Executing: 'EXECUTING',
	Done: 'DONE',
	Error: 'ERROR',
	Removed: 'REMOVED',
};
export const activityToCampaignStatus = (s: V3Activity['current_status']): V3Campaign['current_status'] =>
	Object.entries(V3_CAMPAIGN_TO_ACTIVITY).find(([, v]) => v === s)![0] as V3Campaign['current_status'];

export const DEFAULT_FOOTER = {
	organization_name: 'My Company',
	address_line1: '123 Maple Street',
	city: 'Anytown',
	state_code: 'MA',
	postal_code: '11111',
	country_code: 'US',
};

/** Build the seeded state. `now` is the sandbox clock at seeding time. */
export function buildState(now: number, seed: boolean): SandboxState {
	const accountInfo = fixture('Account/get_account_info.json');
	const verified = fixture<{ email_address: string; status: string }[]>('Account/get_verified_email_addresses.json');
	const state: SandboxState = {
		version: 0,
		account: { info: accountInfo, verifiedEmails: [...verified] },
		contacts: new Map(),
		v2: {
			campaigns: new Map(),
			schedules: new Map(),
			lists: new Map(),
			nextCampaignId: 1100400000000,
			nextScheduleId: 1,
			nextListId: 1000,
			nextContactId: 1000,
			names: new Map(),
			tracking: new Map(),
		},
		v3: { campaigns: new Map(), activities: new Map(), lists: new Map(), xrefs: new Map(), names: new Map() },
		sendLog: [],
		tags: new Map(),
		customFields: new Map(),
		bulk: { activities: new Map(), pending: new Set(), timing: { ...DEFAULT_BULK_TIMING } },
	};
	// The account's own address is always verified in Constant Contact.
	if (!state.account.verifiedEmails.some((v) => v.email_address === accountInfo.email)) {
		state.account.verifiedEmails.push({ email_address: accountInfo.email, status: 'CONFIRMED' });
	}
	if (!seed) return state;

	// Lists: get_lists.json + get_list.json
	const lists = [...fixture<any[]>('Lists/get_lists.json'), fixture('Lists/get_list.json')];
	const seededCounts: number[] = [];
	lists.forEach((l, i) => {
		const rec: ContactList = {
			list_id: seededUuid(`list:${l.id}`),
			v2Id: String(l.id),
			name: l.name,
			description: '',
			favorite: false,
			status: l.status,
			opt_in_default: !!l.opt_in_default,
			created_at: iso(now - (90 - i) * 86400000),
			updated_at: iso(now - (30 - i) * 86400000),
		};
		state.v2.lists.set(rec.v2Id, rec);
		state.v3.lists.set(rec.list_id, rec);
		seededCounts.push(l.contact_count);
	});
	// Contacts: enough overlapping memberships to reproduce each fixture contact_count.
	const listRecs = [...state.v2.lists.values()];
	const total = Math.max(...seededCounts) + 11;
	state.v2.nextContactId = 1;
	for (let i = 0; i < total; i++) {
		addContact(state, {
			contact_id: seededUuid(`contact:${i}`),
			email: `contact${String(i + 1).padStart(2, '0')}@example.com`,
			first_name: `First${i + 1}`,
			last_name: `Last${i + 1}`,
			at: iso(now - 60 * 86400000),
		});
	}
	const contacts = [...state.contacts.values()];
	listRecs.forEach((l, li) => {
		const start = li * 6; // list 0: 0..16, list 1: 6..23, list 2: 12..30
		for (let k = 0; k < seededCounts[li]; k++) contacts[(start + k) % contacts.length].listIds.add(l.list_id);
	});

	// Campaigns: get_campaign.json (full) + summaries of get_campaigns.json
	const full = fixture('Campaigns/get_campaign.json');
	const summaries = fixture<{ results: any[] }>('Campaigns/get_campaigns.json').results;
	const tracking: Record<string, any[]> = {};
	for (const [key, file] of [
		['sends', 'get_sends'],
		['opens', 'get_opens'],
		['clicks', 'get_clicks'],
		['bounces', 'get_bounces'],
		['forwards', 'get_forwards'],
		['unsubscribes', 'get_opt_outs'],
	]) {
		tracking[key] = fixture<{ results: any[] }>(`Tracking/${file}.json`).results;
	}
	state.v2.tracking.set(String(full.id), tracking);
	const firstListId = listRecs[0]?.v2Id ?? '1';
	const mk = (summary: any, base: Record<string, any>): void => {
		const data: Record<string, any> = {
			...JSON.parse(JSON.stringify(base)),
			id: String(summary.id),
			name: summary.name,
			status: summary.status,
		};
		const modified = summary.modified_date ?? base.last_edit_date;
		data.modified_date = modified;
		delete data.last_edit_date;
		if (summary.status !== 'SENT') {
			delete data.last_run_date;
			data.tracking_summary = emptyTrackingSummary();
			delete data.click_through_details;
		}
		data.sent_to_contact_lists = (data.sent_to_contact_lists ?? []).map((l: any) =>
			state.v2.lists.has(String(l.id)) ? { id: String(l.id) } : { id: firstListId },
		);
		addV2Campaign(state, data, Date.parse(modified));
	};
	mk({ id: full.id, name: full.name, status: full.status, modified_date: full.last_edit_date }, full);
	const draftBase = { ...full, status: 'DRAFT' };
	for (const s of summaries) mk(s, { ...draftBase, created_date: s.modified_date });
	// One campaign that is scheduled a week ahead (schedule fixture shape: {id, scheduled_date}).
	const schedSummary = {
		id: '1100394165301',
		name: 'Weekly specials (scheduled)',
		status: 'DRAFT',
		modified_date: iso(now - 3600000),
	};
	mk(schedSummary, { ...draftBase, created_date: iso(now - 7200000) });
	const sc = state.v2.campaigns.get(schedSummary.id)!;
	const when = now + 7 * 86400000;
	sc.status = 'SCHEDULED';
	sc.data.status = 'SCHEDULED';
	sc.statusBeforeSchedule = 'DRAFT';
	sc.data.next_run_date = iso(when);
	sc.schedule = { id: String(state.v2.nextScheduleId++), scheduled_date: iso(when) };
	sc.pending = { scheduledAt: when, sendNow: false };
	state.v2.schedules.set(sc.id, sc.schedule);

	// v3 counterparts of every seeded v2 campaign (+ xrefs).
	for (const c of state.v2.campaigns.values()) {
		const v3 = deriveV3FromV2(state, c);
		state.v3.xrefs.set(c.id, {
			campaign_id: v3.campaign_id,
			campaign_activity_id: v3.activityIds[0].campaign_activity_id,
		});
	}
	// Mirror the v2 seeded send of the SENT campaign into the v3 send history.
	return state;
}

/** A v2 campaign's tracking summary before any send. */
function emptyTrackingSummary(): Record<string, number> {
	return { sends: 0, opens: 0, clicks: 0, forwards: 0, unsubscribes: 0, bounces: 0, spam_count: 0 };
}

/** A new contact list, under its v3 and v2 ids (both APIs see the same lists). */
export function addContactList(
	state: SandboxState,
	fields: { name: string; description?: string; favorite?: boolean; at: string },
): ContactList {
	const list: ContactList = {
		list_id: crypto.randomUUID(),
		v2Id: String(state.v2.nextListId++),
		name: fields.name,
		description: fields.description ?? '',
		favorite: fields.favorite ?? false,
		status: 'ACTIVE',
		opt_in_default: false,
		created_at: fields.at,
		updated_at: fields.at,
	};
	state.v3.lists.set(list.list_id, list);
	state.v2.lists.set(list.v2Id, list);
	return list;
}

/** A new contact (v3 uuid, next v2 id), on `listIds`. */
export function addContact(
	state: SandboxState,
	fields: {
		email: string;
		at: string;
		first_name?: string;
		last_name?: string;
		contact_id?: string;
		listIds?: string[];
	},
): Contact {
	const contact: Contact = {
		contact_id: fields.contact_id ?? crypto.randomUUID(),
		v2Id: String(state.v2.nextContactId++),
		email: fields.email,
		first_name: fields.first_name ?? '',
		last_name: fields.last_name ?? '',
		listIds: new Set(fields.listIds ?? []),
		tagIds: new Set(),
		created_at: fields.at,
		updated_at: fields.at,
	};
	state.contacts.set(contact.contact_id, contact);
	return contact;
}

/** Marks a contact deleted (it keeps its lists and tags, as a revived contact gets them back). */
export function deleteContact(contact: Contact, at: number): void {
	contact.status = 'deleted';
	contact.deleted_at = iso(at).slice(0, 10);
	contact.updated_at = iso(at);
}

/** Brings a deleted contact back (an import or an update revives it). */
export function reviveContact(contact: Contact): void {
	if (contact.status !== 'deleted') return;
	contact.status = undefined;
	contact.deleted_at = undefined;
}

export function addV2Campaign(state: SandboxState, data: Record<string, any>, modifiedMs: number): V2Campaign {
	const c: V2Campaign = {
		data,
		id: String(data.id),
		status: data.status,
		modifiedMs,
		sendLog: [],
		runs: [],
		testSends: [],
	};
	state.v2.campaigns.set(c.id, c);
	if (c.status !== 'DELETED') state.v2.names.set(c.data.name, c.id);
	state.version++;
	return c;
}

/** The v3 twin of a v2 campaign (ids derived from the v2 id), as every seeded v2 campaign has. */
export function deriveV3FromV2(state: SandboxState, c: V2Campaign): V3Campaign {
	const d = c.data;
	const status = V2_TO_V3_STATUS[c.status];
	const campaign_id = seededUuid(`v3campaign:${c.id}`);
	const listIds = (d.sent_to_contact_lists ?? [])
		.map((l: any) => state.v2.lists.get(String(l.id))?.list_id)
		.filter((x: string | undefined): x is string => !!x);
	const html = String(d.email_content ?? '').includes('[[trackingImage]]')
		? d.email_content
		: String(d.email_content ?? '<html><body></body></html>').replace('<body>', '<body>[[trackingImage]]');
	const v3 = addV3Campaign(state, {
		campaign_id,
		name: d.name,
		created_at: d.created_date,
		updated_at: d.modified_date,
		status,
		primary: {
			from_email: d.from_email,
			from_name: d.from_name,
			reply_to_email: d.reply_to_email,
			subject: d.subject,
			html_content: html,
			contact_list_ids: listIds,
			document_properties: {
				text_content: d.text_content ?? '',
				style_content: d.style_sheet ?? '',
				greeting_salutation: d.greeting_salutations ?? '',
			},
		},
		v2Id: c.id,
		seedKey: c.id,
	});
	const primary = state.v3.activities.get(v3.activityIds[0].campaign_activity_id)!;
	if (c.pending) {
		primary.pending = { ...c.pending };
		primary.scheduled_date = iso(c.pending.scheduledAt);
		primary.statusBeforeSchedule = 'DRAFT';
	}
	return v3;
}

export function addV3Campaign(
	state: SandboxState,
	o: {
		campaign_id?: string;
		name: string;
		created_at: string;
		updated_at: string;
		status?: V3Campaign['current_status'];
		primary: Partial<V3Activity> & {
			from_email: string;
			from_name: string;
			reply_to_email: string;
			subject: string;
			html_content: string;
		};
		v2Id?: string;
		seedKey?: string;
	},
): V3Campaign {
	const campaign_id = o.campaign_id ?? crypto.randomUUID();
	const status = o.status ?? 'Draft';
	const pid = o.seedKey ? seededUuid(`v3primary:${o.seedKey}`) : crypto.randomUUID();
	const plid = o.seedKey ? seededUuid(`v3permalink:${o.seedKey}`) : crypto.randomUUID();
	const permalink = `https://myemail.constantcontact.com/${encodeURIComponent(o.name.replace(/\s+/g, '-').slice(0, 40))}.html?soid=1100371573368&aid=${pid.slice(0, 11)}`;
	const base = {
		campaign_id,
		format_type: 5,
		permalink_url: permalink,
		segment_ids: [] as number[],
		sendLog: [] as SendRecord[],
		runs: [] as SendRun[],
		testSends: [] as { at: number; body: any }[],
	};
	const primary: V3Activity = {
		...base,
		contact_list_ids: [],
		physical_address_in_footer: { ...DEFAULT_FOOTER },
		document_properties: {},
		...o.primary,
		campaign_activity_id: pid,
		role: 'primary_email',
		current_status: V3_CAMPAIGN_TO_ACTIVITY[status],
	};
	const permalinkAct: V3Activity = {
		...base,
		campaign_activity_id: plid,
		role: 'permalink',
		current_status: status === 'Removed' ? 'REMOVED' : 'DRAFT',
		from_email: primary.from_email,
		from_name: primary.from_name,
		reply_to_email: primary.reply_to_email,
		subject: primary.subject,
		html_content: primary.html_content,
		contact_list_ids: [],
		// Its own logs: `base` holds arrays the primary email uses.
		sendLog: [],
		runs: [],
		testSends: [],
	};
	state.v3.activities.set(pid, primary);
	state.v3.activities.set(plid, permalinkAct);
	const c: V3Campaign = {
		campaign_id,
		name: o.name,
		current_status: status,
		type: 'NEWSLETTER',
		type_code: 10,
		created_at: o.created_at,
		updated_at: o.updated_at,
		updatedMs: Date.parse(o.updated_at),
		activityIds: [
			{ campaign_activity_id: pid, role: 'primary_email' },
			{ campaign_activity_id: plid, role: 'permalink' },
		],
		v2Id: o.v2Id,
	};
	state.v3.campaigns.set(campaign_id, c);
	if (status !== 'Removed') state.v3.names.set(c.name, campaign_id);
	state.version++;
	return c;
}

/* ------------------------------------------------------------------ scheduler */

/**
 * How the v3 follow-ups (follow-ups.ts: segments, A/B tests, resends to non-openers) take part in
 * the sends below; follow-ups.ts registers them (v3.ts loads it).
 */
export interface V3SendHooks {
	/** Contacts an activity reaches besides its lists' members (its segments'), as of `at`. */
	alsoReaches(state: SandboxState, a: V3Activity, at: number): ((c: Contact) => boolean) | undefined;
	/** Of a send's recipients, those it goes to now, and what their records carry (an A/B test's halves). */
	split(
		state: SandboxState,
		a: V3Activity,
		to: Contact[],
		at: number,
	): { now: Contact[]; record?: (c: Contact) => Partial<SendRecord> };
	/** Follow-up sends due by `now` (an A/B test's winner, a resend), after the activities' own sends. */
	processDue(state: SandboxState, now: number): void;
}
export const v3SendHooks: { current?: V3SendHooks } = {};

/**
 * Moves every due campaign/activity along: SCHEDULED -> EXECUTING/RUNNING at the scheduled
 * date (recipients are computed and logged then), -> DONE/SENT `sendDurationMs` later.
 */
export function processDue(state: SandboxState, now: number, sendDurationMs: number): void {
	for (const c of state.v2.campaigns.values()) {
		if (!c.pending) continue;
		const p = c.pending;
		if (!p.startedAt && now >= p.scheduledAt) {
			p.startedAt = p.scheduledAt;
			c.status = 'RUNNING';
			c.data.status = 'RUNNING';
			deliverV2(state, c, p.scheduledAt);
			touchV2(state, c, p.scheduledAt);
		}
		if (p.startedAt !== undefined && now >= p.startedAt + sendDurationMs) {
			c.status = 'SENT';
			c.data.status = 'SENT';
			c.data.last_run_date = iso(p.startedAt);
			delete c.data.next_run_date;
			c.pending = undefined;
			c.schedule = undefined;
			c.statusBeforeSchedule = undefined;
			state.v2.schedules.delete(c.id);
			touchV2(state, c, p.startedAt + sendDurationMs);
		}
	}
	for (const a of state.v3.activities.values()) {
		if (!a.pending) continue;
		const p = a.pending;
		const camp = state.v3.campaigns.get(a.campaign_id)!;
		if (!p.startedAt && now >= p.scheduledAt) {
			p.startedAt = p.scheduledAt;
			a.current_status = 'EXECUTING';
			camp.current_status = 'Executing';
			deliverV3(state, a, p.scheduledAt);
			touchV3(state, camp, p.scheduledAt);
		}
		if (p.startedAt !== undefined && now >= p.startedAt + sendDurationMs) {
			a.current_status = 'DONE';
			camp.current_status = 'Done';
			a.pending = undefined;
			a.scheduled_date = undefined;
			a.statusBeforeSchedule = undefined;
			touchV3(state, camp, p.startedAt + sendDurationMs);
		}
	}
	v3SendHooks.current?.processDue(state, now);
}

export function touchV2(state: SandboxState, c: V2Campaign, ms: number): void {
	c.modifiedMs = Math.max(c.modifiedMs, ms);
	c.data.modified_date = iso(c.modifiedMs);
	state.version++;
}
export function touchV3(state: SandboxState, c: V3Campaign, ms: number): void {
	c.updatedMs = Math.max(c.updatedMs, ms);
	c.updated_at = iso(c.updatedMs);
	state.version++;
}

function recipients(
	state: SandboxState,
	listIds: string[],
	already: Set<string>,
	alsoReaches?: (c: Contact) => boolean,
): Contact[] {
	const out: Contact[] = [];
	for (const c of state.contacts.values()) {
		if (already.has(c.contact_id) || !c.email || c.status === 'deleted') continue;
		if (listIds.some((l) => c.listIds.has(l)) || alsoReaches?.(c)) out.push(c);
	}
	return out;
}

function deliverV2(state: SandboxState, c: V2Campaign, at: number): void {
	const listIds = (c.data.sent_to_contact_lists ?? [])
		.map((l: any) => state.v2.lists.get(String(l.id))?.list_id)
		.filter((x: string | undefined): x is string => !!x);
	const already = new Set(c.sendLog.map((s) => s.contactId));
	const sendId = c.runs.length + 1;
	const to = recipients(state, listIds, already);
	for (const ct of to) {
		const r: SendRecord = {
			api: 'v2',
			campaignId: c.id,
			contactId: ct.contact_id,
			email: ct.email,
			listIds,
			sendId,
			sentAt: at,
		};
		c.sendLog.push(r);
		state.sendLog.push(r);
	}
	c.runs.push({
		send_id: sendId,
		contact_list_ids: listIds,
		segment_ids: [],
		count: to.length,
		run_date: iso(at),
		send_status: 'COMPLETED',
		reason_code: 0,
	});
	const ts = c.data.tracking_summary ?? (c.data.tracking_summary = emptyTrackingSummary());
	ts.sends += to.length;
}

function deliverV3(state: SandboxState, a: V3Activity, at: number): void {
	const already = new Set(a.sendLog.map((s) => s.contactId));
	const sendId = a.runs.length + 1;
	const hooks = v3SendHooks.current;
	const all = recipients(state, a.contact_list_ids, already, hooks?.alsoReaches(state, a, at));
	const split = hooks?.split(state, a, all, at);
	const to = split?.now ?? all;
	for (const ct of to) {
		const r: SendRecord = {
			api: 'v3',
			campaignId: a.campaign_id,
			activityId: a.campaign_activity_id,
			contactId: ct.contact_id,
			email: ct.email,
			listIds: [...a.contact_list_ids],
			sendId,
			sentAt: at,
			...split?.record?.(ct),
		};
		a.sendLog.push(r);
		state.sendLog.push(r);
	}
	a.runs.push({
		send_id: sendId,
		contact_list_ids: [...a.contact_list_ids],
		segment_ids: [...a.segment_ids],
		count: to.length,
		run_date: iso(at),
		send_status: 'COMPLETED',
		reason_code: 0,
	});
}
