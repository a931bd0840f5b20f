/**
 * Seeding: what a test needs the account to hold before the node runs (contact lists, contacts,
 * draft and sent campaigns), put straight into the sandbox's state as if a user had made it in
 * the app: no request, no rate limit, nothing in `sandbox.requests`. Public through `Sandbox`
 * (and the engine tests' `World`); see README.md "Seeding". A seeding mistake (an unknown list, a
 * name in use) throws.
 *
 * Everything is written the way the sandbox's own API handlers write it: campaigns through
 * `addV3Campaign` / `addV2Campaign` (state.ts), a send through the API's own schedule handler
 * (`POST .../schedules`, send now) at the date of the send, then delivered by the scheduler.
 */
import { randomUUID } from 'crypto';

import { HttpError, type Ctx } from './common';
import { addTag } from './contact-tags';
import { addCustomField } from './custom-fields';
import { followUps } from './follow-ups';
import { addSegment } from './segments';
import {
	addContact,
	addContactList,
	addV2Campaign,
	addV3Campaign,
	DEFAULT_FOOTER,
	deleteContact,
	deriveV3FromV2,
	iso,
	type Contact,
	type SandboxState,
} from './state';
import { handleV2 } from './v2';
import { handleV3 } from './v3';

export type Api = 'v2' | 'v3';

const DAY = 86_400_000;

/** A contact list, seen by both APIs (v3 `list_id`, v2 numeric id). */
export interface SeededList {
	v3Id: string;
	v2Id: string;
	name: string;
}

/** A list given to a seeding method: a SeededList, or a list's v3 or v2 id. */
export type ListRef = SeededList | string;

export interface SeededContact {
	/** v3 `contact_id` */
	contactId: string;
	v2Id: string;
	email: string;
}

export interface SeededCustomField {
	customFieldId: string;
	/** What `cf:<name>` imports and exports use. */
	name: string;
	label: string;
}

export interface SeededTag {
	tagId: string;
	name: string;
}

/** A segment (`/segments`): `criteria` is its parsed `segment_criteria`. */
export interface SeededSegment {
	segmentId: number;
	name: string;
	criteria: object;
}

/** A segment to seed: default name "Segment <k>" (first free k), default criteria DEFAULT_SEGMENT_CRITERIA. */
export interface SegmentSpec {
	name?: string;
	/** The `segment_criteria` document (segment-criteria.ts; README "Follow-ups (issue 14)"). */
	criteria?: object;
}

/** Every contact with an email address. */
export const DEFAULT_SEGMENT_CRITERIA = {
	version: '1.0.0',
	criteria: { type: 'and', group: [{ source: 'contact', field: 'email_address', op: 'is-not-empty' }] },
};

/** A tag given to a seeding method: a SeededTag or a tag id. */
export type TagRef = SeededTag | string;

export interface SeededCampaign<A extends Api = Api> {
	api: A;
	/** v3: `campaign_id` (a UUID); v2: the campaign's numeric id. */
	campaignId: string;
	/** v3: the primary email's `campaign_activity_id`; v2: undefined. */
	activityId: A extends 'v3' ? string : undefined;
	name: string;
}

export interface SentCampaign<A extends Api = Api> extends SeededCampaign<A> {
	/** The lists it was sent to. */
	lists: SeededList[];
	/** When it was sent (sandbox clock, ms). */
	sentAt: number;
}

export interface ListOptions {
	/** Default "Seeded list <v2 id>"; with n > 1, "<name> 1", "<name> 2", ... */
	name?: string;
	/** Members: this many new contacts on each list (addContacts defaults); default 0. */
	contacts?: number;
}

export interface ContactOptions {
	/** Lists the contacts are members of (default none). */
	lists?: ListRef[];
	/** Email of the i-th contact (0-based); default `reader<i+1>.<batch>@example.com`, unique. */
	email?: (i: number) => string;
	/** Default `Reader<i+1>`. */
	firstName?: string;
	/** Default `Batch<batch>`. */
	lastName?: string;
	/** Email permission status; default undefined (active). */
	status?: Contact['status'];
	/** ISO date of the last update (the `updated_after` filter); default now. */
	updatedAt?: string;
	/** Tags the contacts carry (default none). */
	tags?: TagRef[];
	/** Custom field values, keyed by custom field id or name (default none). */
	customFields?: Record<string, string>;
}

export interface DraftOptions {
	/** Default "Draft <api> <random>"; must not be in use. */
	name?: string;
	subject?: string;
	fromName?: string;
	/** The email's HTML (v3: `[[trackingImage]]` is added after `<body>` if missing, as the API requires). */
	html?: string;
	/** Contact lists it is addressed to (default none: it cannot be scheduled yet). */
	lists?: ListRef[];
	/** v2 only: also a v3 twin and its v2 -> v3 id cross-reference, as the seeded v2 campaigns have. */
	v3Twin?: boolean;
}

