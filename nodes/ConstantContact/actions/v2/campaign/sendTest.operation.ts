import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { readEmailList } from '../../../helpers/fields';
import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { campaignPath, notFoundV2Campaign } from './shared';

const MAX_ADDRESSES = 5;
const MAX_MESSAGE = 500;

const properties: INodeProperties[] = [
	v2CampaignLocator,
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
		displayName: 'Format',
		name: 'format',
		type: 'options',
		default: 'HTML_AND_TEXT',
		options: [
			{ name: 'HTML', value: 'HTML' },
			{ name: 'HTML and Text', value: 'HTML_AND_TEXT', description: 'One test email of each version' },
			{ name: 'Text', value: 'TEXT' },
		],
		description: 'Which version of the email to send',
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
				description: 'A note shown above the email (at most 500 characters)',
			},
		],
	},
];

export const description = forOperation('v2', 'campaign', 'sendTest', properties);

/** Outputs what Constant Contact sent: `format`, `email_addresses`, `personal_message`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, 'campaignId', i, 'Campaign');
	const emails = readEmailList.call(this, this.getNodeParameter('emailAddresses', i, ''), 'Email Addresses', i, MAX_ADDRESSES);
	const body: IDataObject = { email_addresses: emails, format: this.getNodeParameter('format', i, 'HTML_AND_TEXT') as string };
	const message = String((this.getNodeParameter('additionalFields', i, {}) as IDataObject).personalMessage ?? '');
	if (message.length > MAX_MESSAGE) {
		throw new NodeOperationError(this.getNode(), `"Personal Message" is ${message.length} characters long; Constant Contact allows at most ${MAX_MESSAGE}`, {
			itemIndex: i,
		});
	}
	if (message) body.personal_message = message;
	const sent = (await apiRequest.call(this, 'v2', 'POST', `${campaignPath(id)}/tests`, {
		body,
		notFound: notFoundV2Campaign(id),
		itemIndex: i,
	})) as IDataObject;
	return { campaign_id: id, ...(sent ?? body) };
}
