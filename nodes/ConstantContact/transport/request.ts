/** The story of one request: connect, send once, then retry, read back or give up. */
import { type IHttpRequestMethods, sleep } from 'n8n-workflow';

import type { ApiVersion } from '../helpers/types';
import { type ApiContext, connect } from './connection';
import { type Failure, toNodeApiError } from './errors';
import { answerLost, decide, isThrottled, type PostState } from './retry';
import { type SendOptions, sendOnce } from './send';

export interface RequestOptions extends SendOptions {
	/** Follow this link from a previous answer instead of `endpoint` (pagination). */
	link?: string;
	/** What to tell the user on a 404, e.g. 'No campaign with ID "x" exists in this account.' */
	notFound?: string;
	/** What to tell the user on other statuses, e.g. 409: 'A tag with this name exists: change "Name".' */
	hints?: Partial<Record<number, string>>;
	/** A POST with the same effect however often it is sent (create-or-update): retried like a PUT. */
	repeatable?: boolean;
	/**
	 * For a POST that must not happen twice: after its answer was lost (no answer, or a 5xx),
	 * finds out from Constant Contact whether it was processed. Undefined: cannot tell.
	 */
	verify?: () => Promise<Outcome | undefined>;
}

export type Outcome = { processed: true; result: unknown } | { processed: false };

/** The one request helper: auth, rate limit, retries and error mapping for both APIs. */
export async function apiRequest(
	this: ApiContext,
	api: ApiVersion,
	method: IHttpRequestMethods,
	endpoint: string,
	options: RequestOptions = {},
): Promise<unknown> {
	const connection = await connect(this, api, endpoint, options.link);
	let throttledSince: number | undefined;
	for (let attempt = 1, sent = 1; ; sent++) {
		const answer = await sendOnce(this, connection, method, options);
		if (answer.kind === 'answered') return answer.body;
		const { failure } = answer;
		const check = await checkLostPost(method, options, failure);
		if (check.processed) return check.result;
		const throttled = isThrottled(connection.style, failure);
		if (throttled) throttledSince ??= Date.now();
		const throttledForMs = throttledSince === undefined ? 0 : Date.now() - throttledSince;
		const decision = decide(connection.style, method, options.repeatable === true, failure, attempt, check.state, {
			throttledForMs,
			budgetMs: connection.throttleRetryMs,
			paced: connection.limiter.paced,
		});
		if (decision.retry) {
			const reason = failure.status ?? failure.code;
			this.logger.debug(
				`Constant Contact ${method} ${connection.path}: ${reason}, retry ${sent} in ${decision.delayMs} ms`,
			);
			await sleep(decision.delayMs);
			if (!throttled) attempt++;
			continue;
		}
		throw toNodeApiError(this.getNode(), connection.style, failure, {
			method,
			path: connection.path,
			notFound: options.notFound,
			hints: options.hints,
			itemIndex: options.itemIndex,
			secrets: connection.secrets,
			attempts: sent,
			requestsPerSecond: connection.requestsPerSecond,
			throttleRetryMs: connection.throttleRetryMs,
			throttledForMs,
			outcomeUnknown: decision.outcomeUnknown,
		});
	}
}

type LostPostCheck = { processed: true; result: unknown } | { processed: false; state: PostState };

/** A POST that must not run twice and whose answer was lost: asks `verify` what became of it. */
async function checkLostPost(method: string, options: RequestOptions, failure: Failure): Promise<LostPostCheck> {
	if (method !== 'POST' || options.repeatable || !answerLost(failure)) return { processed: false, state: 'known' };
	if (!options.verify) return { processed: false, state: 'unknown' };
	const outcome = await options.verify().catch(() => undefined);
	if (outcome?.processed) return { processed: true, result: outcome.result };
	return { processed: false, state: outcome ? 'notProcessed' : 'unknown' };
}
