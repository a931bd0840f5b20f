import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { readBoolean } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { notFoundActivity } from '../campaignActivity/shared';

export const option: OperationOption = {
	name: 'Get Links',
	description: 'Get the links of an email and how many recipients clicked each',
	action: 'Get the link report of a campaign activity',
};

export const endpoints = ['GET /reports/email_reports/{campaign_activity_id}/links'];

export const properties: INodeProperties[] = [
	v3CampaignActivityLocator,
	{
		displayName: 'Include Links Without Clicks',
		name: 'includeUnclicked',
		type: 'boolean',
		default: false,
		description: 'Whether to list the links nobody clicked too',
	},
];

/** One item per link of the email: `link_url`, `url_id`, `unique_clicks`, with the activity's id. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const includeUnclicked = readBoolean.call(this, 'includeUnclicked', 'Include Links Without Clicks', itemIndex);
	const answer = (await apiRequest.call(this, 'v3', 'GET', `/reports/email_reports/${encodeURIComponent(id)}/links`, {
		qs: includeUnclicked ? { no_clicks: true } : undefined,
		notFound: notFoundActivity(id),
		itemIndex,
	})) as IDataObject;
	const links = (answer?.link_click_counts as IDataObject[] | undefined) ?? [];
	return links.map((link) => ({ campaign_activity_id: id, ...link }));
}