export interface DraftsOptions {
	/** Names are "<prefix> 1", "<prefix> 2", ... ("+" appended while one is in use). */
	prefix?: string;
	lists?: ListRef[];
	/** v2 only: see DraftOptions.v3Twin. */
	v3Twins?: boolean;
}

export interface SentOptions extends Omit<DraftOptions, 'lists' | 'v3Twin'> {
	/** Sent to a new list of this many new contacts ... */
	audience?: number;
	/** ... or to these lists. */
	lists?: ListRef[];
	/** How long ago it was sent, in days (default 1: its opens and clicks have happened). */
	daysAgo?: number;
}

const V3_HTML = '<html><body>[[trackingImage]]<p>Hello</p></body></html>';
const V2_HTML = '<html><body><p>Hello</p></body></html>';
const zeroTracking = () => ({ sends: 0, opens: 0, clicks: 0, forwards: 0, unsubscribes: 0, bounces: 0, spam_count: 0 });

/** The seeding operations on one sandbox's state (`state()` processes due sends first). */
export class Seeding {
	constructor(
		private readonly state: () => SandboxState,
		private readonly now: () => number,
	) {}

	addLists(n: number, options: ListOptions = {}): SeededList[] {
		const st = this.state();
		const base = this.now() - n;
		const lists = Array.from({ length: n }, (_, i) => {
			const at = iso(base + i + 1);
			const name =
				options.name === undefined
					? `Seeded list ${st.v2.nextListId}`
					: n === 1
						? options.name
						: `${options.name} ${i + 1}`;
			if ([...st.v3.lists.values()].some((l) => !l.deleted_at && l.name === name))
				throw new Error(`seeding: a contact list named "${name}" exists already`);
			const list = addContactList(st, { name, at });
			return { v3Id: list.list_id, v2Id: list.v2Id, name };
		});
		if (options.contacts) for (const list of lists) this.addContacts(options.contacts, { lists: [list] });
		return lists;
	}

	addContacts(n: number, options: ContactOptions = {}, createdAt = this.now()): SeededContact[] {
		const st = this.state();
		const listIds = this.v3ListIds(options.lists ?? []);
		const batch = String(st.v2.nextContactId);
		const created = iso(createdAt);
		const tagIds = (options.tags ?? []).map((t) => this.tag(t).tagId);
		const values = this.customFieldValues(options.customFields ?? {});
		return Array.from({ length: n }, (_, i) => {
			const contact = addContact(st, {
				email: options.email ? options.email(i) : `reader${i + 1}.${batch}@example.com`,
				first_name: options.firstName ?? `Reader${i + 1}`,
				last_name: options.lastName ?? `Batch${batch}`,
				listIds,
				at: created,
			});
			contact.updated_at = options.updatedAt ?? created;
			for (const t of tagIds) contact.tagIds.add(t);
			if (Object.keys(values).length) contact.custom_fields = { ...values };
			if (options.status === 'deleted') deleteContact(contact, Date.parse(contact.updated_at));
			else if (options.status !== undefined) contact.status = options.status;
			return { contactId: contact.contact_id, v2Id: contact.v2Id, email: contact.email };
		});
	}

	/** Custom fields (type string): `n` labelled "Custom field <k>", or these labels. */
	addCustomFields(what: number | string[]): SeededCustomField[] {
		const st = this.state();
		const taken = [...st.customFields.values()].map((f) => f.label);
		const labels = typeof what === 'number' ? freshNames(what, 'Custom field', taken) : what;
		return labels.map((label) => {
			const f = seedingCall(() => addCustomField(st, { label, type: 'string' }, iso(this.now())));
			return { customFieldId: f.custom_field_id, name: f.name, label: f.label };
		});
	}

	/** Tags: `n` named "Tag <k>", or these names. */
	addTags(what: number | string[]): SeededTag[] {
		const st = this.state();
		const taken = [...st.tags.values()].map((t) => t.name);
		const names = typeof what === 'number' ? freshNames(what, 'Tag', taken) : what;
		return names.map((name) => {
			const t = seedingCall(() => addTag(st, name, iso(this.now())));
			return { tagId: t.tag_id, name: t.name };
		});
	}

