import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { campaignPath, notFoundV2Campaign } from './shared';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a campaign',
	action: 'Get a campaign',
};

export const endpoints = ['GET /emailmarketing/campaigns/{campaignId}'];

export const properties: INodeProperties[] = [v2CampaignLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v2CampaignLocator, itemIndex);
	return (await apiRequest.call(this, 'v2', 'GET', campaignPath(id), {
		notFound: notFoundV2Campaign(id),
		itemIndex,
	})) as IDataObject;
}
