import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { contactListsField } from '../../../helpers/fields';
import { CAMPAIGN_NAME_MAX, EMAIL_MAX, FROM_NAME_MAX, V2_SUBJECT_MAX } from '../../../helpers/limits';
import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { readTextChanges, type TextField } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import {
	campaignPath,
	checkViewAsWebPage,
	notFoundV2Campaign,
	optionalCampaignBody,
	optionalCampaignFields,
} from './shared';

export const option: OperationOption = {
	name: 'Update',
	description: 'Update a campaign',
	action: 'Update a campaign',
};

export const endpoints = ['GET /emailmarketing/campaigns/{campaignId}', 'PUT /emailmarketing/campaigns/{campaignId}'];

export const properties: INodeProperties[] = [
	v2CampaignLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add change; everything else keeps its current value',
		options: [
			contactListsField('v2', { description: 'Replaces the lists the campaign is sent to' }),
			{ displayName: 'Email Content', name: 'emailContent', type: 'string', typeOptions: { rows: 8 }, default: '' },
			{ displayName: 'From Email', name: 'fromEmail', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'From Name', name: 'fromName', type: 'string', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New unique campaign name' },
			{
				displayName: 'Reply-To Email',
				name: 'replyToEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
			{ displayName: 'Text Content', name: 'textContent', type: 'string', typeOptions: { rows: 4 }, default: '' },
			...optionalCampaignFields,
		],
	},
];

// Read-only fields of a v2 campaign: never sent back in a PUT.
const READ_ONLY = [
	'id',
	'created_date',
	'modified_date',
	'last_edit_date',
	'last_run_date',
	'next_run_date',
	'tracking_summary',
	'click_through_details',
	'permalink_url',
	'is_visible_in_ui',
	'template_type',
	'campaign_type',
	'status',
];

/** PUT replaces the whole campaign, so the current one is read and changed field by field. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v2CampaignLocator, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = changesFromFields.call(this, fields, itemIndex);
	const current = (await apiRequest.call(this, 'v2', 'GET', campaignPath(id), {
		notFound: notFoundV2Campaign(id),
		itemIndex,
	})) as IDataObject;
	const body: IDataObject = { ...current, ...changes };
	for (const key of READ_ONLY) delete body[key];
	checkViewAsWebPage.call(this, body, itemIndex);
	return (await apiRequest.call(this, 'v2', 'PUT', campaignPath(id), {
		body,
		notFound: notFoundV2Campaign(id),
		itemIndex,
	})) as IDataObject;
}

const TEXT_FIELDS: TextField[] = [
	{ param: 'name', apiKey: 'name', label: 'Name', max: CAMPAIGN_NAME_MAX },
	{ param: 'subject', apiKey: 'subject', label: 'Subject', max: V2_SUBJECT_MAX },
	{ param: 'fromName', apiKey: 'from_name', label: 'From Name', max: FROM_NAME_MAX },
	{ param: 'emailContent', apiKey: 'email_content', label: 'Email Content' },
	{ param: 'textContent', apiKey: 'text_content', label: 'Text Content' },
	{ param: 'fromEmail', apiKey: 'from_email', label: 'From Email', max: EMAIL_MAX, email: true },
	{ param: 'replyToEmail', apiKey: 'reply_to_email', label: 'Reply-To Email', max: EMAIL_MAX, email: true },
];

function changesFromFields(this: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const changes = optionalCampaignBody.call(this, fields, itemIndex);
	Object.assign(changes, readTextChanges.call(this, fields, TEXT_FIELDS, itemIndex));
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under "Update Fields"', {
			itemIndex,
		});
	}
	return changes;
}
