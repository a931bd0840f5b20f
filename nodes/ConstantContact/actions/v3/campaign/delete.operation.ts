import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundCampaign } from './shared';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Delete a campaign',
	action: 'Delete a campaign',
};

export const endpoints = ['DELETE /emails/{campaign_id}'];

export const properties: INodeProperties[] = [v3CampaignLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignLocator, itemIndex);
	await apiRequest.call(this, 'v3', 'DELETE', `/emails/${encodeURIComponent(id)}`, {
		notFound: notFoundCampaign(id),
		itemIndex,
	});
	return { campaign_id: id, deleted: true };
}
