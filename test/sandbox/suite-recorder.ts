/**
 * The sandbox's part of the suite record (test/suite/record.ts), active only while
 * CC_SUITE_RECORD_DIR is set (`npm test`): every v2 / v3 / OAuth request, each v3 request checked
 * against the v3 contract whatever the sandbox answered (a request refused for its token or its
 * rate is checked too), and every secret the sandbox holds or issues.
 */
import type { ContractCheck } from './contract';
import type { Reply } from './common';
import { appendRecord, recordDir, type RequestRecord, type SecretKind } from '../suite/record';

type Validate = (
	method: string,
	relPath: string,
	query: Record<string, string>,
	body: unknown,
	headers: Record<string, string>,
) => Promise<ContractCheck>;

interface SeenRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
}

interface TokenIssuer {
	issue(...args: never[]): { access_token: string; refresh_token: string };
}

export class SandboxSuiteRecorder {
	private readonly pending = new Set<Promise<void>>();

	private constructor(private readonly validate: Validate) {}

	/** undefined when the suite is not recording. */
	static fromEnv(validate: Validate): SandboxSuiteRecorder | undefined {
		return recordDir() ? new SandboxSuiteRecorder(validate) : undefined;
	}

	credentials(secrets: { v2ApiKey: string; v2AccessToken: string; clientId: string; clientSecret: string }): void {
		this.secret('v2ApiKey', secrets.v2ApiKey, true);
		this.secret('v2AccessToken', secrets.v2AccessToken, true);
		this.secret('clientSecret', secrets.clientSecret, true);
		// The client secret as an HTTP Basic header carries it (both encodings clients use).
		for (const pair of new Set([
			`${secrets.clientId}:${secrets.clientSecret}`,
			`${encodeURIComponent(secrets.clientId)}:${encodeURIComponent(secrets.clientSecret)}`,
		])) {
			this.secret('clientBasicAuth', Buffer.from(pair).toString('base64'), true);
		}
	}

	/** Records every token the OAuth server issues from now on (issueTokens and /token alike). */
	watchTokens(issuer: TokenIssuer): void {
		const issue = issuer.issue.bind(issuer);
		issuer.issue = ((...args: never[]) => {
			const tokens = issue(...args);
			this.secret('accessToken', tokens.access_token, false);
			if (tokens.refresh_token) this.secret('refreshToken', tokens.refresh_token, false);
			return tokens;
		}) as TokenIssuer['issue'];
	}

	/** One request and the sandbox's answer ('reset': the connection was dropped). */
	request(api: RequestRecord['api'], req: SeenRequest, reply: Reply | 'reset'): void {
		const base: RequestRecord = {
			api,
			client: /^n8n\b/i.test(req.headers['user-agent'] ?? '') ? 'n8n' : 'test',
			method: req.method,
			path: req.path,
			status: reply === 'reset' ? 0 : reply.status,
		};
		if (api !== 'v3') {
			appendRecord('requests', base);
			return;
		}
		const done = this.validate(
			req.method.toLowerCase(),
			req.path.slice('/v3'.length) || '/',
			req.query,
			req.body,
			req.headers,
		).then(
			(check) =>
				appendRecord('requests', {
					...base,
					operation: check.pathTemplate ? `${req.method} ${check.pathTemplate}` : undefined,
					operationId: check.operationId,
					valid: check.matched && !check.errors,
					errors: check.matched
						? check.errors?.map((e) => e.message)
						: ['no operation of the v3 contract matches this method and path'],
				}),
			(e: Error) =>
				appendRecord('requests', { ...base, valid: false, errors: [`the contract check itself failed: ${e.message}`] }),
		);
		this.pending.add(done);
		void done.finally(() => this.pending.delete(done));
	}

	/** Waits for the contract checks still running (before the contract worker is stopped). */
	async flush(): Promise<void> {
		await Promise.all([...this.pending]);
	}

	private secret(kind: SecretKind, value: string, fixed: boolean): void {
		if (value) appendRecord('secrets', { kind, value, fixed });
	}
}
