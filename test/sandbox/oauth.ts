/** OAuth2 authorization server (authorization code + PKCE, rotating refresh tokens) at /oauth2/default/v1. */
import * as crypto from 'crypto';
import type { Ctx, Reply } from './common';

export interface TokenSet {
	access_token: string;
	refresh_token: string;
	expires_in: number;
	token_type: 'Bearer';
	scope: string;
}

/** One use of a refresh token at the token endpoint. */
export interface RefreshTokenUse {
	/** A fingerprint of the token (sha256, 12 hex digits): equal for the same token, never the token itself. */
	token: string;
	/** Wall-clock ms. */
	at: number;
	granted: boolean;
	/** Why it was refused: 'used' (rotated away already), 'unknown', 'wrong_client'. */
	refusal?: 'used' | 'unknown' | 'wrong_client';
}

interface Code {
	clientId: string;
	redirectUri: string;
	scope: string;
	challenge?: string;
	method?: 'S256' | 'plain';
	expiresAt: number;
	used: boolean;
}

export class OAuthServer {
	readonly codes = new Map<string, Code>();
	readonly accessTokens = new Map<string, { clientId: string; scope: string; expiresAt: number }>();
	readonly refreshTokens = new Map<string, { clientId: string; scope: string; valid: boolean }>();
	/** Every refresh-token grant asked for, granted or not (see RefreshTokenUse). */
	readonly refreshUses: RefreshTokenUse[] = [];

	constructor(
		private readonly client: { clientId: string; clientSecret: string },
		private readonly ttlSeconds: () => number,
		private readonly now: () => number,
	) {}

	reset(): void {
		this.codes.clear();
		this.accessTokens.clear();
		this.refreshTokens.clear();
		this.refreshUses.length = 0;
	}

	/** The OAuth client (application) a valid access token belongs to, or undefined. */
	check(token: string): { clientId: string; scope: string } | undefined {
		const t = this.accessTokens.get(token);
		if (!t || t.expiresAt <= this.now()) return undefined;
		return t;
	}

	expireAll(): void {
		for (const t of this.accessTokens.values()) t.expiresAt = -Infinity;
	}

	issue(scope: string, ttlSeconds = this.ttlSeconds(), withRefresh = true): TokenSet & { refresh_token: string } {
		const access_token = 'sbx_at_' + crypto.randomBytes(24).toString('base64url');
		this.accessTokens.set(access_token, {
			clientId: this.client.clientId,
			scope,
			expiresAt: this.now() + ttlSeconds * 1000,
		});
		let refresh_token = '';
		if (withRefresh) {
			refresh_token = 'sbx_rt_' + crypto.randomBytes(24).toString('base64url');
			this.refreshTokens.set(refresh_token, { clientId: this.client.clientId, scope, valid: true });
		}
		return { access_token, token_type: 'Bearer', expires_in: ttlSeconds, refresh_token, scope };
	}

	handle(ctx: Ctx): Reply {
		const p = ctx.segments.join('/');
		if (p === 'authorize' && ctx.method === 'GET') return this.authorizePage(ctx.query);
		if (p === 'authorize' && ctx.method === 'POST') return this.approve(formOf(ctx));
		if (p === 'token' && ctx.method === 'POST') return this.token(ctx);
		return {
			status: 404,
			body: { error: 'not_found', error_description: `No such endpoint: ${ctx.method} /oauth2/default/v1/${p}` },
		};
	}

	private authorizePage(q: Record<string, string>): Reply {
		if (q.client_id !== this.client.clientId)
			return htmlPage(400, 'Error', `<p id="error">invalid_client: the client_id is not registered.</p>`);
		if (!q.redirect_uri) return htmlPage(400, 'Error', `<p id="error">invalid_request: redirect_uri is required.</p>`);
		if (q.response_type !== 'code')
			return redirect(q.redirect_uri, {
				error: 'unsupported_response_type',
				error_description: 'Only response_type=code is supported.',
				state: q.state,
			});
		if (q.code_challenge && q.code_challenge_method && !['S256', 'plain'].includes(q.code_challenge_method)) {
			return redirect(q.redirect_uri, {
				error: 'invalid_request',
				error_description: 'code_challenge_method must be S256 or plain.',
				state: q.state,
			});
		}
		const hidden = ['client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method']
			.filter((k) => q[k] !== undefined)
			.map((k) => `<input type="hidden" name="${k}" value="${esc(q[k])}">`)
			.join('\n');
		return htmlPage(
			200,
			'Constant Contact sandbox: authorize application',
			`<p>The application <b>${esc(q.client_id)}</b> asks for: <code id="scope">${esc(q.scope ?? '')}</code></p>
<form method="POST" action="/oauth2/default/v1/authorize">
${hidden}
<button type="submit" id="approve" name="decision" value="allow">Allow</button>
<button type="submit" id="deny" name="decision" value="deny">Deny</button>
</form>`,
		);
	}