	/** Segments: `n` named "Segment <k>" with the default criteria, or one per spec (criteria checked as POST /segments does). */
	addSegments(what: number | SegmentSpec[]): SeededSegment[] {
		const st = this.state();
		const specs: SegmentSpec[] = typeof what === 'number' ? Array.from({ length: what }, () => ({})) : what;
		const taken = [...followUps(st).segments.values()].filter((x) => !x.deleted).map((x) => x.name);
		const names = freshNames(specs.filter((x) => x.name === undefined).length, 'Segment', taken);
		return specs.map((spec) => {
			const criteria = spec.criteria ?? DEFAULT_SEGMENT_CRITERIA;
			const name = spec.name ?? names.shift()!;
			const seg = seedingCall(() => addSegment(st, name, JSON.stringify(criteria), this.now()));
			return { segmentId: seg.segment_id, name: seg.name, criteria: JSON.parse(seg.segment_criteria) };
		});
	}

	/** A tag by SeededTag or id. */
	tag(ref: TagRef): SeededTag {
		const id = typeof ref === 'string' ? ref : ref.tagId;
		const t = this.state().tags.get(id);
		if (!t) throw new Error(`seeding: no tag "${id}"`);
		return { tagId: t.tag_id, name: t.name };
	}

	/** Custom field values keyed by a custom field's id, name or SeededCustomField name, as `custom_field_id -> value`. */
	private customFieldValues(values: Record<string, string>): Record<string, string> {
		const fields = [...this.state().customFields.values()];
		const out: Record<string, string> = {};
		for (const [key, value] of Object.entries(values)) {
			const f = fields.find((x) => x.custom_field_id === key || x.name === key);
			if (!f) throw new Error(`seeding: no custom field "${key}"`);
			out[f.custom_field_id] = value;
		}
		return out;
	}

	draftCampaign<A extends Api>(api: A, options: DraftOptions = {}, at = this.now()): SeededCampaign<A> {
		const st = this.state();
		const name = options.name ?? `Draft ${api} ${randomUUID().slice(0, 8)}`;
		if ((api === 'v3' ? st.v3.names : st.v2.names).has(name))
			throw new Error(`seeding: a ${api} campaign named "${name}" exists already`);
		return this.create(api, [name], { ...options, times: [at] })[0];
	}

	/** n drafts (distinct dates, newest last), for listings and bulk runs. */
	draftCampaigns<A extends Api>(api: A, n: number, options: DraftsOptions = {}): SeededCampaign<A>[] {
		const st = this.state();
		const names = new Set(api === 'v3' ? st.v3.names.keys() : st.v2.names.keys());
		const prefix = options.prefix ?? `Bulk ${api} campaign`;
		const base = this.now() - n;
		const taken: string[] = [];
		for (let i = 0; i < n; i++) {
			let name = `${prefix} ${i + 1}`;
			while (names.has(name)) name += '+';
			names.add(name);
			taken.push(name);
		}
		return this.create(api, taken, {
			lists: options.lists,
			v3Twin: options.v3Twins,
			times: taken.map((_, i) => base + i),
			subjects: taken.map((_, i) => `Subject ${i + 1}`),
			fromName: 'Bulk',
		});
	}

	/**
	 * A campaign sent `daysAgo` days ago (sandbox clock) to a new audience or to given lists:
	 * made as a draft then, scheduled "send now" through the API's schedule handler at that date,
	 * and delivered by the scheduler (send log, runs, tracking and engagement as for any send).
	 */
	sentCampaign<A extends Api>(api: A, options: SentOptions): SentCampaign<A> {
		const sentAt = this.now() - (options.daysAgo ?? 1) * DAY;
		let lists: SeededList[];
		if (options.lists) lists = options.lists.map((l) => this.list(l));
		else if (options.audience !== undefined) {
			lists = this.addLists(1, { name: `Audience ${randomUUID().slice(0, 8)}` });
			this.addContacts(options.audience, { lists }, sentAt - 60_000);
		} else throw new Error('seeding: sentCampaign needs an audience (a number of new contacts) or lists');
		const draft = this.draftCampaign(api, { ...options, lists }, sentAt - 60_000);
		if (api === 'v3')
			this.inProcess('v3', 'POST', `/emails/activities/${draft.activityId}/schedules`, { scheduled_date: '0' }, sentAt);
		else this.inProcess('v2', 'POST', `/emailmarketing/campaigns/${draft.campaignId}/schedules`, {}, sentAt);
		this.state(); // delivers it
		return { ...draft, lists, sentAt };
	}

	/** A list by SeededList or by its v3 or v2 id. */
	list(ref: ListRef): SeededList {
		const st = this.state();
		const id = typeof ref === 'string' ? ref : ref.v3Id;
		const list = st.v3.lists.get(id) ?? st.v2.lists.get(id);
		if (!list || list.deleted_at) throw new Error(`seeding: no contact list "${id}"`);
		return { v3Id: list.list_id, v2Id: list.v2Id, name: list.name };
	}

