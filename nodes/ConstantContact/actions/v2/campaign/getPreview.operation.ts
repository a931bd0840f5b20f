import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { campaignPath, notFoundV2Campaign } from './shared';

export const option: OperationOption = {
	name: 'Get Preview',
	description: 'Get the email as recipients see it, in HTML and text',
	action: 'Get a campaign preview',
};

export const endpoints = ['GET /emailmarketing/campaigns/{campaignId}/preview'];

export const properties: INodeProperties[] = [v2CampaignLocator];

/** The email as recipients see it: `preview_email_content` (HTML) and `preview_text_content`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v2CampaignLocator, itemIndex);
	const preview = (await apiRequest.call(this, 'v2', 'GET', `${campaignPath(id)}/preview`, {
		notFound: notFoundV2Campaign(id),
		itemIndex,
	})) as IDataObject;
	return { campaign_id: id, ...preview };
}
