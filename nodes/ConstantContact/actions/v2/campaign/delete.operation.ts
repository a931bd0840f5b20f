import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { campaignPath, notFoundV2Campaign } from './shared';

export const description = forOperation('v2', 'campaign', 'delete', [v2CampaignLocator]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, v2CampaignLocator, i);
	await apiRequest.call(this, 'v2', 'DELETE', campaignPath(id), { notFound: notFoundV2Campaign(id), itemIndex: i });
	return { id, deleted: true };
}
