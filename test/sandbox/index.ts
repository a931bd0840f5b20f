/**
 * Constant Contact sandbox: a local, stateful, in-memory Constant Contact (v2 API, v3 API and
 * the v3 OAuth2 server) on node:http, for the node's engine tests and the demo.
 *
 *   const sb = await Sandbox.start();          // port 0 = random
 *   sb.v2BaseUrl, sb.v3BaseUrl, sb.oauthBaseUrl, sb.secrets, sb.issueTokens()
 *   sb.draftCampaign('v3'), sb.addContacts(500, { lists }) ...   // seeding (test set-up)
 *   sb.v3Campaign(id), sb.contacts() ...                          // reading (assertions)
 *   ... await sb.close();
 *
 * See test/sandbox/README.md for behaviour, defaults and what is simulated.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { Contract } from './contract';
import { Ctx, Reply, HttpError, apiError } from './common';
import { OAuthServer, RefreshTokenUse, TokenSet } from './oauth';
import { SandboxState, buildState, processDue, iso, V2Campaign, V3Campaign, DEFAULT_BULK_TIMING } from './state';
import type { BulkActivity, BulkTiming, Contact, ContactList, CustomField, SendRecord, Tag, V3Activity } from './state';
import { processActivities } from './bulk';
import { handleV2 } from './v2';
import { handleV3 } from './v3';
import { ENV_VARS, envVar } from '../../scripts/env-vars';
import { CannedReplies } from './canned';
import { SandboxSuiteRecorder } from './suite-recorder';
import {
	Seeding,
	type Api,
	type ContactOptions,
	type DraftOptions,
	type DraftsOptions,
	type ListOptions,
	type SeededCampaign,
	type SeededContact,
	type SeededCustomField,
	type SeededList,
	type SeededTag,
	type SentCampaign,
	type SentOptions,
	type SeededSegment,
	type SegmentSpec,
} from './seeding';
import { followUps, resendState, type AbTest, type ResendRequest, type ResendState, type Segment } from './follow-ups';
import { segmentMemberIds } from './segments';

export type {
	SandboxState,
	SendRecord,
	V2Campaign,
	V3Campaign,
	V3Activity,
	ContactList,
	Contact,
	BulkActivity,
	CustomField,
	Tag,
} from './state';
export type { RefreshTokenUse } from './oauth';
export { IMPORT_BODY_LIMIT_BYTES, IMPORT_MAX_CONTACTS } from './bulk-import';
export { MAX_CUSTOM_FIELDS } from './custom-fields';
export type {
	Api,
	ContactOptions,
	DraftOptions,
	DraftsOptions,
	ListOptions,
	ListRef,
	SeededCampaign,
	SeededContact,
	SeededCustomField,
	SeededList,
	SeededTag,
	SentCampaign,
	SentOptions,
	TagRef,
	SeededSegment,
	SegmentSpec,
} from './seeding';
export { DEFAULT_SEGMENT_CRITERIA } from './seeding';
export type { AbTest, ResendRequest, ResendState, Segment } from './follow-ups';

/** What the reading methods return: the sandbox's live records, typed so that a test cannot write them. */
export type ReadonlyDeep<T> = T extends (infer U)[]
	? ReadonlyArray<ReadonlyDeep<U>>
	: T extends Set<infer U>
		? ReadonlySet<ReadonlyDeep<U>>
		: T extends Map<infer K, infer V>
			? ReadonlyMap<K, ReadonlyDeep<V>>
			: T extends object
				? { readonly [P in keyof T]: ReadonlyDeep<T[P]> }
				: T;

export interface SandboxOptions {
	port?: number; // 0 = random (default 0)
	host?: string; // default '127.0.0.1'
	latencyMs?: number; // added before each response (default 0)
	rateLimitPerSecond?: number | false; // default 4; false = off
	dailyLimit?: number | false; // default 10000
	accessTokenTtlSeconds?: number; // v3 access tokens, default 86400
	seed?: boolean; // realistic starting data from the fixtures, default true
	log?: (line: string) => void; // lines never contain api keys or tokens
	/** Extension: override the fake credentials (defaults: DEFAULT_SECRETS, env overrides). */
	secrets?: Partial<SandboxSecrets>;
	/** Extension: how long a send stays EXECUTING/RUNNING on the sandbox clock (default 1000 ms). */
	sendDurationMs?: number;
	/** Extension: how fast a bulk activity processes its items, on the sandbox clock (default 2000 items/s). */
	activityItemsPerSecond?: number;
	/** Extension: how long a bulk activity stays `initialized` before processing starts (default 300 ms). */
	activityStartLatencyMs?: number;
	/** Extension: activities not completed yet beyond which a new one gets 429 (default 1000, as the API). */
	maxQueuedActivities?: number;
}