	private approve(f: Record<string, string>): Reply {
		if (f.client_id !== this.client.clientId || !f.redirect_uri)
			return htmlPage(400, 'Error', '<p id="error">invalid_request</p>');
		if (f.decision === 'deny')
			return redirect(f.redirect_uri, {
				error: 'access_denied',
				error_description: 'The user denied the request.',
				state: f.state,
			});
		const code = crypto.randomBytes(18).toString('base64url');
		this.codes.set(code, {
			clientId: f.client_id,
			redirectUri: f.redirect_uri,
			scope: f.scope ?? '',
			challenge: f.code_challenge,
			method: f.code_challenge ? ((f.code_challenge_method as 'S256' | 'plain') ?? 'plain') : undefined,
			expiresAt: this.now() + 10 * 60 * 1000,
			used: false,
		});
		return redirect(f.redirect_uri, { code, state: f.state });
	}

	private token(ctx: Ctx): Reply {
		const ct = (ctx.headers['content-type'] ?? '').toLowerCase();
		if (!ct.startsWith('application/x-www-form-urlencoded'))
			return oauthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded.');
		const f = formOf(ctx);
		// client authentication: HTTP Basic or client_id/client_secret in the body
		let id = f.client_id;
		let secret = f.client_secret;
		const auth = ctx.headers.authorization ?? '';
		if (/^basic /i.test(auth)) {
			const dec = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
			const i = dec.indexOf(':');
			id = decodeURIComponent(dec.slice(0, i));
			secret = decodeURIComponent(dec.slice(i + 1));
		}
		if (id !== this.client.clientId || secret !== this.client.clientSecret) {
			return oauthError(401, 'invalid_client', 'Client authentication failed.');
		}
		if (f.grant_type === 'authorization_code') {
			const code = this.codes.get(f.code ?? '');
			if (!code || code.used || code.expiresAt <= this.now() || code.clientId !== id) {
				if (code) code.used = true;
				return oauthError(400, 'invalid_grant', 'The authorization code is invalid or expired.');
			}
			code.used = true; // single use, even when the rest of the request fails
			if (f.redirect_uri !== code.redirectUri)
				return oauthError(
					400,
					'invalid_grant',
					"The 'redirect_uri' does not match the redirection URI used in the authorization request.",
				);
			if (code.challenge) {
				if (!f.code_verifier)
					return oauthError(400, 'invalid_grant', 'PKCE verification failed: code_verifier is required.');
				const computed =
					code.method === 'S256'
						? crypto.createHash('sha256').update(f.code_verifier).digest('base64url')
						: f.code_verifier;
				if (computed !== code.challenge) return oauthError(400, 'invalid_grant', 'PKCE verification failed.');
			}
			return { status: 200, body: this.tokenBody(code.scope), headers: NO_STORE };
		}
		if (f.grant_type === 'refresh_token') {
			const rt = this.refreshTokens.get(f.refresh_token ?? '');
			const refusal = !rt ? 'unknown' : !rt.valid ? 'used' : rt.clientId !== id ? 'wrong_client' : undefined;
			this.refreshUses.push({ token: fingerprint(f.refresh_token ?? ''), at: Date.now(), granted: !refusal, refusal });
			if (!rt || refusal) return oauthError(400, 'invalid_grant', 'The refresh token is invalid or expired.');
			rt.valid = false; // rotation: a refresh token works once
			return { status: 200, body: this.tokenBody(rt.scope), headers: NO_STORE };
		}
		return oauthError(400, 'unsupported_grant_type', `grant_type '${f.grant_type ?? ''}' is not supported.`);
	}

	private tokenBody(scope: string): Record<string, unknown> {
		const offline = scope.split(/\s+/).includes('offline_access');
		const t = this.issue(scope, this.ttlSeconds(), offline);
		const body: Record<string, unknown> = {
			token_type: 'Bearer',
			expires_in: t.expires_in,
			access_token: t.access_token,
			scope,
		};
		if (offline) body.refresh_token = t.refresh_token;
		return body;
	}
}

const fingerprint = (token: string): string => crypto.createHash('sha256').update(token).digest('hex').slice(0, 12);

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

function formOf(ctx: Ctx): Record<string, string> {
	if (ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body)) return ctx.body as Record<string, string>;
	return Object.fromEntries(new URLSearchParams(ctx.rawBody));
}
const oauthError = (status: number, error: string, description: string): Reply => ({
	status,
	body: { error, error_description: description },
	headers: NO_STORE,
});
function redirect(uri: string, params: Record<string, string | undefined>): Reply {
	const u = new URL(uri);
	for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
	return { status: 302, headers: { location: u.toString() }, raw: '', contentType: 'text/plain' };
}
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
function htmlPage(status: number, title: string, body: string): Reply {
	return {
		status,
		contentType: 'text/html; charset=utf-8',
		raw: `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`,
	};
}
