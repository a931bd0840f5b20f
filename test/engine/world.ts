import { runNode, type RunNodeOptions, type RunResult } from '../harness';
import {
	DEFAULT_SCOPE,
	Sandbox,
	type Api,
	type ContactOptions,
	type DraftOptions,
	type DraftsOptions,
	type ListOptions,
	type SandboxOptions,
	type SeededCampaign,
	type SeededContact,
	type SeededCustomField,
	type SeededList,
	type SeededTag,
	type SeededSegment,
	type SegmentSpec,
	type SentCampaign,
	type SentOptions,
} from '../sandbox';

/** A resource locator value as saved workflows hold it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

export const v3 = { authentication: 'oAuth2' };
export const v2 = { authentication: 'apiKey' };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A parameter as an expression returning `value` (nested objects on separate lines: n8n's expressions end at the first "}}"). */
export const expression = (value: unknown) => `={{ ${JSON.stringify(value, null, 1)} }}`;

/** Campaign Activity -> `operation` on the activity `id`, with `extra` parameters. */
export const campaignActivity = (id: string, operation: string, extra: Record<string, unknown> = {}) => ({
	...v3,
	resource: 'campaignActivity',
	operation,
	campaignActivityId: byId(id),
	...extra,
});

/** Schedule -> Create for the activity `id`, with `extra` (`scheduleType`, `scheduledDate`, `options`). */
export const scheduleCreate = (id: string, extra: Record<string, unknown>) => ({
	...v3,
	resource: 'schedule',
	operation: 'create',
	campaignActivityId: byId(id),
	...extra,
});

/** The error of a failed run, with what an API error adds (`httpCode`, `description`). */
export const errorOf = (result: { error?: Error }) =>
	result.error as Error & { httpCode?: string; description?: string };

/**
 * A sandbox plus credentials for both APIs pointing at it: what a test user has. Set-up goes
 * through the sandbox's seeding API (`world.draftCampaign('v3')`, `world.addContacts(500, { lists })`,
 * ...), assertions read it through its reading API (`world.sandbox.v3Campaign(id)`, ...): no test
 * writes the sandbox's internal state.
 */
export class World {
	private constructor(readonly sandbox: Sandbox) {}

	static async start(options: SandboxOptions = {}): Promise<World> {
		return new World(await Sandbox.start(options));
	}

	v2Credentials(overrides: Record<string, unknown> = {}) {
		return {
			apiKey: this.sandbox.secrets.v2ApiKey,
			accessToken: this.sandbox.secrets.v2AccessToken,
			baseUrl: this.sandbox.v2BaseUrl,
			...overrides,
		};
	}

	v3Credentials(overrides: Record<string, unknown> = {}) {
		return {
			clientId: this.sandbox.secrets.clientId,
			clientSecret: this.sandbox.secrets.clientSecret,
			authServerUrl: this.sandbox.oauthBaseUrl,
			baseUrl: this.sandbox.v3BaseUrl,
			grantType: 'authorizationCode',
			scope: DEFAULT_SCOPE,
			oauthTokenData: this.sandbox.issueTokens(),
			...overrides,
		};
	}

	/** Runs the Constant Contact node once through n8n's engine. */
	async run(parameters: Record<string, unknown>, options: Partial<RunNodeOptions> = {}): Promise<RunResult> {
		return await runNode({
			parameters,
			credentials: { constantContactApi: this.v2Credentials(), constantContactOAuth2Api: this.v3Credentials() },
			...options,
		});
	}

	/** Requests the sandbox saw for a method and path pattern since `since` (an index into requests). */
	requests(method: string, path: RegExp, since = 0) {
		return this.sandbox.requests.slice(since).filter((r) => r.method === method && path.test(r.path));
	}

	/** Requests since `since`, without those refused for rate (429 / over-qps), which the node retries. */
	acceptedSince(since: number) {
		return this.sandbox.requests.slice(since).filter((r) => r.status !== 429 && !(r.status === 403 && r.api === 'v2'));
	}

	/** Like requests(), without those refused for rate. */
	accepted(method: string, path: RegExp, since = 0) {
		return this.acceptedSince(since).filter((r) => r.method === method && path.test(r.path));
	}

	get mark(): number {
		return this.sandbox.requests.length;
	}

	/* seeding: what the account holds before the node runs (see test/sandbox/seeding.ts) */

	/** `n` new contact lists, each with `options.contacts` new members (default none). */
	addLists(n: number, options?: ListOptions): SeededList[] {
		return this.sandbox.addLists(n, options);
	}

	/** `n` new contacts, members of `options.lists`. */
	addContacts(n: number, options?: ContactOptions): SeededContact[] {
		return this.sandbox.addContacts(n, options);
	}

	/** Custom fields of type string: `n` labelled "Custom field <k>", or one per label. */
	addCustomFields(what: number | string[]): SeededCustomField[] {
		return this.sandbox.addCustomFields(what);
	}

	/** Tags: `n` named "Tag <k>", or one per name. */
	addTags(what: number | string[]): SeededTag[] {
		return this.sandbox.addTags(what);
	}