export interface SandboxSecrets {
	v2ApiKey: string;
	v2AccessToken: string;
	clientId: string;
	clientSecret: string;
}

/** Which environment variable (scripts/env-vars.js, which has the defaults) sets each fake credential. */
const SECRET_ENV: Record<keyof SandboxSecrets, string> = {
	v2ApiKey: 'CC_SANDBOX_V2_API_KEY',
	v2AccessToken: 'CC_SANDBOX_V2_ACCESS_TOKEN',
	clientId: 'CC_SANDBOX_CLIENT_ID',
	clientSecret: 'CC_SANDBOX_CLIENT_SECRET',
};

/** Fixed, documented fake credentials (the table's defaults; override with env or options.secrets). */
export const DEFAULT_SECRETS = Object.fromEntries(
	Object.entries(SECRET_ENV).map(([key, name]) => [key, ENV_VARS[name].default!]),
) as unknown as SandboxSecrets;

export const DEFAULT_SCOPE = 'account_read account_update contact_data campaign_data offline_access';

export interface RecordedRequest {
	api: 'v2' | 'v3' | 'oauth';
	method: string;
	path: string; // no query
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown; // parsed JSON (or form object for OAuth), raw string otherwise, undefined when empty
	/** Length of the raw request body in bytes (0 when empty). */
	bodyBytes: number;
	status: number; // 0 when the connection was reset
	/** Status the API itself produced, when the request was processed (an after-processing fault may hide it). */
	handledStatus?: number;
	/** Set when the rate limit refused it: 'qps' (per second) or 'daily' (the quota). Injected throttles are not. */
	refused?: 'qps' | 'daily';
	arrivedAt: number; // wall-clock ms
	respondedAt: number; // wall-clock ms
}

export interface Fault {
	kind: '5xx' | 'status' | 'reset' | 'throttle' | 'stall';
	/** 'stall': how long the answer is held back (before or after processing). */
	ms?: number;
	status?: number;
	count?: number;
	method?: string;
	path?: RegExp;
	afterProcessing?: boolean;
}

export interface Knobs {
	latencyMs: number;
	serverErrorRate: number;
	resetRate: number;
	/** Chance that a processed request's answer is lost: the connection resets or a 503 comes back instead. */
	lostAnswerRate: number;
	rateLimitPerSecond: number | false;
	dailyLimit: number | false;
}

const FIVE_XX = [500, 502, 503, 504];
const FIVE_XX_TEXT: Record<number, string> = {
	500: 'Internal server error occurred',
	502: 'Bad gateway',
	503: 'Service unavailable',
	504: 'Gateway timeout',
};

/**
 * Holds an answer back (latency, a stalled answer). Unref'd: a stall outlasting its test (the
 * client gave up, the sandbox was closed) must not keep the test process alive.
 */
