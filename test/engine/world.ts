import { runNode, type RunNodeOptions, type RunResult } from '../harness';
import { DEFAULT_SCOPE, Sandbox, type SandboxOptions } from '../sandbox';

/** A resource locator value as saved workflows hold it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

export const v3 = { authentication: 'oAuth2' };
export const v2 = { authentication: 'apiKey' };

/** A sandbox plus credentials for both APIs pointing at it: what a test user has. */
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

	v3ListIds(): string[] {
		return [...this.sandbox.state.v3.lists.values()].filter((l) => !l.deleted_at).map((l) => l.list_id);
	}

	v2ListIds(): string[] {
		return [...this.sandbox.state.v2.lists.keys()];
	}

	verifiedEmail(): string {
		return this.sandbox.state.account.verifiedEmails[0].email_address;
	}

	async close(): Promise<void> {
		await this.sandbox.close();
	}
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
