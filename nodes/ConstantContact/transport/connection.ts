import {
	type IDataObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	NodeOperationError,
} from 'n8n-workflow';

import { REQUESTS_PER_SECOND, THROTTLE_RETRY_SECONDS } from '../helpers/limits';
import type { ApiVersion } from '../helpers/types';
import { type ApiStyle, apiStyles } from './apiStyles';
import { type Limiter, limiterFor } from './rateLimiter';

export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** Where one request goes and what it may reveal: the credential's host, secrets and pace. */
export interface Connection {
	style: ApiStyle;
	url: string;
	/** The URL's path, for errors and logs (never its query: v2 puts the api_key there). */
	path: string;
	/** Every secret of the credential, removed from whatever the node reports. */
	secrets: string[];
	limiter: Limiter;
	requestsPerSecond: number;
	/** How long one request is retried after its first rate refusal. */
	throttleRetryMs: number;
}

/** Reads the credential and resolves `endpoint` (or a pagination `link`) against its Base URL. */
export async function connect(ctx: ApiContext, api: ApiVersion, endpoint: string, link?: string): Promise<Connection> {
	const style = apiStyles[api];
	const credentials = await ctx.getCredentials(style.credentialType);
	const baseUrl = readBaseUrl(ctx, credentials.baseUrl);
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	const secrets = [
		credentials.apiKey,
		credentials.accessToken,
		credentials.clientSecret,
		token.access_token,
		token.refresh_token,
	].filter((s): s is string => typeof s === 'string' && s !== '');
	const credentialId = ctx.getNode().credentials?.[style.credentialType]?.id ?? 'unsaved';
	const requestsPerSecond = readRequestsPerSecond(ctx, credentials.requestsPerSecond);
	const throttleRetryMs = readThrottleRetrySeconds(ctx, credentials.throttleRetrySeconds) * 1000;
	const url = targetUrl(ctx, baseUrl, endpoint, link);
	return {
		style,
		url,
		path: new URL(url).pathname,
		secrets,
		limiter: limiterFor(`${style.credentialType}:${credentialId}:${baseUrl.href}`, requestsPerSecond),
		requestsPerSecond,
		throttleRetryMs,
	};
}

function readBaseUrl(ctx: ApiContext, value: unknown): URL {
	const raw = String(value ?? '').replace(/\/+$/, '');
	try {
		return new URL(raw);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `The credential's Base URL is not a URL: "${raw}"`);
	}
}

function targetUrl(ctx: ApiContext, baseUrl: URL, endpoint: string, link?: string): string {
	if (!link) return `${baseUrl.href.replace(/\/+$/, '')}${endpoint}`;
	const url = new URL(link, baseUrl);
	// Secrets go to the credential's host only, whatever a link says.
	if (url.origin !== baseUrl.origin) {
		throw new NodeOperationError(ctx.getNode(), `Refusing to follow a pagination link to another host (${url.origin})`);
	}
	return url.href;
}

// Credentials saved before a field existed have no value: they get its default.
function readRequestsPerSecond(ctx: ApiContext, value: unknown): number {
	return readCredentialNumber(ctx, value, 'Requests per Second', REQUESTS_PER_SECOND);
}

function readThrottleRetrySeconds(ctx: ApiContext, value: unknown): number {
	return readCredentialNumber(ctx, value, 'Retry Rate-Limited Requests For', THROTTLE_RETRY_SECONDS);
}

function readCredentialNumber(ctx: ApiContext, value: unknown, field: string, fallback: number): number {
	if (value === undefined || value === null || value === '') return fallback;
	const number = Number(value);
	if (!Number.isFinite(number) || number < 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The credential's ${field} must be a number of 0 or more, not "${String(value)}"`,
		);
	}
	return number;
}

/**
 * The Requests per Second of the node's credential for `api`, or undefined when it cannot be
 * read here (then each item's request reports why).
 */
export async function credentialRequestsPerSecond(
	this: IExecuteFunctions,
	api: ApiVersion,
): Promise<number | undefined> {
	try {
		const credentials = await this.getCredentials(apiStyles[api].credentialType);
		return readRequestsPerSecond(this, credentials.requestsPerSecond);
	} catch {
		return undefined;
	}
}
