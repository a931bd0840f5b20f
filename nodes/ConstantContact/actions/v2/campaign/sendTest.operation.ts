import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { V2_PERSONAL_MESSAGE_MAX } from '../../../helpers/limits';
import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { readOption } from '../../../helpers/options';
import { personalMessageFields, readTestSend, testRecipientsField } from '../../../helpers/testSend';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { campaignPath, notFoundV2Campaign } from './shared';

const formatField: INodeProperties = {
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
};

export const option: OperationOption = {
	name: 'Send Test',
	description: 'Send a test email to up to 5 addresses',
	action: 'Send a test of a campaign',
};

export const endpoints = ['POST /emailmarketing/campaigns/{campaignId}/tests'];

export const properties: INodeProperties[] = [
	v2CampaignLocator,
	testRecipientsField,
	formatField,
	personalMessageFields('A note shown above the email (at most 500 characters)'),
];

/** Outputs what Constant Contact sent: `format`, `email_addresses`, `personal_message`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v2CampaignLocator, itemIndex);
	const { emails, message } = readTestSend.call(this, itemIndex);
	const body: IDataObject = { email_addresses: emails, format: readOption.call(this, formatField, itemIndex) };
	if (message.length > V2_PERSONAL_MESSAGE_MAX) {
		throw new NodeOperationError(
			this.getNode(),
			`"Personal Message" is ${message.length} characters long; Constant Contact allows at most ` +
				`${V2_PERSONAL_MESSAGE_MAX}`,
			{
				itemIndex,
			},
		);
	}
	if (message) body.personal_message = message;
	const sent = (await apiRequest.call(this, 'v2', 'POST', `${campaignPath(id)}/tests`, {
		body,
		notFound: notFoundV2Campaign(id),
		itemIndex,
	})) as IDataObject;
	return { campaign_id: id, ...(sent ?? body) };
}
