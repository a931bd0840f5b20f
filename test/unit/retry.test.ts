import { apiStyles } from '../../nodes/ConstantContact/transport/apiStyles';
import type { Failure } from '../../nodes/ConstantContact/transport/errors';
import {
	answerLost,
	decide,
	isRetryable,
	isThrottled,
	MAX_ATTEMPTS,
	retryDelayMs,
	throttledDelayMs,
} from '../../nodes/ConstantContact/transport/retry';

const { v2, v3 } = apiStyles;

const http = (status: number, body?: unknown): Failure => ({ status, body, message: `HTTP ${status}` });
const network = (code: string): Failure => ({ code, message: code });
const unknownError: Failure = { message: 'something odd' };

const V3_THROTTLED = http(429, [{ error_key: 'throttled', error_message: 'Too many requests' }]);
const V3_QUOTA = http(429, [{ error_key: 'quota_exceeded', error_message: 'Quota exceeded' }]);
const V2_THROTTLED = http(403, [{ error_key: 'mashery.not.authorized.over.qps', error_message: 'over qps' }]);
const V2_QUOTA = http(403, [{ error_key: 'mashery.not.authorized.over.rate', error_message: 'over rate' }]);

afterEach(() => jest.restoreAllMocks());

describe('answerLost', () => {
	test('no answer (a network error) or a 5xx: the request may have been processed', () => {
		expect(answerLost(network('ECONNRESET'))).toBe(true);
		expect(answerLost(http(500))).toBe(true);
		expect(answerLost(http(504))).toBe(true);
	});

	test('a 4xx answer, or a failure with neither status nor code, is not a lost answer', () => {
		expect(answerLost(http(499))).toBe(false);
		expect(answerLost(http(404))).toBe(false);
		expect(answerLost(V3_THROTTLED)).toBe(false);
		expect(answerLost(unknownError)).toBe(false);
	});
});

describe('isRetryable (failures other than rate refusals)', () => {
	test.each(['GET', 'PUT', 'PATCH', 'DELETE', 'get', 'Delete'])(
		'%s: retried on 502, 503, 504 and network errors',
		(method) => {
			expect([502, 503, 504].map((s) => isRetryable(method, http(s)))).toEqual([true, true, true]);
			expect(isRetryable(method, network('ECONNRESET'))).toBe(true);
			expect(isRetryable(method, network('ETIMEDOUT'))).toBe(true);
		},
	);

	test('idempotent methods: not on 500, 501, 4xx, or a failure without status or code', () => {
		for (const status of [400, 401, 403, 404, 409, 500, 501, 505]) expect(isRetryable('GET', http(status))).toBe(false);
		expect(isRetryable('PUT', unknownError)).toBe(false);
	});

	test('POST (and any other method): never, whatever the failure', () => {
		for (const method of ['POST', 'post', 'HEAD', 'OPTIONS']) {
			expect(isRetryable(method, http(503))).toBe(false);
			expect(isRetryable(method, network('ECONNRESET'))).toBe(false);
			expect(isRetryable(method, http(502))).toBe(false);
		}
	});
});

describe('isThrottled: the refusal for rate that decide() retries, for any method', () => {
	test('each API style has its own signal', () => {
		expect(isThrottled(v3, V3_THROTTLED)).toBe(true);
		expect(isThrottled(v2, V2_THROTTLED)).toBe(true);
	});

	test('v3 throttling is a 429 without quota_exceeded, also with no or an odd body', () => {
		expect(isThrottled(v3, http(429))).toBe(true);
		expect(isThrottled(v3, http(429, 'Too Many Requests'))).toBe(true);
		expect(isThrottled(v3, http(429, { error_key: 'other' }))).toBe(true);
	});

	test('a used-up daily quota is not a throttle', () => {
		expect(isThrottled(v3, V3_QUOTA)).toBe(false);
		expect(isThrottled(v3, http(429, { error: 'quota_exceeded' }))).toBe(false);
		expect(isThrottled(v2, V2_QUOTA)).toBe(false);
	});

	test("each API's throttle signal means nothing to the other", () => {
		// v2 (Mashery) refuses for rate with 403 + over.qps; a plain 403 or a 429 is not that.
		expect(isThrottled(v2, http(429))).toBe(false);
		expect(isThrottled(v2, http(403))).toBe(false);
		expect(isThrottled(v2, http(400, V2_THROTTLED.body))).toBe(false);
		expect(isThrottled(v3, V2_THROTTLED)).toBe(false);
	});

	test('network failures and server errors are not throttles', () => {
		expect(isThrottled(v3, network('ECONNRESET'))).toBe(false);
		expect(isThrottled(v2, http(503))).toBe(false);
	});
});

