import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { readEmailList } from '../../../helpers/fields';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { notFoundActivity } from './shared';

export const MAX_TEST_ADDRESSES = 5;

const properties: INodeProperties[] = [
	v3CampaignActivityLocator,
	{
		displayName: 'Email Addresses',
		name: 'emailAddresses',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ann@example.com, bob@example.com',
		description: 'Who receives the test email: 1 to 5 addresses, comma-separated or an array from an expression',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Personal Message',
				name: 'personalMessage',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'A note shown above the email, e.g. what you want the reviewers to check',
			},
		],
	},
];

export const description = forOperation('v3', 'campaignActivity', 'sendTest', properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, 'campaignActivityId', i, 'Campaign Activity');
	const emails = readEmailList.call(this, this.getNodeParameter('emailAddresses', i, ''), 'Email Addresses', i, MAX_TEST_ADDRESSES);
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = { email_addresses: emails };
	if (additional.personalMessage) body.personal_message = String(additional.personalMessage);
	await apiRequest.call(this, 'v3', 'POST', `/emails/activities/${encodeURIComponent(id)}/tests`, {
		body,
		notFound: notFoundActivity(id),
		itemIndex: i,
	});
	return { success: true, campaign_activity_id: id, ...body };
}
