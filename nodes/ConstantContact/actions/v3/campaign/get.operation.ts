import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundCampaign, withPrimaryActivity } from './shared';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a campaign and its activity IDs',
	action: 'Get a campaign',
};

export const endpoints = ['GET /emails/{campaign_id}'];

export const properties: INodeProperties[] = [v3CampaignLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignLocator, itemIndex);
	const campaign = (await apiRequest.call(this, 'v3', 'GET', `/emails/${encodeURIComponent(id)}`, {
		notFound: notFoundCampaign(id),
		itemIndex,
	})) as IDataObject;
	return withPrimaryActivity(campaign);
}
