import { type INode, type JsonObject, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { nextUtcMidnight } from '../helpers/dates';
import { REQUEST_TIMEOUT_MS, REQUESTS_PER_DAY } from '../helpers/limits';
import type { ApiStyle } from './apiStyles';

/** What went wrong with one HTTP attempt, dug out of whatever n8n-core threw. */
export interface Failure {
	status?: number;
	body?: unknown;
	/** A network error code such as ECONNRESET, when no answer came back. */
	code?: string;
	message: string;
}

const NETWORK_CODES = ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN'];

export function describeFailure(error: unknown): Failure {
	const failure: Failure = { message: error instanceof Error ? error.message : String(error) };
	// n8n wraps the HTTP client's error: 2.x in NodeApiError.cause, 1.x in .errorResponse.
	const queue: unknown[] = [error];
	for (let seen = 0; queue.length && seen < 8; seen++) {
		const e = queue.shift() as (JsonObject & { response?: { status?: number; data?: unknown } }) | undefined;
		if (!e || typeof e !== 'object') continue;
		if (failure.status === undefined && typeof e.response?.status === 'number') {
			failure.status = e.response.status;
			failure.body = e.response.data;
		}
		if (failure.status === undefined && typeof e.statusCode === 'number') failure.status = e.statusCode;
		const code = typeof e.code === 'string' ? e.code : undefined;
		if (!failure.code && code && NETWORK_CODES.includes(code)) failure.code = code;
		queue.push((e as { cause?: unknown }).cause, e.errorResponse);
	}
	// n8n 1.x keeps only the status code, as text.
	const httpCode = Number((error as { httpCode?: unknown } | undefined)?.httpCode);
	if (failure.status === undefined && Number.isInteger(httpCode) && httpCode >= 400) failure.status = httpCode;
	if (!failure.code && failure.status === undefined) failure.code = networkCodeIn(error);
	return failure;
}

/** n8n 1.x replaces a network error's message with its own text; the original is in `messages`. */
function networkCodeIn(error: unknown): string | undefined {
	const e = (error ?? {}) as { message?: unknown; messages?: unknown };
	const texts = [e.message, ...(Array.isArray(e.messages) ? e.messages : [])].map(String).join(' ');
	if (/socket hang up/i.test(texts)) return 'ECONNRESET';
	if (/timeout of \d+ms exceeded|connection was aborted/i.test(texts)) return 'ECONNABORTED';
	return NETWORK_CODES.find((code) => texts.includes(code));
}

const REFRESH_FAILED = /invalid_grant|authorization grant|needs to be reconnected|no refresh token/i;

/** The OAuth2 token could not be refreshed (n8n 1.x words it as the OAuth library does). */
export function isRefreshFailure(error: unknown): boolean {
	return error instanceof Error && REFRESH_FAILED.test(error.message);
}

// Token-shaped only (16+ characters), so the API's prose ("Bearer access token") stays readable.
const SECRET_PATTERNS = [/(api_key=)[\w\-.~%]+/gi, /(Bearer\s+)[\w\-.~+/=]{16,}/gi];

/** Removes every known secret and anything shaped like an api_key or bearer token. */
export function redact(text: string, secrets: string[]): string {
	let clean = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) clean = clean.split(secret).join('***');
	}
	for (const pattern of SECRET_PATTERNS) clean = clean.replace(pattern, '$1***');
	return clean;
}

export interface ErrorContext {
	method: string;
	path: string;
	notFound?: string;
	/** The operation's own hint by HTTP status, before the general ones. */
	hints?: Partial<Record<number, string>>;
	itemIndex?: number;
	secrets: string[];
	attempts: number;
	/** The credential's pace (0: not paced). */
	requestsPerSecond: number;
	/** The credential's "Retry Rate-Limited Requests For", and how long this request was retried for it. */
	throttleRetryMs?: number;
	throttledForMs?: number;
	/** A POST whose answer was lost and that could not be checked: it may have been processed. */
	outcomeUnknown?: boolean;
}

const FORMAT_HINT =
	'The request used a format Constant Contact does not accept. Please report this as a bug in the Constant Contact ' +
	'node.';

