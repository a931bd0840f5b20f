import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { contactListsField, newCampaignFields } from '../../../helpers/fields';
import { V2_SUBJECT_MAX } from '../../../helpers/limits';
import { readOption } from '../../../helpers/options';
import type { OperationOption } from '../../../helpers/types';
import { readNewCampaignFields, requiredText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { checkViewAsWebPage, optionalCampaignBody, optionalCampaignFields } from './shared';

const emailContentFormatField: INodeProperties = {
	displayName: 'Email Content Format',
	name: 'emailContentFormat',
	type: 'options',
	options: [
		{ name: 'HTML', value: 'HTML' },
		{ name: 'XHTML', value: 'XHTML' },
	],
	default: 'HTML',
};

export const option: OperationOption = {
	name: 'Create',
	description: 'Create a campaign',
	action: 'Create a campaign',
};

export const endpoints = ['POST /emailmarketing/campaigns'];

export const properties: INodeProperties[] = [
	...newCampaignFields(),
	{
		displayName: 'Email Content',
		name: 'emailContent',
		type: 'string',
		typeOptions: { rows: 8 },
		required: true,
		default: '',
		description: 'The email body as HTML or XHTML',
	},
	emailContentFormatField,
	{
		displayName: 'Text Content',
		name: 'textContent',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The plain-text version of the email',
	},
	contactListsField('v2'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalCampaignFields,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {
		...readNewCampaignFields.call(this, itemIndex, V2_SUBJECT_MAX),
		email_content: requiredText.call(this, 'emailContent', 'Email Content', itemIndex),
		email_content_format: readOption.call(this, emailContentFormatField, itemIndex),
		text_content: requiredText.call(this, 'textContent', 'Text Content', itemIndex),
		...optionalCampaignBody.call(
			this,
			{
				...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
				contactListIds: this.getNodeParameter('contactListIds', itemIndex, []),
			},
			itemIndex,
		),
	};
	checkViewAsWebPage.call(this, body, itemIndex);
	return (await apiRequest.call(this, 'v2', 'POST', '/emailmarketing/campaigns', { body, itemIndex })) as IDataObject;
}
