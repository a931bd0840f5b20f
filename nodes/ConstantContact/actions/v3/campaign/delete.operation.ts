import type { INodeProperties } from 'n8n-workflow';
import type { OperationOption } from '../../../helpers/types';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locatorId, v3CampaignLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { notFoundCampaign } from './shared';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Delete a campaign',
	action: 'Delete a campaign',
};

export const properties: INodeProperties[] = [v3CampaignLocator];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignLocator, i);
	await apiRequest.call(this, 'v3', 'DELETE', `/emails/${encodeURIComponent(id)}`, {
		notFound: notFoundCampaign(id),
		itemIndex: i,
	});
	return { campaign_id: id, deleted: true };
}