/** What to do about an answer with this HTTP status, when nothing more specific applies. */
const STATUS_HINTS: Record<number, (style: ApiStyle, context: ErrorContext) => string> = {
	400: () => 'Constant Contact rejected the values sent. Fix the field the message names and run again.',
	401: (style) => style.authHint,
	403: (style) =>
		style.version === 'v3'
			? 'The credential lacks a scope this needs (account_read, campaign_data, contact_data) or the account plan or ' +
				'user role does not allow it. Reconnect the credential with those scopes, or ask the account owner.'
			: 'The API key is not allowed to do this for the account (user role or plan). Ask the account owner.',
	404: (_style, context) => context.notFound ?? `Nothing was found at ${context.path}: check the ID.`,
	406: () => FORMAT_HINT,
	415: () => FORMAT_HINT,
	409: () =>
		'An object with this name already exists. Campaign and list names must be unique: add a date or number to the ' +
		'name.',
};

function hintFor(style: ApiStyle, failure: Failure, context: ErrorContext): string {
	const { status, body } = failure;
	if (context.outcomeUnknown) return outcomeUnknownHint(status);
	if (status === undefined) {
		return (
			`Constant Contact could not be reached after ${context.attempts} attempt(s). ` +
			'Check the network and the Base URL of the credential.'
		);
	}
	if (style.isQuotaExceeded(status, body)) return quotaHint();
	if (style.isThrottled(status, body)) return throttledHint(context);
	const own = context.hints?.[status];
	if (own) return own;
	const hint = STATUS_HINTS[status];
	if (hint) return hint(style, context);
	return status >= 500
		? `Constant Contact had an internal problem (HTTP ${status}). Try again later.`
		: `Constant Contact answered HTTP ${status}.`;
}

function outcomeUnknownHint(status: number | undefined): string {
	const what =
		status === undefined
			? 'The connection broke before Constant Contact answered'
			: `Constant Contact answered with an internal error (HTTP ${status})`;
	return (
		`${what}, so it is not known whether the request was processed. Check in Constant Contact before running this ` +
		`item again.`
	);
}

function throttledHint(context: ErrorContext): string {
	const pace =
		context.requestsPerSecond > 0
			? `the credential's ${context.requestsPerSecond} per second`
			: 'its rate limit (the credential does not pace requests: Requests per Second is 0)';
	const retried =
		context.throttleRetryMs === 0
			? ' (the credential\'s "Retry Rate-Limited Requests For" is 0: no retry)'
			: `, even after retrying for ${Math.round((context.throttledForMs ?? 0) / 1000)} s (the credential's ` +
				'"Retry Rate-Limited Requests For")';
	return (
		`Constant Contact kept refusing requests for going over ${pace}${retried}. Other workflows, n8n workers or ` +
		'apps are using the same account: raise "Retry Rate-Limited Requests For", or lower their Requests per Second.'
	);
}

/** The daily quota is not retried: it starts again at midnight UTC. */
function quotaHint(): string {
	const reset = nextUtcMidnight();
	return (
		`The daily quota of ${REQUESTS_PER_DAY.toLocaleString('en-US')} requests for this key or application is used ` +
		`up, so the request was not retried. It resets at midnight UTC (${reset.at}, in ${reset.in}): run again then, ` +
		'or spread the work over several days.'
	);
}

// In words: n8n replaces a message that names a network code with its own generic text.
const NO_ANSWER_REASONS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: `no answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`,
	EPIPE: 'the connection broke',
	EAI_AGAIN: 'the host name could not be looked up',
};

function noAnswerReason(failure: Failure): string {
	return (failure.code && NO_ANSWER_REASONS[failure.code]) || failure.message;
}

export function toNodeApiError(node: INode, style: ApiStyle, failure: Failure, context: ErrorContext): NodeApiError {
	const apiMessages = style.errorMessages(failure.body);
	const message =
		failure.status === undefined
			? `Could not get an answer from Constant Contact: ${noAnswerReason(failure)}`
			: apiMessages.length > 0
				? apiMessages.join('; ')
				: `Constant Contact answered HTTP ${failure.status} to ${context.method} ${context.path}`;
	const errorResponse: JsonObject = {
		httpCode: failure.status === undefined ? null : String(failure.status),
		api: style.version,
		request: `${context.method} ${context.path}`,
		errors: JSON.parse(redact(JSON.stringify(failure.body ?? null), context.secrets)),
	};
	if (failure.code) errorResponse.networkError = failure.code;
	return new NodeApiError(node, errorResponse, {
		message: redact(message, context.secrets),
		description: redact(hintFor(style, failure, context), context.secrets),
		httpCode: failure.status === undefined ? undefined : String(failure.status),
		itemIndex: context.itemIndex,
	});
}

/** Errors leave the node as n8n errors that name the item, whatever threw them. */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined) error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}