const NO_BUDGET_USED = { throttledForMs: 0, budgetMs: 120_000, paced: false };

describe('retryDelayMs', () => {
	const at = (random: number, attempt: number) => {
		jest.spyOn(Math, 'random').mockReturnValue(random);
		return retryDelayMs(attempt);
	};

	test('exponential from 500 ms, capped at 8 s, jittered over the upper half', () => {
		const low = [1, 2, 3, 4, 5, 6, 7].map((attempt) => at(0, attempt));
		const high = [1, 2, 3, 4, 5, 6, 7].map((attempt) => at(1, attempt));
		expect(low).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
		expect(high).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
		expect(at(0.5, 3)).toBe(1500);
	});

	test('a whole number of milliseconds', () => {
		expect(at(0.3333, 1)).toBe(333);
		expect(Number.isInteger(at(0.123456, 2))).toBe(true);
	});

	test('with the real Math.random, always within the bounds', () => {
		for (let i = 0; i < 200; i++) {
			const attempt = 1 + (i % 6);
			const ceiling = Math.min(8000, 500 * 2 ** (attempt - 1));
			const delay = retryDelayMs(attempt);
			expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
			expect(delay).toBeLessThanOrEqual(ceiling);
		}
	});
});

describe('throttledDelayMs', () => {
	test('a jittered part of one rate window: 250 ms to 1 s (unpaced: no limiter slowed the pace)', () => {
		jest.spyOn(Math, 'random').mockReturnValue(0);
		expect(throttledDelayMs()).toBe(250);
		jest.spyOn(Math, 'random').mockReturnValue(1);
		expect(throttledDelayMs()).toBe(1000);
		jest.restoreAllMocks();
		for (let i = 0; i < 100; i++) {
			const delay = throttledDelayMs();
			expect(delay).toBeGreaterThanOrEqual(250);
			expect(delay).toBeLessThanOrEqual(1000);
		}
	});
});

