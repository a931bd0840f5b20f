import type { INodeProperties } from 'n8n-workflow';
import type { OperationOption } from '../../../helpers/types';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { campaignPath, notFoundV2Campaign } from './shared';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Delete a campaign',
	action: 'Delete a campaign',
};

export const properties: INodeProperties[] = [v2CampaignLocator];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, v2CampaignLocator, i);
	await apiRequest.call(this, 'v2', 'DELETE', campaignPath(id), { notFound: notFoundV2Campaign(id), itemIndex: i });
	return { id, deleted: true };
}
