import type { INodeProperties } from 'n8n-workflow';

import { REQUESTS_PER_SECOND, THROTTLE_RETRY_SECONDS } from '../nodes/ConstantContact/helpers/limits';

/** Constant Contact's documented limit, for both APIs. */
export const DEFAULT_REQUESTS_PER_SECOND = REQUESTS_PER_SECOND;

export const requestsPerSecond: INodeProperties = {
	displayName: 'Requests per Second',
	name: 'requestsPerSecond',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: DEFAULT_REQUESTS_PER_SECOND,
	description:
		'How many requests per second the node starts with this credential, across all workflows of this n8n process ' +
		'(each queue-mode worker paces itself and slows down when the account refuses it). Constant Contact allows 4; ' +
		'raise it only if Constant Contact raised your limit. 0 = no pacing (refusals for rate are still retried).',
};

export const throttleRetrySeconds: INodeProperties = {
	displayName: 'Retry Rate-Limited Requests For (Seconds)',
	name: 'throttleRetrySeconds',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: THROTTLE_RETRY_SECONDS,
	description:
		'How long a request that Constant Contact refuses for its rate limit is retried before the item fails. ' +
		'Several workflows or n8n workers sharing one account make such refusals normal. 0 = fail at the first one.',
};
