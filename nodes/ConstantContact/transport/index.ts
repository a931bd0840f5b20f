import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
} from 'n8n-workflow';

import type { ApiVersion } from '../helpers/types';
import { apiStyles, type ApiStyle, type PageRequest } from './apiStyles';
import { asNodeError, describeFailure, isRefreshFailure, redact, toNodeApiError, type Failure } from './errors';
import { DEFAULT_REQUESTS_PER_SECOND } from '../../../credentials/requestsPerSecond';
import { limiterFor } from './rateLimiter';
import { isRetryable, MAX_ATTEMPTS, retryDelayMs } from './retry';

export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface RequestOptions {
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	/** Follow this link from a previous answer instead of `endpoint` (pagination). */
	link?: string;
	/** What to tell the user on a 404, e.g. 'No campaign with ID "x" exists in this account.' */
	notFound?: string;
	itemIndex?: number;
	/** A POST with the same effect however often it is sent (create-or-update): retried like a PUT. */
	repeatable?: boolean;
	/**
	 * For a POST that must not happen twice: after its answer was lost (no answer, or a 5xx),
	 * finds out from Constant Contact whether it was processed. Undefined: cannot tell.
	 */
	verify?: () => Promise<Outcome | undefined>;
}

export type Outcome = { processed: true; result: unknown } | { processed: false };

interface Connection {
	baseUrl: URL;
	secrets: string[];
	limiterKey: string;
	requestsPerSecond: number;
}

async function connect(ctx: ApiContext, style: ApiStyle): Promise<Connection> {
	const credentials = await ctx.getCredentials(style.credentialType);
	const raw = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	let baseUrl: URL;
	try {
		baseUrl = new URL(raw);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `The credential's Base URL is not a URL: "${raw}"`);
	}
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	const secrets = [
		credentials.apiKey,
		credentials.accessToken,
		credentials.clientSecret,
		token.access_token,
		token.refresh_token,
	].filter((s): s is string => typeof s === 'string' && s !== '');
	const credentialId = ctx.getNode().credentials?.[style.credentialType]?.id ?? 'unsaved';
	return {
		baseUrl,
		secrets,
		limiterKey: `${style.credentialType}:${credentialId}:${baseUrl.href}`,
		requestsPerSecond: readRequestsPerSecond(ctx, credentials.requestsPerSecond),
	};
}

// Credentials saved before the field existed have no value: they get the API's limit.
function readRequestsPerSecond(ctx: ApiContext, value: unknown): number {
	if (value === undefined || value === null || value === '') return DEFAULT_REQUESTS_PER_SECOND;
	const rate = Number(value);
	if (!Number.isFinite(rate) || rate < 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The credential's Requests per Second must be a number of 0 or more, not "${String(value)}"`,
		);
	}
	return rate;
}

/**
 * The Requests per Second of the node's credential for `api`, or undefined when it cannot be
 * read here (then each item's request reports why).
 */
export async function credentialRequestsPerSecond(this: IExecuteFunctions, api: ApiVersion): Promise<number | undefined> {
	try {
		const credentials = await this.getCredentials(apiStyles[api].credentialType);
		return readRequestsPerSecond(this, credentials.requestsPerSecond);
	} catch {
		return undefined;
	}
}