describe('decide', () => {
	beforeEach(() => jest.spyOn(Math, 'random').mockReturnValue(0));
	const decideNow = (
		style: typeof v3,
		method: string,
		repeatable: boolean,
		failure: Failure,
		attempt: number,
		state: 'known' | 'unknown' | 'notProcessed',
	) => decide(style, method, repeatable, failure, attempt, state, NO_BUDGET_USED);

	test(`${MAX_ATTEMPTS} attempts in all: the last failure gives up`, () => {
		expect(MAX_ATTEMPTS).toBe(6);
		expect(decideNow(v3, 'GET', false, http(503), 5, 'known')).toEqual({ retry: true, delayMs: 4000 });
		expect(decideNow(v3, 'GET', false, http(503), 6, 'known')).toEqual({ retry: false, outcomeUnknown: false });
	});

	test('a GET that cannot be retried gives up at once, outcome known', () => {
		expect(decideNow(v3, 'GET', false, http(404), 1, 'known')).toEqual({ retry: false, outcomeUnknown: false });
	});

	test('a POST whose answer was lost and could not be checked: give up, outcome unknown', () => {
		expect(decideNow(v3, 'POST', false, http(503), 1, 'unknown')).toEqual({ retry: false, outcomeUnknown: true });
		expect(decideNow(v2, 'POST', false, network('ECONNRESET'), 1, 'unknown')).toEqual({
			retry: false,
			outcomeUnknown: true,
		});
	});

	test('a POST proven not processed is retried like a PUT', () => {
		expect(decideNow(v3, 'POST', false, http(503), 1, 'notProcessed')).toEqual({ retry: true, delayMs: 250 });
		expect(decideNow(v3, 'POST', false, network('ECONNRESET'), 2, 'notProcessed')).toEqual({
			retry: true,
			delayMs: 500,
		});
		// ...but a PUT is not retried on a 500 either.
		expect(decideNow(v3, 'POST', false, http(500), 1, 'notProcessed')).toEqual({
			retry: false,
			outcomeUnknown: false,
		});
	});

	test('a repeatable POST (create-or-update) is retried like a PUT', () => {
		expect(decideNow(v3, 'POST', true, http(502), 1, 'known')).toEqual({ retry: true, delayMs: 250 });
		expect(decideNow(v3, 'POST', true, network('ECONNRESET'), 1, 'known')).toEqual({ retry: true, delayMs: 250 });
	});

	test('a rate refusal is retried while its budget lasts, whatever the attempt count', () => {
		const retried = { retry: true, delayMs: 250 };
		expect(decideNow(v3, 'POST', false, V3_THROTTLED, 1, 'known')).toEqual(retried);
		expect(decideNow(v2, 'POST', false, V2_THROTTLED, 40, 'known')).toEqual(retried);
		for (const method of ['POST', 'post', 'HEAD', 'OPTIONS', 'GET']) {
			expect(decideNow(v3, method, false, V3_THROTTLED, 1, 'unknown')).toEqual(retried);
			expect(decideNow(v2, method, false, V2_THROTTLED, 1, 'unknown')).toEqual(retried);
		}
		const within = { throttledForMs: 119_999, budgetMs: 120_000, paced: false };
		expect(decide(v2, 'GET', false, V2_THROTTLED, 1, 'known', within)).toEqual(retried);
		const spent = { throttledForMs: 120_000, budgetMs: 120_000, paced: false };
		expect(decide(v3, 'POST', false, V3_THROTTLED, 1, 'known', spent)).toEqual({ retry: false, outcomeUnknown: false });
		// A budget of 0: never retried.
		const none = { throttledForMs: 0, budgetMs: 0, paced: false };
		expect(decide(v3, 'GET', false, V3_THROTTLED, 1, 'known', none)).toEqual({ retry: false, outcomeUnknown: false });
	});

	test("paced, a rate refusal is sent again at the limiter's next turn, with no delay of its own", () => {
		const paced = { throttledForMs: 1000, budgetMs: 120_000, paced: true };
		expect(decide(v3, 'POST', false, V3_THROTTLED, 1, 'known', paced)).toEqual({ retry: true, delayMs: 0 });
		expect(decide(v2, 'GET', false, V2_THROTTLED, 1, 'known', paced)).toEqual({ retry: true, delayMs: 0 });
		// Other failures keep their backoff.
		expect(decide(v3, 'GET', false, http(503), 1, 'known', paced)).toEqual({ retry: true, delayMs: 250 });
		const spent = { throttledForMs: 120_000, budgetMs: 120_000, paced: true };
		expect(decide(v3, 'POST', false, V3_THROTTLED, 1, 'known', spent)).toEqual({ retry: false, outcomeUnknown: false });
	});

	test('the daily quota is never retried, whatever the budget', () => {
		const lots = { throttledForMs: 0, budgetMs: 10_000_000, paced: false };
		expect(decide(v3, 'GET', false, V3_QUOTA, 1, 'known', lots)).toEqual({ retry: false, outcomeUnknown: false });
		expect(decide(v2, 'GET', false, V2_QUOTA, 1, 'known', lots)).toEqual({ retry: false, outcomeUnknown: false });
	});

	test('a POST refused for its values gives up, outcome known', () => {
		expect(decideNow(v3, 'POST', false, http(400), 1, 'known')).toEqual({ retry: false, outcomeUnknown: false });
		expect(decideNow(v3, 'POST', false, V3_QUOTA, 1, 'known')).toEqual({ retry: false, outcomeUnknown: false });
	});
});
