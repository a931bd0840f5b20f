import { type IDataObject, type IHttpRequestMethods, type IHttpRequestOptions, NodeOperationError } from 'n8n-workflow';

import { REQUEST_TIMEOUT_MS } from '../helpers/limits';
import type { ApiContext, Connection } from './connection';
import { asNodeError, describeFailure, type Failure, isRefreshFailure, redact } from './errors';
import type { Verdict } from './rateLimiter';

export interface SendOptions {
	/** A JSON body: an object, or text that is already JSON (sent as it is, e.g. after measuring its size). */
	body?: IDataObject | IDataObject[] | string;
	qs?: IDataObject;
	itemIndex?: number;
	/** Ask for this text format instead of JSON (e.g. 'text/csv'); the answer is the text. */
	accept?: string;
}

/** What one attempt came to: the API's answer, or a failure for the retry policy to judge. */
export type Answer = { kind: 'answered'; body: unknown } | { kind: 'failed'; failure: Failure };

interface FullResponse {
	statusCode: number;
	body: unknown;
}

/** One attempt, paced by the credential's limiter. Errors that are not HTTP failures are thrown. */
export async function sendOnce(
	ctx: ApiContext,
	connection: Connection,
	method: IHttpRequestMethods,
	options: SendOptions,
): Promise<Answer> {
	try {
		const response = (await send(ctx, connection, request(connection, method, options, true))) as FullResponse;
		if (response.statusCode < 400) return { kind: 'answered', body: response.body };
		// Only the v3 (OAuth2) access token expires; a v2 401 is a revoked token.
		if (response.statusCode === 401 && connection.style.version === 'v3') {
			return { kind: 'answered', body: await sendAfterRefresh(ctx, connection, method, options) };
		}
		return {
			kind: 'failed',
			failure: { status: response.statusCode, body: response.body, message: `HTTP ${response.statusCode}` },
		};
	} catch (error) {
		const failure = describeFailure(error);
		if (failure.status !== undefined || failure.code !== undefined) return { kind: 'failed', failure };
		// Not an HTTP failure (e.g. n8n's own "the credential needs to be reconnected"): its
		// message is already the right one.
		throw notHttp(ctx, connection, error, options.itemIndex);
	}
}

/**
 * After a 401: n8n refreshes the access token when a request *throws* 401, then sends it once
 * more, so the request is repeated that way, with a slot for n8n's extra request. A 401 proves
 * the first one was not processed, so this is safe for a POST too.
 */
async function sendAfterRefresh(
	ctx: ApiContext,
	connection: Connection,
	method: IHttpRequestMethods,
	options: SendOptions,
): Promise<unknown> {
	return await send(ctx, connection, request(connection, method, options, false), 2);
}

function notHttp(ctx: ApiContext, connection: Connection, error: unknown, itemIndex?: number): Error {
	if (connection.style.version !== 'v3' || !isRefreshFailure(error))
		return asNodeError(ctx.getNode(), error, itemIndex);
	const message = redact((error as Error).message, connection.secrets);
	return new NodeOperationError(
		ctx.getNode(),
		/needs to be reconnected/i.test(message)
			? message
			: `The Constant Contact credential needs to be reconnected: ${message}`,
		{ description: connection.style.authHint, itemIndex },
	);
}

async function send(
	ctx: ApiContext,
	connection: Connection,
	options: IHttpRequestOptions,
	slots = 1,
): Promise<unknown> {
	const done: Array<(verdict: Verdict) => void> = [];
	for (let n = 0; n < slots; n++) done.push(await connection.limiter.acquire());
	let verdict: Verdict = 'answered';
	// The refresh path gets a 429 as a thrown error: the limiter hears of it all the same.
	const noteFailure = async (error: unknown) => {
		const { status, body } = describeFailure(error);
		verdict = verdictOf(connection, { statusCode: status ?? 0, body });
		return await Promise.reject(error);
	};
	try {
		const response = await ctx.helpers.httpRequestWithAuthentication
			.call(ctx, connection.style.credentialType, options)
			.catch(noteFailure);
		if (options.returnFullResponse) verdict = verdictOf(connection, response as FullResponse);
		return response;
	} finally {
		for (const release of done) release(verdict);
	}
}

/** A refusal for rate tells the limiter that other clients share the account's limit. */
function verdictOf(connection: Connection, { statusCode, body }: FullResponse): Verdict {
	return connection.style.isThrottled(statusCode, body) ? 'throttled' : 'answered';
}

function request(
	connection: Connection,
	method: IHttpRequestMethods,
	options: SendOptions,
	answerErrors: boolean,
): IHttpRequestOptions {
	return {
		method,
		url: connection.url,
		qs: options.qs ? { ...options.qs } : undefined,
		body: jsonBody(options.body),
		json: options.accept === undefined,
		...(options.accept === undefined ? {} : { encoding: 'text' as const }),
		timeout: REQUEST_TIMEOUT_MS,
		headers: {
			Accept: options.accept ?? 'application/json',
			...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		// Error answers come back as responses (status + the API's body) on every n8n line;
		// thrown errors lose the body on n8n 1.x.
		returnFullResponse: answerErrors,
		ignoreHttpStatusErrors: answerErrors,
	};
}

// n8n's HTTP client drops an empty object body, but an empty JSON object can mean something
// (v2: a schedule without a date sends at once), so it goes as text.
function jsonBody(body: SendOptions['body']): SendOptions['body'] | string {
	const empty = typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
	return empty ? '{}' : body;
}
