import type { INodeProperties } from 'n8n-workflow';

import { REQUESTS_PER_SECOND } from '../nodes/ConstantContact/helpers/limits';

/** Constant Contact's documented limit, for both APIs. */
export const DEFAULT_REQUESTS_PER_SECOND = REQUESTS_PER_SECOND;

export const requestsPerSecond: INodeProperties = {
	displayName: 'Requests per Second',
	name: 'requestsPerSecond',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: DEFAULT_REQUESTS_PER_SECOND,
	description:
		'How many requests per second the node starts with this credential, across all workflows. Constant Contact ' +
		'allows 4; raise it only if Constant Contact raised your limit. 0 = no pacing (refusals for rate are still ' +
		'retried).',
};
