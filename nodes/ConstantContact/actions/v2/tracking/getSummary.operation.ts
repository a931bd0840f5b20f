import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { readBoolean } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { campaignPath, notFoundV2Campaign } from '../campaign/shared';

export const option: OperationOption = {
	name: 'Get Summary',
	description: 'Get the sends, opens, clicks, forwards, unsubscribes and bounces of a campaign',
	action: 'Get the tracking summary of a campaign',
};

export const endpoints = ['GET /emailmarketing/campaigns/{campaignId}/tracking/reports/summary'];

export const properties: INodeProperties[] = [
	v2CampaignLocator,
	{
		displayName: 'Refresh Counts',
		name: 'updateSummary',
		type: 'boolean',
		default: false,
		description:
			'Whether to have Constant Contact recount now instead of returning the counts of its last scheduled update',
	},
];

/** Sends, opens, clicks, forwards, unsubscribes and bounces of a sent campaign. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v2CampaignLocator, itemIndex);
	const refresh = readBoolean.call(this, 'updateSummary', 'Refresh Counts', itemIndex);
	return (await apiRequest.call(this, 'v2', 'GET', `${campaignPath(id)}/tracking/reports/summary`, {
		qs: refresh ? { updateSummary: true } : undefined,
		notFound: notFoundV2Campaign(id),
		itemIndex,
	})) as IDataObject;
}