	/** A draft campaign (v3: `activityId` is its primary email), addressed to `options.lists` if given. */
	draftCampaign<A extends Api>(api: A, options?: DraftOptions): SeededCampaign<A> {
		return this.sandbox.draftCampaign(api, options);
	}

	/** `n` draft campaigns named "<prefix> 1".."<prefix> n", newest last. */
	draftCampaigns<A extends Api>(api: A, n: number, options?: DraftsOptions): SeededCampaign<A>[] {
		return this.sandbox.draftCampaigns(api, n, options);
	}

	/** A campaign sent a day ago (`options.daysAgo`) to a new audience of `options.audience` contacts or to `options.lists`. */
	sentCampaign<A extends Api>(api: A, options: SentOptions): SentCampaign<A> {
		return this.sandbox.sentCampaign(api, options);
	}

	/** Segments: `n` named "Segment <k>" (every contact with an email), or one per `{ name?, criteria? }`. */
	addSegments(what: number | SegmentSpec[]): SeededSegment[] {
		return this.sandbox.addSegments(what);
	}

	/* reading */

	/** Every segment, deleted ones too (`deleted`). */
	segments() {
		return this.sandbox.segments();
	}

	/** A segment by `segment_id` (deleted ones too). */
	segment(id: number) {
		return this.sandbox.segment(id);
	}

	/** The contact ids a segment holds now. */
	segmentMembers(id: number): string[] {
		return this.sandbox.segmentMembers(id);
	}

	/** The resends to non-openers of an activity (`state`: draft, scheduled, sent, deleted; `sentTo` once sent). */
	resends(activityId: string) {
		return this.sandbox.resends(activityId);
	}

	/** The A/B test of an activity (`winner` once decided). */
	abTest(activityId: string) {
		return this.sandbox.abTest(activityId);
	}

	/** The v3 ids of the live contact lists. */
	v3ListIds(): string[] {
		return this.sandbox
			.contactLists()
			.filter((l) => !l.deleted_at)
			.map((l) => l.list_id);
	}

	/** The v2 ids of every contact list. */
	v2ListIds(): string[] {
		return this.sandbox.contactLists().map((l) => l.v2Id);
	}

	/** The account's custom fields. */
	customFields() {
		return this.sandbox.customFields();
	}

	/** The account's tags. */
	tags() {
		return this.sandbox.tags();
	}

	/** A bulk activity by `activity_id` (state, percent_done, status, activity_errors, ...). */
	activity(id: string) {
		return this.sandbox.activity(id);
	}

	/** Every bulk activity, oldest first. */
	activities() {
		return this.sandbox.activities();
	}

	/** A contact by its `contact_id`: `listIds`, `tagIds`, `custom_fields` (custom_field_id -> value), `status`. */
	contact(id: string) {
		return this.sandbox.contact(id);
	}

	/** The contact with this email address (case-insensitive), deleted ones too. */
	contactByEmail(email: string) {
		return this.sandbox.contactByEmail(email);
	}

	/** The largest request body the sandbox received for `METHOD /path` (e.g. `POST /v3/activities/contacts_json_import`), in bytes. */
	maxBodyBytes(methodAndPath: string): number {
		return this.sandbox.maxBodyBytes.get(methodAndPath) ?? 0;
	}

	verifiedEmail(): string {
		return this.sandbox.verifiedEmails()[0];
	}

	/** A raw v3 request (what the API itself says, not the node), waiting out the sandbox's 4/s limit. */
	async callV3(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
		const headers: Record<string, string> = {
			Authorization: `Bearer ${this.sandbox.issueTokens().access_token}`,
			Accept: 'application/json',
		};
		if (init.body !== undefined) headers['Content-Type'] = 'application/json';
		const request = () =>
			fetch(`${this.sandbox.v3BaseUrl}${path}`, {
				method: init.method ?? 'GET',
				headers,
				body: init.body === undefined ? undefined : JSON.stringify(init.body),
			});
		let response = await request();
		for (let tries = 0; response.status === 429 && tries < 10; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 300));
			response = await request();
		}
		return response;
	}

	async close(): Promise<void> {
		await this.sandbox.close();
	}
}

/**
 * The World of a test file: started before its tests, closed after them, and after each test
 * the sandbox must have seen no request or answer outside the contract. Use it as a World.
 */
export function useWorld(options: SandboxOptions = {}): World {
	let world: World | undefined;
	beforeAll(async () => {
		world = await World.start(options);
	});
	afterAll(async () => await world?.close());
	afterEach(() => {
		expect(world!.sandbox.contractViolations).toEqual([]);
		expect(world!.sandbox.responseViolations).toEqual([]);
	});
	return new Proxy({} as World, {
		get(_target, key) {
			if (!world) throw new Error('useWorld(): the World is there once beforeAll has run');
			const value = Reflect.get(world, key, world) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(world) : value;
		},
	});
}

/** The output json of a run that must have succeeded, with the error shown if it did not. */
export function jsonOf(result: RunResult): Array<Record<string, unknown>> {
	if (result.error) {
		const e = result.error as Error & { description?: string };
		throw new Error(`The node failed: ${e.message}${e.description ? ` (${e.description})` : ''}`);
	}
	return result.items.map((item) => item.json as Record<string, unknown>);
}

export function uniqueName(prefix: string): string {
	return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
