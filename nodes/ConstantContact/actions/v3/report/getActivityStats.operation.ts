import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ACTIVITY_STATS_IDS_PER_CALL } from '../../../helpers/limits';
import type { BatchOutcome, OperationOption } from '../../../helpers/types';
import { idsField, statsOfItems } from './shared';

export const option: OperationOption = {
	name: 'Get Activity Stats',
	description: 'Get sends, opens, clicks, bounces and opt-outs of campaign activities',
	action: 'Get campaign activity stats',
};

export const endpoints = ['GET /reports/stats/email_campaign_activities/{campaign_activity_ids}'];

export const properties: INodeProperties[] = [
	idsField(
		'Campaign Activity IDs',
		'campaignActivityIds',
		'Campaign activities (emails) to report on, comma-separated or an array from an expression. One output item per ' +
			'activity. More than 10 are sent in several calls.',
	),
];

/** All items in as few requests as the API allows: one output item per id, paired with its item. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]> {
	return await statsOfItems.call(this, 'email_campaign_activities', ACTIVITY_STATS_IDS_PER_CALL, itemIndexes);
}
