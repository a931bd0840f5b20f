import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../helpers/fields';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { optionValues, readOption } from '../../../helpers/options';
import type { OperationOption } from '../../../helpers/types';
import { readLimit } from '../../../helpers/validators';
import { apiRequestAllItems } from '../../../transport';
import { notFoundActivity } from '../campaignActivity/shared';

const trackingTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'trackingType',
	type: 'options',
	default: 'opens',
	description: 'Which recipient actions to list, most recent first',
	options: [
		{ name: 'Bounces', value: 'bounces', description: 'Emails that could not be delivered, with the bounce code' },
		{ name: 'Clicks', value: 'clicks', description: 'Each click on a link, with the link' },
		{ name: 'Did Not Open', value: 'didnotopens', description: 'Recipients who have not opened the email' },
		{ name: 'Forwards', value: 'forwards', description: 'Recipients who forwarded the email' },
		{ name: 'Opens', value: 'opens', description: 'Each time a recipient opened the email' },
		{ name: 'Opt-Outs', value: 'optouts', description: 'Recipients who unsubscribed from the email' },
		{ name: 'Sends', value: 'sends', description: 'Each recipient the email was sent to' },
		{ name: 'Unique Opens', value: 'unique_opens', description: 'Each recipient who opened the email, once' },
	],
};

export const option: OperationOption = {
	name: 'Get Tracking',
	description: 'List who received, opened, clicked, forwarded, bounced or opted out',
	action: 'Get the tracking report of a campaign activity',
};

/** The API's requests, as the contract names them: one listing per tracking type. */
export const endpoints = optionValues(trackingTypeField).map(
	(type) => `GET /reports/email_reports/{campaign_activity_id}/tracking/${type}`,
);

export const properties: INodeProperties[] = [v3CampaignActivityLocator, trackingTypeField, ...returnAllAndLimit()];

/** One item per tracking record (contact, email address, type, time...). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const type = readOption.call(this, trackingTypeField, itemIndex);
	const limit = readLimit.call(this, itemIndex);
	const endpoint = `/reports/email_reports/${encodeURIComponent(id)}/tracking/${encodeURIComponent(type)}`;
	return await apiRequestAllItems.call(this, 'v3', endpoint, {
		itemsKey: 'tracking_activities',
		limit,
		notFound: notFoundActivity(id),
		itemIndex,
	});
}
