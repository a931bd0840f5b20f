import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { contactListsField, requiredEmail, requiredText } from '../../../helpers/fields';
import { apiRequest } from '../../../transport';
import { optionalCampaignBody, optionalCampaignFields } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Campaign Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Unique name of the campaign (at most 80 characters)',
	},
	{ displayName: 'Subject', name: 'subject', type: 'string', required: true, default: '' },
	{ displayName: 'From Name', name: 'fromName', type: 'string', required: true, default: '' },
	{
		displayName: 'From Email',
		name: 'fromEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Must be a verified email address of the account',
	},
	{
		displayName: 'Reply-To Email',
		name: 'replyToEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
	{
		displayName: 'Email Content',
		name: 'emailContent',
		type: 'string',
		typeOptions: { rows: 8 },
		required: true,
		default: '',
		description: 'The email body as HTML or XHTML',
	},
	{
		displayName: 'Email Content Format',
		name: 'emailContentFormat',
		type: 'options',
		options: [
			{ name: 'HTML', value: 'HTML' },
			{ name: 'XHTML', value: 'XHTML' },
		],
		default: 'HTML',
	},
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

export const description = forOperation('v2', 'campaign', 'create', properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const body: IDataObject = {
		name: requiredText.call(this, 'name', 'Campaign Name', i, 80),
		subject: requiredText.call(this, 'subject', 'Subject', i),
		from_name: requiredText.call(this, 'fromName', 'From Name', i),
		from_email: requiredEmail.call(this, 'fromEmail', 'From Email', i),
		reply_to_email: requiredEmail.call(this, 'replyToEmail', 'Reply-To Email', i),
		email_content: requiredText.call(this, 'emailContent', 'Email Content', i),
		email_content_format: this.getNodeParameter('emailContentFormat', i, 'HTML') as string,
		text_content: requiredText.call(this, 'textContent', 'Text Content', i),
		...optionalCampaignBody.call(
			this,
			{
				...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
				contactListIds: this.getNodeParameter('contactListIds', i, []),
			},
			i,
		),
	};
	return (await apiRequest.call(this, 'v2', 'POST', '/emailmarketing/campaigns', { body, itemIndex: i })) as IDataObject;
}
