import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiStyles } from '../../nodes/ConstantContact/transport/apiStyles';
import {
	asNodeError,
	describeFailure,
	isRefreshFailure,
	redact,
	toNodeApiError,
	type ErrorContext,
	type Failure,
} from '../../nodes/ConstantContact/transport/errors';
import { node } from './context';

const { v2, v3 } = apiStyles;

describe('redact', () => {
	test('every known secret of 4+ characters, wherever it appears', () => {
		expect(redact('token abcd1234 and again abcd1234!', ['abcd1234'])).toBe('token *** and again ***!');
		expect(redact('k=KEY1 t=TOKEN22', ['KEY1', 'TOKEN22'])).toBe('k=*** t=***');
	});

	test('secrets shorter than 4 characters (or empty) are not looked for', () => {
		expect(redact('abc is here', ['abc', ''])).toBe('abc is here');
	});

	test('api_key in a URL or message, known or not, any case', () => {
		expect(redact('GET https://api.constantcontact.com/v2/lists?api_key=zz9xy&limit=5', [])).toBe(
			'GET https://api.constantcontact.com/v2/lists?api_key=***&limit=5',
		);
		expect(redact('/v2/lists?limit=5&API_KEY=zz9xy', [])).toBe('/v2/lists?limit=5&API_KEY=***');
		expect(redact('"url":"/x?api_key=k1\' then api_key=k2 end"', [])).toBe(
			'"url":"/x?api_key=***\' then api_key=*** end"',
		);
	});

	test('bearer tokens of 16+ characters; prose about tokens stays readable', () => {
		expect(redact('Authorization: Bearer eyJhbGciOi.JIUzI1NiJ9-abc_def~+/=', [])).toBe('Authorization: Bearer ***');
		expect(redact('authorization: bearer 0123456789abcdef', [])).toBe('authorization: bearer ***');
		expect(redact('Bearer 0123456789abcde', [])).toBe('Bearer 0123456789abcde'); // 15 characters
		expect(redact('The Bearer access token is invalid', [])).toBe('The Bearer access token is invalid');
	});

	// The api_key pattern stops at the key's own characters, so punctuation after it stays.
	test('api_key redaction keeps the punctuation that follows the key', () => {
		expect(redact('Nothing was found at /v2/lists?api_key=abcdef: check the ID.', [])).toBe(
			'Nothing was found at /v2/lists?api_key=***: check the ID.',
		);
	});

	test('text without secrets is unchanged', () => {
		expect(redact('Constant Contact answered HTTP 404 to GET /emails/x', ['secret-token'])).toBe(
			'Constant Contact answered HTTP 404 to GET /emails/x',
		);
	});
});

