import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { locatorId, v3CampaignLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { notFoundCampaign } from './shared';

export const description = forOperation('v3', 'campaign', 'delete', [v3CampaignLocator]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignLocator, i);
	await apiRequest.call(this, 'v3', 'DELETE', `/emails/${encodeURIComponent(id)}`, {
		notFound: notFoundCampaign(id),
		itemIndex: i,
	});
	return { campaign_id: id, deleted: true };
}