function pause(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

const JSON_ACCEPT = /(application\/json|application\/\*|\*\/\*|\+json)/i;
const CSV_ACCEPT = /(text\/csv|text\/\*|\*\/\*)/i;

/** What an endpoint answers (its `produces`): JSON, but the contact export file is CSV. */
function producesOf(api: string, method: string, rel: string): { type: string; accepts: RegExp } {
	if (api === 'v3' && method === 'GET' && /^\/contact_exports\/[^/]+$/.test(rel))
		return { type: 'text/csv', accepts: CSV_ACCEPT };
	return { type: 'application/json', accepts: JSON_ACCEPT };
}

/** The credentials set through the environment (unset ones keep DEFAULT_SECRETS). */
function envSecrets(): Partial<SandboxSecrets> {
	const o: Partial<SandboxSecrets> = {};
	for (const key of Object.keys(SECRET_ENV) as (keyof SandboxSecrets)[]) {
		const value = envVar(SECRET_ENV[key]);
		if (value) o[key] = value;
	}
	return o;
}

export class Sandbox {
	readonly url: string;
	readonly v2BaseUrl: string;
	readonly v3BaseUrl: string;
	readonly oauthBaseUrl: string;
	readonly secrets: SandboxSecrets;
	knobs: Knobs;
	readonly requests: RecordedRequest[] = [];
	readonly contractViolations: { method: string; path: string; errors: string[] }[] = [];
	/** Extension: v3 responses of the sandbox itself that do not match the contract (should stay empty). */
	readonly responseViolations: { method: string; path: string; status: number; errors: string[] }[] = [];
	readonly clock: { now(): number; advance(ms: number): void };
	/** Replies a test wants given to the next matching request (see ./canned.ts, ./v2-fixtures.ts). */
	readonly canned = new CannedReplies();
	/** The largest request body seen (bytes), by `METHOD /path` (e.g. `POST /v3/activities/contacts_json_import`). */
	readonly maxBodyBytes = new Map<string, number>();

	private offset = 0;
	private _state: SandboxState;
	private faults: (Fault & { remaining: number })[] = [];
	private windows = new Map<string, number[]>();
	private daily = new Map<string, { day: string; n: number }>();
	private readonly oauth: OAuthServer;
	private readonly sockets = new Set<import('net').Socket>();
	private readonly sendDurationMs: number;
	private readonly bulkTiming: BulkTiming;
	/** Set only while `npm test` records the suite (CC_SUITE_RECORD_DIR). */
	private readonly suiteRecord: SandboxSuiteRecorder | undefined;
	private readonly seeding: Seeding;

	private constructor(
		private readonly server: http.Server,
		private readonly contract: Contract,
		private readonly opts: SandboxOptions,
		secrets: SandboxSecrets,
	) {
		const addr = server.address() as AddressInfo;
		const host = opts.host ?? '127.0.0.1';
		this.url = `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
		this.v2BaseUrl = `${this.url}/v2`;
		this.v3BaseUrl = `${this.url}/v3`;
		this.oauthBaseUrl = `${this.url}/oauth2/default/v1`;
		this.secrets = secrets;
		this.knobs = this.initialKnobs();
		this.sendDurationMs = opts.sendDurationMs ?? 1000;
		this.bulkTiming = {
			itemsPerSecond: opts.activityItemsPerSecond ?? DEFAULT_BULK_TIMING.itemsPerSecond,
			startLatencyMs: opts.activityStartLatencyMs ?? DEFAULT_BULK_TIMING.startLatencyMs,
			maxQueued: opts.maxQueuedActivities ?? DEFAULT_BULK_TIMING.maxQueued,
		};
		this.clock = {
			now: () => Date.now() + this.offset,
			advance: (ms: number) => {
				this.offset += ms;
				this.tick();
			},
		};
		this._state = this.freshState();
		this.seeding = new Seeding(
			() => this.state,
			() => this.clock.now(),
		);
		this.oauth = new OAuthServer(
			{ clientId: secrets.clientId, clientSecret: secrets.clientSecret },
			() => this.opts.accessTokenTtlSeconds ?? 86400,
			() => this.clock.now(),
		);
		this.suiteRecord = SandboxSuiteRecorder.fromEnv((...args) => this.contract.validateRequest(...args));
		this.suiteRecord?.credentials(secrets);
		this.suiteRecord?.watchTokens(this.oauth);
		server.on('request', (req, res) => void this.onRequest(req, res));
		server.on('connection', (s) => {
			this.sockets.add(s);
			s.on('close', () => this.sockets.delete(s));
		});
	}

	static async start(options: SandboxOptions = {}): Promise<Sandbox> {
		const contract = await Contract.load();
		const server = http.createServer();
		// Longer than any client keeps an idle connection (undici: the server's hint less 1 s; Node's
		// global agent: 5 s), so the client closes first: a server closing an idle connection just as
		// a loaded client reuses it answers that request with ECONNRESET (seen under 6 test workers).
		server.keepAliveTimeout = 65_000;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
		});
		const secrets = { ...DEFAULT_SECRETS, ...envSecrets(), ...(options.secrets ?? {}) };
		return new Sandbox(server, contract, options, secrets);
	}

	private initialKnobs(): Knobs {
		return {
			latencyMs: this.opts.latencyMs ?? 0,
			serverErrorRate: 0,
			resetRate: 0,
			lostAnswerRate: 0,
			rateLimitPerSecond: this.opts.rateLimitPerSecond === undefined ? 4 : this.opts.rateLimitPerSecond,
			dailyLimit: this.opts.dailyLimit === undefined ? 10000 : this.opts.dailyLimit,
		};
	}

	/**
	 * The whole internal state (due schedules are processed first), for the sandbox's own code
	 * and tests (test/sandbox/). Other tests set up what they need with the seeding methods and
	 * read what happened with the reading methods below: neither depends on this shape.
	 */
	get state(): SandboxState {
		this.tick();
		return this._state;
	}

	private tick(): void {
		const now = this.clock.now();
		processDue(this._state, now, this.sendDurationMs);
		processActivities(this._state, now);
	}

	private freshState(): SandboxState {
		const st = buildState(this.clock.now(), this.opts.seed !== false);
		st.bulk.timing = { ...this.bulkTiming };
		return st;
	}

	issueTokens(opts: { ttlSeconds?: number; scope?: string } = {}): TokenSet {
		const t = this.oauth.issue(
			opts.scope ?? DEFAULT_SCOPE,
			opts.ttlSeconds ?? this.opts.accessTokenTtlSeconds ?? 86400,
			true,
		);
		return {
			access_token: t.access_token,
			refresh_token: t.refresh_token,
			expires_in: t.expires_in,
			token_type: 'Bearer',
			scope: t.scope,
		};
	}

	expireAccessTokens(): void {
		this.oauth.expireAll();
	}

	/**
	 * Every use of a refresh token at the token endpoint, oldest first: which token (a fingerprint,
	 * never the token), when, and whether it was granted. A token used twice is a reuse (rotation
	 * makes the second use fail with invalid_grant).
	 */
	refreshTokenUses(): ReadonlyDeep<RefreshTokenUse>[] {
		return this.oauth.refreshUses;
	}

	injectFault(f: Fault): void {
		this.faults.push({ ...f, remaining: f.count ?? 1 });
	}

	/** Drops injected faults that have not fired yet. */
	clearFaults(): void {
		this.faults = [];
	}

	maxRequestsInAnyWindow(ms = 1000, filter?: (r: RecordedRequest) => boolean): number {
		const f = filter ?? ((r: RecordedRequest) => r.api !== 'oauth');
		const t = this.requests
			.filter(f)
			.map((r) => r.arrivedAt)
			.sort((a, b) => a - b);
		let best = 0;
		let lo = 0;
		for (let hi = 0; hi < t.length; hi++) {
			while (t[hi] - t[lo] >= ms) lo++;
			best = Math.max(best, hi - lo + 1);
		}
		return best;
	}

	/* ------------------------------------------------------------ seeding (test set-up; ./seeding.ts) */

	/** `n` new contact lists (both APIs see them), each with `options.contacts` new members (default none). */
	addLists(n: number, options?: ListOptions): SeededList[] {
		return this.seeding.addLists(n, options);
	}

	/** `n` new contacts, members of `options.lists`, with `options.tags` and `options.customFields`. */
	addContacts(n: number, options?: ContactOptions): SeededContact[] {
		return this.seeding.addContacts(n, options);
	}

	/** Custom fields of type string: `n` labelled "Custom field <k>", or one per label. */
	addCustomFields(what: number | string[]): SeededCustomField[] {
		return this.seeding.addCustomFields(what);
	}

	/** Tags: `n` named "Tag <k>", or one per name. */
	addTags(what: number | string[]): SeededTag[] {
		return this.seeding.addTags(what);
	}

	/** A draft campaign (v3: with its primary email), addressed to `options.lists` if given. */
	draftCampaign<A extends Api>(api: A, options?: DraftOptions): SeededCampaign<A> {
		return this.seeding.draftCampaign(api, options);
	}

	/** `n` draft campaigns named "<prefix> 1".."<prefix> n" (distinct dates, newest last). */
	draftCampaigns<A extends Api>(api: A, n: number, options?: DraftsOptions): SeededCampaign<A>[] {
		return this.seeding.draftCampaigns(api, n, options);
	}

	/** A campaign sent `options.daysAgo` (default 1) days ago to a new audience of `options.audience` contacts, or to `options.lists`. */
	sentCampaign<A extends Api>(api: A, options: SentOptions): SentCampaign<A> {
		return this.seeding.sentCampaign(api, options);
	}

	/** Segments: `n` named "Segment <k>" (every contact with an email), or one per `{ name?, criteria? }`. */
	addSegments(what: number | SegmentSpec[]): SeededSegment[] {
		return this.seeding.addSegments(what);
	}

	/* ------------------------------------------------------------ reading (assertions) */

	/** Every segment, deleted ones too (`deleted`, `deleted_at`). */
	segments(): ReadonlyDeep<Segment>[] {
		return [...followUps(this.state).segments.values()];
	}

	/** A segment by `segment_id` (deleted ones too). */
	segment(id: number): ReadonlyDeep<Segment> | undefined {
		return followUps(this.state).segments.get(id);
	}

	/** The contact ids a segment holds now (sandbox clock), as a send to it would reach them. */
	segmentMembers(id: number): string[] {
		const st = this.state;
		const seg = followUps(st).segments.get(id);
		return seg ? segmentMemberIds(st, seg, this.clock.now()) : [];
	}

	/** The resends to non-openers of an activity, oldest first, deleted ones too, with their `state` now. */
	resends(activityId: string): (ReadonlyDeep<ResendRequest> & { state: ResendState })[] {
		const st = this.state;
		return followUps(st)
			.resends.filter((r) => r.activityId === activityId)
			.map((r) => ({ ...r, state: resendState(st, r) }));
	}

	/** The A/B test of an activity (`winner` once decided), if it has one. */
	abTest(activityId: string): ReadonlyDeep<AbTest> | undefined {
		return followUps(this.state).abTests.get(activityId);
	}

	/** A v3 campaign by `campaign_id` (removed ones too). */
	v3Campaign(id: string): ReadonlyDeep<V3Campaign> | undefined {
		return this.state.v3.campaigns.get(id);
	}

	/** Every v3 campaign, removed ones too. */
	v3Campaigns(): ReadonlyDeep<V3Campaign>[] {
		return [...this.state.v3.campaigns.values()];
	}

	/** A v3 campaign activity (primary email or permalink) by `campaign_activity_id`. */
	v3Activity(id: string): ReadonlyDeep<V3Activity> | undefined {
		return this.state.v3.activities.get(id);
	}

	/** The v3 ids of a v2 campaign (what `GET /emails/campaign_id_xrefs` answers). */
	xref(v2CampaignId: string): { campaign_id: string; campaign_activity_id: string } | undefined {
		const x = this.state.v3.xrefs.get(v2CampaignId);
		return x && { ...x };
	}

	/** A v2 campaign by id (deleted ones too). */
	v2Campaign(id: string): ReadonlyDeep<V2Campaign> | undefined {
		return this.state.v2.campaigns.get(id);
	}

	/** Every v2 campaign, deleted ones too. */
	v2Campaigns(): ReadonlyDeep<V2Campaign>[] {
		return [...this.state.v2.campaigns.values()];
	}

	/** The schedule of a v2 campaign (only a SCHEDULED one has one). */
	v2Schedule(campaignId: string): ReadonlyDeep<{ id: string; scheduled_date: string }> | undefined {
		return this.state.v2.schedules.get(campaignId);
	}

	/** A contact list by its v3 `list_id` or its v2 id (deleted ones too: `deleted_at`). */
	contactList(id: string): ReadonlyDeep<ContactList> | undefined {
		const st = this.state;
		return st.v3.lists.get(id) ?? st.v2.lists.get(id);
	}

	/** Every contact list (the same records for both APIs), deleted ones too. */
	contactLists(): ReadonlyDeep<ContactList>[] {
		return [...this.state.v3.lists.values()];
	}

	/** A contact by its v3 `contact_id`. */
	contact(id: string): ReadonlyDeep<Contact> | undefined {
		return this.state.contacts.get(id);
	}

	/** Every contact (`status: 'deleted'` ones too). */
	contacts(): ReadonlyDeep<Contact>[] {
		return [...this.state.contacts.values()];
	}

	/** The contact with this email address (case-insensitive), deleted ones too. */
	contactByEmail(email: string): ReadonlyDeep<Contact> | undefined {
		const wanted = email.toLowerCase();
		return this.contacts().find((c) => c.email.toLowerCase() === wanted);
	}

	/** The account's custom fields (`name` is what `cf:<name>` uses). */
	customFields(): ReadonlyDeep<CustomField>[] {
		return [...this.state.customFields.values()];
	}

	/** The account's tags. */
	tags(): ReadonlyDeep<Tag>[] {
		return [...this.state.tags.values()];
	}

	/** A bulk activity (`/v3/activities`) by `activity_id`, as far as the sandbox clock has moved it. */
	activity(id: string): ReadonlyDeep<BulkActivity> | undefined {
		return this.state.bulk.activities.get(id);
	}

	/** Every bulk activity, oldest first. */
	activities(): ReadonlyDeep<BulkActivity>[] {
		return [...this.state.bulk.activities.values()];
	}

	/** The account's verified sender addresses (the first is a fixture's, always confirmed). */
	verifiedEmails(): string[] {
		return this.state.account.verifiedEmails.map((v) => v.email_address);
	}

	/** Every simulated delivery, both APIs, in order. */
	sendLog(): ReadonlyArray<ReadonlyDeep<SendRecord>> {
		return this.state.sendLog;
	}

	/* ------------------------------------------------------------ bench helpers (bench/) */

	/**
	 * Bench helper: one v2 campaign sent a day ago to `n` recipients, with its send records
	 * created directly (recipients are not contacts of the account), so its `sends` tracking
	 * report has `n` rows. Returns the campaign id.
	 */
	bulkSentV2Campaign(n: number, name = 'Bulk sent v2 campaign'): string {
		const st = this._state;
		const [seeded] = this.seeding.draftCampaigns('v2', 1, { prefix: name });
		const campaign = st.v2.campaigns.get(seeded.campaignId)!;
		const sentAt = this.clock.now() - 86_400_000;
		for (let i = 0; i < n; i++) {
			const record = {
				api: 'v2' as const,
				campaignId: campaign.id,
				contactId: String(900_000_001 + i),
				email: `bulk.recipient.${i + 1}@example.com`,
				listIds: [],
				sendId: 1,
				sentAt,
			};
			campaign.sendLog.push(record);
			st.sendLog.push(record);
		}
		campaign.runs.push({
			send_id: 1,
			contact_list_ids: [],
			segment_ids: [],
			count: n,
			run_date: iso(sentAt),
			send_status: 'COMPLETED',
			reason_code: 0,
		});
		campaign.status = 'SENT';
		campaign.data.status = 'SENT';
		campaign.data.last_run_date = iso(sentAt);
		campaign.data.tracking_summary.sends += n;
		return campaign.id;
	}

	/* ------------------------------------------------------------ end of bench helpers */

	reset(): void {
		this.offset = 0;
		this._state = this.freshState();
		this.requests.length = 0;
		this.maxBodyBytes.clear();
		this.contractViolations.length = 0;
		this.responseViolations.length = 0;
		this.faults = [];
		this.windows.clear();
		this.daily.clear();
		this.oauth.reset();
		this.knobs = this.initialKnobs();
		this.canned.clear();
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			for (const s of this.sockets) s.destroy();
		});
		await this.suiteRecord?.flush();
		await this.contract.close();
	}

	/* ------------------------------------------------------------ request pipeline */

	private log(line: string): void {
		this.opts.log?.(line);
	}

	private takeFault(api: string, method: string, path: string, after: boolean): Fault | undefined {
		for (const f of this.faults) {
			if (f.remaining <= 0) continue;
			if (!!f.afterProcessing !== after) continue;
			if (f.method && f.method.toUpperCase() !== method) continue;
			if (f.path && !f.path.test(path)) continue;
			f.remaining--;
			return f;
		}
		void api;
		return undefined;
	}

	private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const arrivedAt = Date.now();
		const u = new URL(req.url ?? '/', 'http://sandbox');
		const path = u.pathname;
		const query: Record<string, string> = {};
		for (const [k, v] of u.searchParams) query[k] = v;
		const headers: Record<string, string> = {};
		for (const [k, v] of Object.entries(req.headers))
			if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
		const method = (req.method ?? 'GET').toUpperCase();
		const chunks: Buffer[] = [];
		for await (const c of req) chunks.push(c as Buffer);
		const rawBytes = Buffer.concat(chunks);
		const rawBody = rawBytes.toString('utf8');

		const api: RecordedRequest['api'] | undefined = path.startsWith('/v2/')
			? 'v2'
			: path.startsWith('/v3/')
				? 'v3'
				: path.startsWith('/oauth2/default/v1/')
					? 'oauth'
					: undefined;
		const ct = (headers['content-type'] ?? '').toLowerCase();
		let body: unknown = undefined;
		let badJson = false;
		if (rawBody.length) {
			if (ct.includes('json')) {
				try {
					body = JSON.parse(rawBody);
				} catch {
					body = rawBody;
					badJson = true;
				}
			} else if (ct.startsWith('application/x-www-form-urlencoded'))
				body = Object.fromEntries(new URLSearchParams(rawBody));
			else body = rawBody;
		}
		const rec: RecordedRequest = {
			api: api ?? 'v3',
			method,
			path,
			query,
			headers,
			body,
			bodyBytes: rawBytes.length,
			status: 0,
			arrivedAt,
			respondedAt: 0,
		};
		if (api) {
			this.requests.push(rec);
			const key = `${method} ${path}`;
			this.maxBodyBytes.set(key, Math.max(this.maxBodyBytes.get(key) ?? 0, rawBytes.length));
		}

		const finish = async (reply: Reply | 'reset'): Promise<void> => {
			if (api) this.suiteRecord?.request(api, rec, reply);
			const latency = this.knobs.latencyMs;
			if (latency > 0) await pause(latency);
			rec.respondedAt = Date.now();
			if (reply === 'reset') {
				rec.status = 0;
				this.log(`${method} ${path} -> connection reset`);
				req.socket.destroy();
				return;
			}
			rec.status = reply.status;
			const h: Record<string, string> = { ...(reply.headers ?? {}) };
			let payload = '';
			if (reply.raw !== undefined) {
				payload = reply.raw;
				h['content-type'] = reply.contentType ?? 'text/plain';
			} else if (reply.body !== undefined && reply.status !== 204) {
				payload = JSON.stringify(reply.body);
				h['content-type'] = 'application/json';
			}
			h['content-length'] = String(Buffer.byteLength(payload));
			res.writeHead(reply.status, h);
			res.end(payload);
			this.log(`${method} ${path} -> ${reply.status} (${rec.respondedAt - arrivedAt} ms)`);
		};

		if (!api)
			return finish(
				this.canned.take(method, path, query) ?? {
					status: 404,
					body: [{ error_key: 'http.status.not_found', error_message: `No such resource: ${path}` }],
				},
			);
		this.tick();
		try {
			await finish(await this.pipeline(api, method, path, query, headers, body, rawBody, badJson, arrivedAt, rec));
		} catch (e) {
			this.log(`${method} ${path} -> internal sandbox error: ${(e as Error).message}`);
			await finish(
				api === 'oauth'
					? { status: 500, body: { error: 'server_error', error_description: 'Internal error' } }
					: apiError(500, 'http.status.internal_error', 'Internal server error occurred'),
			);
		}
	}

	private errorReply(api: string, status: number): Reply {
		if (api === 'oauth')
			return { status, body: { error: 'server_error', error_description: FIVE_XX_TEXT[status] ?? `HTTP ${status}` } };
		const text = FIVE_XX_TEXT[status] ?? http.STATUS_CODES[status] ?? `HTTP ${status}`;
		const key =
			api === 'v2'
				? status === 500
					? 'http.status.internal_error'
					: `http.status.${String(http.STATUS_CODES[status] ?? status)
							.toLowerCase()
							.replace(/\s+/g, '_')}`
				: status >= 500
					? 'server_error'
					: `http.status.${status}`;
		return apiError(status, key, text);
	}

	private throttleReply(api: string, daily: boolean): Reply {
		if (api === 'v2') {
			return daily
				? apiError(403, 'mashery.not.authorized.over.rate', 'Account Over Rate Limit')
				: apiError(403, 'mashery.not.authorized.over.qps', 'Account Over Queries Per Second Limit');
		}
		if (api === 'oauth')
			return { status: 429, body: { error: 'rate_limited', error_description: 'Too many requests' } };
		return daily
			? {
					status: 429,
					body: { error_key: 'quota_exceeded', error_message: 'Daily request quota exceeded. Try again tomorrow.' },
				}
			: {
					status: 429,
					body: { error_key: 'throttled', error_message: 'Too many requests. You exceeded the request rate limit.' },
				};
	}

	/** Sliding-window + daily limit per credential. Only accepted requests count. */
	private rateLimited(credential: string, nowWall: number): 'qps' | 'daily' | undefined {
		const lim = this.knobs.rateLimitPerSecond;
		const win = this.windows.get(credential) ?? [];
		while (win.length && nowWall - win[0] >= 1000) win.shift();
		if (lim !== false && win.length >= lim) return 'qps';
		const dl = this.knobs.dailyLimit;
		const day = iso(this.clock.now()).slice(0, 10);
		let d = this.daily.get(credential);
		if (!d || d.day !== day) this.daily.set(credential, (d = { day, n: 0 }));
		if (dl !== false && d.n >= dl) return 'daily';
		win.push(nowWall);
		this.windows.set(credential, win);
		d.n++;
		return undefined;
	}

	private async pipeline(
		api: 'v2' | 'v3' | 'oauth',
		method: string,
		path: string,
		query: Record<string, string>,
		headers: Record<string, string>,
		body: unknown,
		rawBody: string,
		badJson: boolean,
		arrivedAt: number,
		handled: Pick<RecordedRequest, 'handledStatus' | 'refused'>,
	): Promise<Reply | 'reset'> {
		// random chaos
		if (this.knobs.resetRate > 0 && Math.random() < this.knobs.resetRate) return 'reset';
		if (this.knobs.serverErrorRate > 0 && Math.random() < this.knobs.serverErrorRate) {
			return this.errorReply(api, FIVE_XX[Math.floor(Math.random() * FIVE_XX.length)]);
		}
		const before = this.takeFault(api, method, path, false);
		if (before?.kind === 'stall') await pause(before.ms ?? 60_000);
		else if (before) {
			if (before.kind === 'reset') return 'reset';
			if (before.kind === '5xx') return this.errorReply(api, before.status ?? 503);
			if (before.kind === 'status') return this.errorReply(api, before.status ?? 500);
			if (before.kind === 'throttle') return this.throttleReply(api, false);
		}

		const prefixLen = api === 'oauth' ? '/oauth2/default/v1'.length : 3;
		const rel = path.slice(prefixLen) || '/';
		const ctx: Ctx = {
			method,
			path: rel,
			segments: rel
				.split('/')
				.filter(Boolean)
				.map((s) => decodeURIComponent(s)),
			query,
			body,
			rawBody,
			headers,
			now: this.clock.now(),
			state: this._state,
		};

		let reply: Reply;
		if (api === 'oauth') reply = this.oauth.handle(ctx);
		else {
			// authentication
			const bearer = /^bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
			let credential: string;
			if (api === 'v2') {
				if (query.api_key !== this.secrets.v2ApiKey || bearer !== this.secrets.v2AccessToken) {
					return apiError(
						401,
						'http.status.unauthorized',
						'Unauthorized: an api_key query parameter and a valid Authorization: Bearer access token are required.',
					);
				}
				credential = `v2:${query.api_key}`;
			} else {
				const t = bearer ? this.oauth.check(bearer) : undefined;
				if (!t) return apiError(401, 'unauthorized', 'Unauthorized');
				credential = `v3:${t.clientId}`;
			}
			const limited = this.rateLimited(credential, arrivedAt);
			if (limited) {
				handled.refused = limited;
				return this.throttleReply(api, limited === 'daily');
			}
			const accept = headers.accept;
			const produces = producesOf(api, method, rel);
			if (accept && !produces.accepts.test(accept)) {
				return apiError(
					406,
					api === 'v2' ? 'http.status.not_acceptable' : 'not_acceptable',
					`Unsupported Accept Header value, must be ${produces.type}`,
				);
			}
			const ct = (headers['content-type'] ?? '').toLowerCase();
			if (rawBody.length && !ct.includes('application/json')) {
				return apiError(
					415,
					api === 'v2' ? 'http.status.unsupported_media_type' : 'unsupported_media_type',
					`Unsupported Content-Type '${headers['content-type'] ?? ''}': the request body must be application/json.`,
				);
			}
			if (badJson)
				return apiError(
					400,
					api === 'v2' ? 'json.payload.invalid' : 'json.payload.invalid',
					'The request body is not valid JSON.',
				);
			if (api === 'v3') {
				const check = await this.contract.validateRequest(method.toLowerCase(), rel, query, body, headers);
				if (!check.matched) return apiError(404, 'http.status.not_found', `No such resource: ${method} ${path}`);
				if (check.errors) {
					this.contractViolations.push({ method, path, errors: check.errors.map((e) => e.message) });
					this.log(`contract violation: ${method} ${path}: ${check.errors.map((e) => e.message).join('; ')}`);
					return { status: 400, body: check.errors.map((e) => ({ error_key: e.key, error_message: e.message })) };
				}
			}
			try {
				reply = this.canned.take(method, path, query) ?? (api === 'v2' ? handleV2(ctx) : handleV3(ctx));
			} catch (e) {
				if (e instanceof HttpError) reply = e.reply;
				else throw e;
			}
			this.tick();
			if (api === 'v3' && reply.status < 300) {
				const errs = await this.contract.validateResponse(
					method.toLowerCase(),
					rel,
					reply.status,
					reply.body ?? reply.raw,
				);
				if (errs.length) this.responseViolations.push({ method, path, status: reply.status, errors: errs });
			}
		}
		handled.handledStatus = reply.status;
		// Not for the token endpoint: a lost refresh answer would burn the rotating refresh token.
		if (api !== 'oauth' && this.knobs.lostAnswerRate > 0 && Math.random() < this.knobs.lostAnswerRate) {
			return Math.random() < 0.5 ? 'reset' : this.errorReply(api, 503);
		}
		const after = this.takeFault(api, method, path, true);
		if (after?.kind === 'stall') await pause(after.ms ?? 60_000);
		else if (after) {
			if (after.kind === 'reset') return 'reset';
			if (after.kind === '5xx' || after.kind === 'status')
				return this.errorReply(api, after.status ?? (after.kind === '5xx' ? 503 : 500));
			if (after.kind === 'throttle') return this.throttleReply(api, false);
		}
		return reply;
	}
}