function targetUrl(ctx: ApiContext, connection: Connection, endpoint: string, link?: string): string {
	if (!link) return `${connection.baseUrl.href.replace(/\/+$/, '')}${endpoint}`;
	const url = new URL(link, connection.baseUrl);
	// Secrets go to the credential's host only, whatever a link says.
	if (url.origin !== connection.baseUrl.origin) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Refusing to follow a pagination link to another host (${url.origin})`,
		);
	}
	return url.href;
}

// n8n's HTTP client drops an empty object body, but an empty JSON object can mean something
// (v2: a schedule without a date sends at once), so it goes as text.
function jsonBody(body: RequestOptions['body']): RequestOptions['body'] | string {
	const empty = typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
	return empty ? '{}' : body;
}

// No answer within this time counts as a lost answer (retried, or checked for a create), so
// a stuck connection never holds a workflow. A page of 500 records comes back in seconds.
const REQUEST_TIMEOUT_MS = 30_000;

interface FullResponse {
	statusCode: number;
	body: unknown;
}

/** The one request helper: auth, rate limit, retries and error mapping for both APIs. */
export async function apiRequest(
	this: ApiContext,
	api: ApiVersion,
	method: IHttpRequestMethods,
	endpoint: string,
	options: RequestOptions = {},
): Promise<unknown> {
	const style = apiStyles[api];
	const connection = await connect(this, style);
	const url = targetUrl(this, connection, endpoint, options.link);
	const path = new URL(url).pathname;
	const limiter = limiterFor(connection.limiterKey, connection.requestsPerSecond);
	const request = (answerErrors: boolean): IHttpRequestOptions => ({
		method,
		url,
		qs: options.qs ? { ...options.qs } : undefined,
		body: jsonBody(options.body),
		json: true,
		timeout: REQUEST_TIMEOUT_MS,
		headers: {
			Accept: 'application/json',
			...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		// Error answers come back as responses (status + the API's body) on every n8n line;
		// thrown errors lose the body on n8n 1.x.
		returnFullResponse: answerErrors,
		ignoreHttpStatusErrors: answerErrors,
	});
	// Each send takes its slot(s) from the limiter and reports when it is answered.
	const send = async (answerErrors: boolean, slots = 1) => {
		const done: Array<() => void> = [];
		for (let n = 0; n < slots; n++) done.push(await limiter.acquire());
		try {
			return await this.helpers.httpRequestWithAuthentication.call(this, style.credentialType, request(answerErrors));
		} finally {
			for (const release of done) release();
		}
	};

	for (let attempt = 1; ; attempt++) {
		let failure: Failure;
		try {
			const response = (await send(true)) as FullResponse;
			if (response.statusCode < 400) return response.body;
			if (response.statusCode === 401 && style.version === 'v3') {
				// The access token expired. n8n refreshes it when a request *throws* 401, then sends
				// the request once more: repeat it that way, with a slot for n8n's extra request.
				// A 401 proves the first one was not processed, so this is safe for a POST too.
				return await send(false, 2);
			}
			failure = { status: response.statusCode, body: response.body, message: `HTTP ${response.statusCode}` };
		} catch (error) {
			failure = describeFailure(error);
			// Not an HTTP failure (e.g. n8n's own "the credential needs to be reconnected"): its
			// message is already the right one.
			if (failure.status === undefined && failure.code === undefined) {
				if (style.version === 'v3' && isRefreshFailure(error)) {
					const message = redact(error.message, connection.secrets);
					throw new NodeOperationError(this.getNode(), /needs to be reconnected/i.test(message) ? message : `The Constant Contact credential needs to be reconnected: ${message}`, {
						description: style.authHint,
						itemIndex: options.itemIndex,
					});
				}
				throw asNodeError(this.getNode(), error, options.itemIndex);
			}
		}
		let retryAs = options.repeatable ? 'PUT' : method;
		let outcomeUnknown = method === 'POST' && !options.repeatable && answerLost(failure);
		if (outcomeUnknown && options.verify) {
			const outcome = await options.verify().catch(() => undefined);
			if (outcome?.processed) return outcome.result;
			if (outcome) {
				// Proven not processed: as safe to send again as any idempotent request.
				outcomeUnknown = false;
				retryAs = 'PUT';
			}
		}
		if (attempt < MAX_ATTEMPTS && isRetryable(style, retryAs, failure)) {
			const delay = retryDelayMs(style, failure, attempt);
			this.logger.debug(
				`Constant Contact ${method} ${path}: ${failure.status ?? failure.code}, retry ${attempt} in ${delay} ms`,
			);
			await sleep(delay);
			continue;
		}
		throw toNodeApiError(this.getNode(), style, failure, {
			method,
			path,
			notFound: options.notFound,
			itemIndex: options.itemIndex,
			secrets: connection.secrets,
			attempts: attempt,
			outcomeUnknown,
		});
	}
}

/** No answer, or a server error: the request may or may not have been processed. */
function answerLost(failure: Failure): boolean {
	return failure.status === undefined ? failure.code !== undefined : failure.status >= 500;
}

export interface ListOptions {
	qs?: IDataObject;
	/** Where the records are in a v3 page (`campaigns`, `lists`...); v2 pages use `results`. */
	itemsKey: string;
	/** Stop after this many records; undefined = all. */
	limit?: number;
	/** Records to skip (counted neither against the limit nor in the output). */
	keep?: (record: IDataObject) => boolean;
	/** What to tell the user on a 404 (e.g. the activity of a report does not exist). */
	notFound?: string;
	itemIndex?: number;
}

const MAX_PAGE_SIZE = 500;

export interface Page {
	records: IDataObject[];
	next?: PageRequest;
}

/** One page of a listing; `next` is how to ask for the following one, in the API's own style. */
export async function apiRequestPage(
	this: ApiContext,
	api: ApiVersion,
	endpoint: string,
	page: PageRequest,
	itemsKey: string,
	itemIndex?: number,
	notFound?: string,
): Promise<Page> {
	const style = apiStyles[api];
	const body = ((await apiRequest.call(this, api, 'GET', page.endpoint ?? endpoint, {
		qs: page.qs,
		link: page.link,
		notFound,
		itemIndex,
	})) ?? {}) as IDataObject;
	return { records: style.items(body, itemsKey), next: style.nextPage(body, endpoint) };
}

/** The one pagination loop for both APIs. */
export async function apiRequestAllItems(
	this: ApiContext,
	api: ApiVersion,
	endpoint: string,
	options: ListOptions,
): Promise<IDataObject[]> {
	const wanted = options.limit ?? Infinity;
	const records: IDataObject[] = [];
	let request: PageRequest | undefined = {
		endpoint,
		qs: { ...options.qs, limit: Math.min(wanted, MAX_PAGE_SIZE) },
	};
	while (request && records.length < wanted) {
		const page: Page = await apiRequestPage.call(
			this,
			api,
			endpoint,
			request,
			options.itemsKey,
			options.itemIndex,
			options.notFound,
		);
		for (const record of page.records) {
			if (records.length >= wanted) break;
			if (!options.keep || options.keep(record)) records.push(record);
		}
		request = page.next;
	}
	return records;
}

export type { PageRequest };
export { redact };
