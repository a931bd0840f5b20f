import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { campaignPath, notFoundV2Campaign } from './shared';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Delete a campaign',
	action: 'Delete a campaign',
};

export const endpoints = ['DELETE /emailmarketing/campaigns/{campaignId}'];

export const properties: INodeProperties[] = [v2CampaignLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v2CampaignLocator, itemIndex);
	await apiRequest.call(this, 'v2', 'DELETE', campaignPath(id), { notFound: notFoundV2Campaign(id), itemIndex });
	return { id, deleted: true };
}