	private v3ListIds(refs: ListRef[]): string[] {
		return refs.map((l) => this.list(l).v3Id);
	}

	private create<A extends Api>(
		api: A,
		names: string[],
		o: Omit<DraftOptions, 'name'> & { times: number[]; subjects?: string[] },
	): SeededCampaign<A>[] {
		const st = this.state();
		const lists = (o.lists ?? []).map((l) => this.list(l));
		const from = st.account.verifiedEmails[0].email_address;
		const fromName = o.fromName ?? 'Garden Shop';
		return names.map((name, i) => {
			const ms = o.times[i];
			const subject = o.subjects?.[i] ?? o.subject ?? 'Hello';
			if (api === 'v3') {
				if (o.v3Twin) throw new Error('seeding: v3Twin is for v2 campaigns');
				const html = withTrackingImage(o.html ?? V3_HTML);
				const c = addV3Campaign(st, {
					name,
					created_at: iso(ms),
					updated_at: iso(ms),
					primary: {
						from_email: from,
						from_name: fromName,
						reply_to_email: from,
						subject,
						html_content: html,
						physical_address_in_footer: { ...DEFAULT_FOOTER },
						contact_list_ids: lists.map((l) => l.v3Id),
					},
				});
				return {
					api,
					campaignId: c.campaign_id,
					activityId: c.activityIds[0].campaign_activity_id,
					name,
				} as SeededCampaign<A>;
			}
			const html = o.html ?? V2_HTML;
			const id = String(st.v2.nextCampaignId++);
			const c = addV2Campaign(
				st,
				{
					id,
					name,
					subject,
					status: 'DRAFT',
					from_name: fromName,
					from_email: from,
					reply_to_email: from,
					template_type: 'CUSTOM',
					created_date: iso(ms),
					modified_date: iso(ms),
					email_content: html,
					email_content_format: 'HTML',
					text_content: html
						.replace(/<[^>]+>/g, ' ')
						.replace(/\s+/g, ' ')
						.trim(),
					sent_to_contact_lists: lists.map((l) => ({ id: l.v2Id })),
					tracking_summary: zeroTracking(),
				},
				ms,
			);
			if (o.v3Twin) {
				const twin = deriveV3FromV2(st, c);
				st.v3.xrefs.set(c.id, {
					campaign_id: twin.campaign_id,
					campaign_activity_id: twin.activityIds[0].campaign_activity_id,
				});
			}
			return { api, campaignId: c.id, activityId: undefined, name } as SeededCampaign<A>;
		});
	}

	/** One request to the API's own handler, in-process (no HTTP, not recorded), at sandbox time `now`. */
	private inProcess(api: Api, method: string, path: string, body: unknown, now: number): void {
		const segments = path.split('/').filter(Boolean);
		const ctx: Ctx = {
			method,
			path,
			segments,
			query: {},
			body,
			rawBody: JSON.stringify(body),
			headers: {},
			now,
			state: this.state(),
		};
		try {
			const reply = api === 'v3' ? handleV3(ctx) : handleV2(ctx);
			if (reply.status >= 300)
				throw new Error(`seeding: ${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
		} catch (e) {
			if (e instanceof HttpError)
				throw new Error(`seeding: ${method} ${path} answered ${e.reply.status}: ${JSON.stringify(e.reply.body)}`);
			throw e;
		}
	}
}

/** `n` names "<prefix> <k>" not in `taken` (whatever the case), k counting from 1. */
function freshNames(n: number, prefix: string, taken: string[]): string[] {
	const used = new Set(taken.map((t) => t.toLowerCase()));
	const out: string[] = [];
	for (let k = 1; out.length < n; k++) if (!used.has(`${prefix} ${k}`.toLowerCase())) out.push(`${prefix} ${k}`);
	return out;
}

/** A seeding step through the API's own constructor: its API error becomes a plain seeding error. */
function seedingCall<T>(make: () => T): T {
	try {
		return make();
	} catch (e) {
		if (e instanceof HttpError) throw new Error(`seeding: ${JSON.stringify(e.reply.body)}`);
		throw e;
	}
}

/** v3 custom-code HTML must carry `[[trackingImage]]`: added after `<body>` (or in front) if missing. */
function withTrackingImage(html: string): string {
	if (html.includes('[[trackingImage]]')) return html;
	return html.includes('<body>') ? html.replace('<body>', '<body>[[trackingImage]]') : `[[trackingImage]]${html}`;
}
