import type { INodeProperties } from 'n8n-workflow';
import type { OperationOption } from '../../../helpers/types';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locatorId, v3CampaignLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { notFoundCampaign, withPrimaryActivity } from './shared';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a campaign and its activity IDs',
	action: 'Get a campaign',
};

export const properties: INodeProperties[] = [v3CampaignLocator];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignLocator, i);
	const campaign = (await apiRequest.call(this, 'v3', 'GET', `/emails/${encodeURIComponent(id)}`, {
		notFound: notFoundCampaign(id),
		itemIndex: i,
	})) as IDataObject;
	return withPrimaryActivity(campaign);
}
