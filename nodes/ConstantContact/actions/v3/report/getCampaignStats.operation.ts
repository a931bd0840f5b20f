import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CAMPAIGN_STATS_IDS_PER_CALL } from '../../../helpers/limits';
import type { BatchOutcome, OperationOption } from '../../../helpers/types';
import { idsField, statsOfItems } from './shared';

export const option: OperationOption = {
	name: 'Get Campaign Stats',
	description: 'Get sends, opens, clicks, bounces, opt-outs and percentages of campaigns',
	action: 'Get campaign stats',
};

export const endpoints = ['GET /reports/stats/email_campaigns/{campaign_ids}'];

export const properties: INodeProperties[] = [
	idsField(
		'Campaign IDs',
		'campaignIds',
		'Campaigns to report on, comma-separated or an array from an expression. One output item per campaign: sends, ' +
			'opens, clicks, bounces, opt-outs and percentages.',
	),
];

/** All items in as few requests as the API allows: one output item per id, paired with its item. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]> {
	return await statsOfItems.call(this, 'email_campaigns', CAMPAIGN_STATS_IDS_PER_CALL, itemIndexes);
}