describe('describeFailure', () => {
	test('n8n 2.x: the HTTP client error in cause, with status and body', () => {
		const body = [{ error_key: 'throttled', error_message: 'Too many requests' }];
		const error = Object.assign(new Error('Request failed'), {
			cause: { message: 'x', response: { status: 429, data: body } },
		});
		expect(describeFailure(error)).toEqual({ message: 'Request failed', status: 429, body });
	});

	test('n8n 1.x: errorResponse, a statusCode, or only httpCode as text', () => {
		expect(
			describeFailure(Object.assign(new Error('e'), { errorResponse: { response: { status: 404, data: { a: 1 } } } })),
		).toEqual({
			message: 'e',
			status: 404,
			body: { a: 1 },
		});
		expect(describeFailure(Object.assign(new Error('e'), { statusCode: 503 }))).toEqual({ message: 'e', status: 503 });
		expect(describeFailure(Object.assign(new Error('e'), { httpCode: '502' }))).toEqual({ message: 'e', status: 502 });
		// A status under 400 is no failure status; then no network code is found either.
		expect(describeFailure(Object.assign(new Error('e'), { httpCode: '200' }))).toEqual({
			message: 'e',
			code: undefined,
		});
	});

	test('the first status found wins (outermost first)', () => {
		const error = Object.assign(new Error('outer'), {
			response: { status: 500, data: 'outer' },
			cause: { response: { status: 404, data: 'inner' } },
		});
		expect(describeFailure(error)).toEqual({ message: 'outer', status: 500, body: 'outer' });
	});

	test('a network code, here or nested; other codes are ignored', () => {
		expect(describeFailure(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toEqual({
			message: 'reset',
			code: 'ECONNRESET',
		});
		expect(
			describeFailure(Object.assign(new Error('w'), { code: 'ERR_BAD_RESPONSE', cause: { code: 'EAI_AGAIN' } })),
		).toEqual({
			message: 'w',
			code: 'EAI_AGAIN',
		});
		expect(describeFailure(Object.assign(new Error('w'), { code: 'ERR_SOMETHING' }))).toEqual({
			message: 'w',
			code: undefined,
		});
	});

	test("n8n 1.x's reworded network errors: the original text in message or messages", () => {
		expect(describeFailure(new Error('socket hang up')).code).toBe('ECONNRESET');
		expect(describeFailure(new Error('timeout of 30000ms exceeded')).code).toBe('ECONNABORTED');
		expect(describeFailure(new Error('The connection was aborted')).code).toBe('ECONNABORTED');
		expect(
			describeFailure(
				Object.assign(new Error('The service is unavailable'), { messages: ['connect ECONNREFUSED 127.0.0.1:443'] }),
			).code,
		).toBe('ECONNREFUSED');
	});

	test('anything thrown', () => {
		expect(describeFailure('plain text')).toEqual({ message: 'plain text', code: undefined });
		expect(describeFailure(undefined)).toEqual({ message: 'undefined', code: undefined });
	});

	test('stops digging after 8 levels', () => {
		let deep: Record<string, unknown> = { response: { status: 418, data: null } };
		for (let i = 0; i < 8; i++) deep = { cause: deep };
		expect(describeFailure(Object.assign(new Error('deep'), deep)).status).toBeUndefined();
	});
});

describe('isRefreshFailure', () => {
	test.each([
		['invalid_grant', true],
		['The authorization grant is invalid', true],
		['The credential needs to be reconnected', true],
		['No refresh token', true],
		['Request failed with status code 401', false],
	])('%s: %p', (message, expected) => {
		expect(isRefreshFailure(new Error(message))).toBe(expected);
	});

	test('only errors', () => {
		expect(isRefreshFailure('invalid_grant')).toBe(false);
	});
});

describe('toNodeApiError', () => {
	const context = (extra: Partial<ErrorContext> = {}): ErrorContext => ({
		method: 'GET',
		path: '/emails/abc',
		secrets: ['sekret-token-123'],
		attempts: 1,
		requestsPerSecond: 4,
		...extra,
	});
	const http = (status: number, body?: unknown): Failure => ({ status, body, message: `HTTP ${status}` });
	const hint = (style: typeof v3, failure: Failure, extra?: Partial<ErrorContext>) =>
		toNodeApiError(node, style, failure, context(extra)).description;

	test("the API's messages, the status, the item and a redacted record of the request", () => {
		const body = [
			{ error_key: 'json.field.invalid', error_message: 'name is too long' },
			{ error_key: 'x', error_message: 'token sekret-token-123 rejected' },
		];
		const error = toNodeApiError(node, v3, http(400, body), context({ method: 'POST', path: '/emails', itemIndex: 3 }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('name is too long; token *** rejected');
		expect(error.description).toBe(
			'Constant Contact rejected the values sent. Fix the field the message names and run again.',
		);
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(3);
		expect(error.errorResponse).toEqual({
			httpCode: '400',
			api: 'v3',
			request: 'POST /emails',
			errors: [
				{ error_key: 'json.field.invalid', error_message: 'name is too long' },
				{ error_key: 'x', error_message: 'token *** rejected' },
			],
		});
	});

	test('without API messages: the status, method and path', () => {
		expect(toNodeApiError(node, v3, http(418, '<html>'), context()).message).toBe(
			'Constant Contact answered HTTP 418 to GET /emails/abc',
		);
	});

	test('no answer: the network code, a reachability hint, no status', () => {
		const error = toNodeApiError(node, v2, { code: 'EPIPE', message: 'write EPIPE' }, context({ attempts: 6 }));
		expect(error.message).toBe('Could not get an answer from Constant Contact: the connection broke');
		expect(error.description).toBe(
			'Constant Contact could not be reached after 6 attempt(s). Check the network and the Base URL of the credential.',
		);
		expect(error.httpCode).toBeNull();
		expect(error.errorResponse).toEqual({
			httpCode: null,
			api: 'v2',
			request: 'GET /emails/abc',
			errors: null,
			networkError: 'EPIPE',
		});
		expect(toNodeApiError(node, v2, { message: 'odd failure' }, context()).message).toBe(
			'Could not get an answer from Constant Contact: odd failure',
		);
	});

	// n8n's NodeApiError replaces a message that contains a common network code with its own
	// text (COMMON_ERRORS in n8n-workflow, 1.x and 2.x alike) and moves ours to `messages`. The
	// hint stays. Every code the node recognises except EPIPE is affected.
	test("a network failure keeps the node's text (in message or messages) and its hint", () => {
		const error = toNodeApiError(
			node,
			v3,
			{ code: 'ETIMEDOUT', message: 'connect ETIMEDOUT' },
			context({ attempts: 6 }),
		);
		expect(error.message).toBe('Could not get an answer from Constant Contact: the connection timed out');
		expect(error.description).toBe(
			'Constant Contact could not be reached after 6 attempt(s). Check the network and the Base URL of the credential.',
		);
	});

	// n8n replaces a message that names a network code with its generic text: the reason is in words.
	test.each([
		['ECONNRESET', 'the connection was reset'],
		['ECONNREFUSED', 'the connection was refused'],
		['ETIMEDOUT', 'the connection timed out'],
		['ECONNABORTED', 'no answer within 30 seconds'],
		['EAI_AGAIN', 'the host name could not be looked up'],
	])('no answer (%s): the message names Constant Contact and the reason', (code, reason) => {
		const error = toNodeApiError(node, v3, { code, message: code }, context());
		expect(error.message).toBe(`Could not get an answer from Constant Contact: ${reason}`);
		expect(error.description).toContain('could not be reached');
	});

	test('secrets in the path and message are redacted too', () => {
		const error = toNodeApiError(node, v2, http(404), context({ path: '/v2/lists/1?api_key=abcdef&x=1' }));
		expect(error.message).toBe('Constant Contact answered HTTP 404 to GET /v2/lists/1?api_key=***&x=1');
		expect(error.description).toBe('Nothing was found at /v2/lists/1?api_key=***&x=1: check the ID.');
		const known = toNodeApiError(node, v3, http(404), context({ path: '/emails/sekret-token-123' }));
		expect(known.description).toBe('Nothing was found at /emails/***: check the ID.');
	});

	test('status -> hint', () => {
		expect(hint(v3, http(401))).toBe(v3.authHint);
		expect(hint(v2, http(401))).toBe(v2.authHint);
		expect(hint(v3, http(403))).toBe(
			'The credential lacks a scope this needs (account_read, campaign_data, contact_data) or the account plan or user role does not allow it. Reconnect the credential with those scopes, or ask the account owner.',
		);
		expect(hint(v2, http(403))).toBe(
			'The API key is not allowed to do this for the account (user role or plan). Ask the account owner.',
		);
		expect(hint(v3, http(404))).toBe('Nothing was found at /emails/abc: check the ID.');
		expect(hint(v3, http(404), { notFound: 'No campaign with ID "abc" exists in this account.' })).toBe(
			'No campaign with ID "abc" exists in this account.',
		);
		const bug =
			'The request used a format Constant Contact does not accept. Please report this as a bug in the Constant Contact node.';
		expect(hint(v3, http(406))).toBe(bug);
		expect(hint(v3, http(415))).toBe(bug);
		expect(hint(v3, http(409))).toBe(
			'An object with this name already exists. Campaign and list names must be unique: add a date or number to the name.',
		);
		expect(hint(v3, http(500))).toBe('Constant Contact had an internal problem (HTTP 500). Try again later.');
		expect(hint(v2, http(503))).toBe('Constant Contact had an internal problem (HTTP 503). Try again later.');
		expect(hint(v3, http(422))).toBe('Constant Contact answered HTTP 422.');
		// Not a throttle in v3: just a status.
		expect(hint(v3, http(403, [{ error_key: 'mashery.not.authorized.over.qps' }]))).toContain(
			'The credential lacks a scope',
		);
	});

	test('daily quota, in both API styles: not retried, and when it resets (midnight UTC)', () => {
		jest.useFakeTimers({ now: Date.parse('2026-12-02T21:15:30Z') });
		try {
			const quota =
				'The daily quota of 10,000 requests for this key or application is used up, so the request was not retried. ' +
				'It resets at midnight UTC (2026-12-03T00:00:00Z, in 2 h 45 min): run again then, or spread the work over ' +
				'several days.';
			expect(hint(v3, http(429, [{ error_key: 'quota_exceeded' }]))).toBe(quota);
			expect(hint(v2, http(403, [{ error_key: 'mashery.not.authorized.over.rate' }]))).toBe(quota);
		} finally {
			jest.useRealTimers();
		}
	});

	test("throttled: how long it was retried, and the credential's own rate or that it does not pace", () => {
		expect(
			hint(v3, http(429), { attempts: 40, requestsPerSecond: 2, throttleRetryMs: 120_000, throttledForMs: 120_400 }),
		).toBe(
			"Constant Contact kept refusing requests for going over the credential's 2 per second, even after retrying " +
				'for 120 s (the credential\'s "Retry Rate-Limited Requests For"). Other workflows, n8n workers or apps are ' +
				'using the same account: raise "Retry Rate-Limited Requests For", or lower their Requests per Second.',
		);
		expect(
			hint(v2, http(403, [{ error_key: 'mashery.not.authorized.over.qps' }]), {
				attempts: 1,
				requestsPerSecond: 0,
				throttleRetryMs: 0,
			}),
		).toBe(
			'Constant Contact kept refusing requests for going over its rate limit (the credential does not pace ' +
				'requests: Requests per Second is 0) (the credential\'s "Retry Rate-Limited Requests For" is 0: no retry). ' +
				'Other workflows, n8n workers or apps are using the same account: raise "Retry Rate-Limited Requests For", ' +
				'or lower their Requests per Second.',
		);
	});

	test('a POST whose outcome is unknown says so, before anything else', () => {
		expect(hint(v3, { code: 'ECONNRESET', message: 'reset' }, { outcomeUnknown: true })).toBe(
			'The connection broke before Constant Contact answered, so it is not known whether the request was processed. Check in Constant Contact before running this item again.',
		);
		expect(hint(v3, http(502), { outcomeUnknown: true })).toBe(
			'Constant Contact answered with an internal error (HTTP 502), so it is not known whether the request was processed. Check in Constant Contact before running this item again.',
		);
	});
});

describe('asNodeError', () => {
	test('n8n errors pass through, gaining the item index if they had none', () => {
		const operation = new NodeOperationError(node, 'bad');
		expect(asNodeError(node, operation, 2)).toBe(operation);
		expect(operation.context.itemIndex).toBe(2);
		const named = new NodeOperationError(node, 'bad', { itemIndex: 1 });
		expect(asNodeError(node, named, 5).context.itemIndex).toBe(1);
		const api = new NodeApiError(node, {}, { message: 'api' });
		expect(asNodeError(node, api)).toBe(api);
	});

	test('anything else becomes a NodeOperationError naming the item', () => {
		const error = asNodeError(node, new TypeError('boom'), 4);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('boom');
		expect(error.context.itemIndex).toBe(4);
	});
});
