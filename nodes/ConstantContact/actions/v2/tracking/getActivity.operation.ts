import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toUtcIso } from '../../../helpers/dates';
import { returnAllAndLimit } from '../../../helpers/fields';
import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { optionValues, readOption } from '../../../helpers/options';
import type { OperationOption } from '../../../helpers/types';
import { readLimit } from '../../../helpers/validators';
import { apiRequestAllItems } from '../../../transport';
import { campaignPath, notFoundV2Campaign } from '../campaign/shared';

const trackingTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'trackingType',
	type: 'options',
	default: 'opens',
	description: 'Which recipient actions to list',
	options: [
		{ name: 'Bounces', value: 'bounces', description: 'Emails that could not be delivered' },
		{ name: 'Clicks', value: 'clicks', description: 'Each click on a link' },
		{ name: 'Forwards', value: 'forwards', description: 'Recipients who forwarded the email' },
		{ name: 'Opens', value: 'opens', description: 'Each time a recipient opened the email' },
		{ name: 'Sends', value: 'sends', description: 'Each recipient the email was sent to' },
		{ name: 'Unsubscribes', value: 'unsubscribes', description: 'Recipients who opted out from the email' },
	],
};

export const option: OperationOption = {
	name: 'Get Activity',
	description: 'List who received, opened, clicked, forwarded, bounced or unsubscribed',
	action: 'Get the tracking activity of a campaign',
};

/** The API's requests: one listing per tracking type. */
export const endpoints = optionValues(trackingTypeField).map(
	(type) => `GET /emailmarketing/campaigns/{campaignId}/tracking/${type}`,
);

export const properties: INodeProperties[] = [
	v2CampaignLocator,
	trackingTypeField,
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created Since',
				name: 'createdSince',
				type: 'dateTime',
				default: '',
				description: 'Only actions on or after this date',
			},
		],
	},
];

/** One item per tracking record of the campaign (contact, email address, date...). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = locatorId.call(this, v2CampaignLocator, itemIndex);
	const type = readOption.call(this, trackingTypeField, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.createdSince) {
		qs.created_since = toUtcIso(this.getNode(), filters.createdSince, 'Created Since', this.getTimezone());
	}
	return await apiRequestAllItems.call(this, 'v2', `${campaignPath(id)}/tracking/${encodeURIComponent(type)}`, {
		qs,
		itemsKey: 'results',
		limit: readLimit.call(this, itemIndex),
		notFound: notFoundV2Campaign(id),
		itemIndex,
	});
}
