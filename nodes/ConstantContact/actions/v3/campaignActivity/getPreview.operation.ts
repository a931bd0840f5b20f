import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundActivity } from './shared';

export const option: OperationOption = {
	name: 'Get Preview',
	description: 'Get the email as recipients see it, in HTML and text',
	action: 'Get a campaign activity preview',
};

export const endpoints = ['GET /emails/activities/{campaign_activity_id}/previews'];

export const properties: INodeProperties[] = [v3CampaignActivityLocator];

/** The email as recipients see it: `preview_html_content` and `preview_text_content`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	return (await apiRequest.call(this, 'v3', 'GET', `/emails/activities/${encodeURIComponent(id)}/previews`, {
		notFound: notFoundActivity(id),
		itemIndex,
	})) as IDataObject;
}
