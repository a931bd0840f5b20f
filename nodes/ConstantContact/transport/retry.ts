import type { ApiStyle } from './apiStyles';
import type { Failure } from './errors';

export const MAX_ATTEMPTS = 6;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;
const THROTTLED_DELAY_MIN_MS = 250;
const THROTTLED_DELAY_MAX_MS = 1000;

const IDEMPOTENT = ['GET', 'PUT', 'PATCH', 'DELETE'];
const TRANSIENT_STATUS = [502, 503, 504];

/** No answer, or a server error: the request may or may not have been processed. */
export function answerLost(failure: Failure): boolean {
	return failure.status === undefined ? failure.code !== undefined : failure.status >= 500;
}

/**
 * Whether a failure other than a rate refusal (decide() handles those) may be sent again. A POST
 * is not: after a timeout, a reset or a 5xx it might have been processed, and creating a campaign
 * or a schedule twice is worse than an error.
 */
export function isRetryable(method: string, failure: Failure): boolean {
	if (!IDEMPOTENT.includes(method.toUpperCase())) return false;
	if (failure.status === undefined) return failure.code !== undefined;
	return TRANSIENT_STATUS.includes(failure.status);
}

/** Exponential backoff with jitter, for failures other than rate refusals. */
export function retryDelayMs(attempt: number): number {
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/**
 * Unpaced (Requests per Second 0), a rate refusal waits a jittered part of a rate window before
 * it is sent again. Paced, it waits for nothing but the limiter's next turn: the limiter has
 * already moved to a later slot or a slower pace, and a delay on top would leave this process's
 * next slot empty.
 */
export function throttledDelayMs(): number {
	return Math.round(THROTTLED_DELAY_MIN_MS + Math.random() * (THROTTLED_DELAY_MAX_MS - THROTTLED_DELAY_MIN_MS));
}

/**
 * What a POST that must not run twice knows after a failed attempt: its answer came back
 * (`known`: the failure itself says it was not processed), was lost and a read-back proved
 * it was not processed (`notProcessed`), or was lost with no way to tell (`unknown`).
 */
export type PostState = 'known' | 'notProcessed' | 'unknown';

export type Decision = { retry: true; delayMs: number } | { retry: false; outcomeUnknown: boolean };

/** How long one request has been refused for rate, and how long it may be. */
export interface ThrottleBudget {
	/** Since the request's first rate refusal (0 before one). */
	throttledForMs: number;
	/** The credential's "Retry Rate-Limited Requests For": 0 never retries a rate refusal. */
	budgetMs: number;
	/** The credential's limiter paces the retry (Requests per Second above 0). */
	paced: boolean;
}

/**
 * The retry policy: send again after a delay, or give up (saying whether the outcome is unknown).
 * Rate refusals are retried while the request's budget lasts; other failures up to MAX_ATTEMPTS
 * attempts (`attempt` counts those only).
 */
export function decide(
	style: ApiStyle,
	method: string,
	repeatable: boolean,
	failure: Failure,
	attempt: number,
	postState: PostState,
	throttle: ThrottleBudget,
): Decision {
	if (isThrottled(style, failure)) {
		if (throttle.throttledForMs < throttle.budgetMs) {
			return { retry: true, delayMs: throttle.paced ? 0 : throttledDelayMs() };
		}
		return { retry: false, outcomeUnknown: false };
	}
	// A repeatable POST (create-or-update), or one proven not processed, is as safe as a PUT.
	const retryAs = repeatable || postState === 'notProcessed' ? 'PUT' : method;
	if (attempt < MAX_ATTEMPTS && isRetryable(retryAs, failure)) {
		return { retry: true, delayMs: retryDelayMs(attempt) };
	}
	return { retry: false, outcomeUnknown: postState === 'unknown' };
}

/** The answer proves the request was refused for rate, so it was not processed: a POST may be repeated. */
export function isThrottled(style: ApiStyle, failure: Failure): boolean {
	return failure.status !== undefined && style.isThrottled(failure.status, failure.body);
}
