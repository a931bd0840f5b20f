import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import {
	CAMPAIGN_NAME_MAX,
	checkEmail,
	contactListsField,
	FROM_NAME_MAX,
	optionalText,
	EMAIL_MAX,
} from '../../../helpers/fields';
import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import {
	campaignPath,
	checkViewAsWebPage,
	notFoundV2Campaign,
	optionalCampaignBody,
	optionalCampaignFields,
	V2_SUBJECT_MAX,
} from './shared';

const properties: INodeProperties[] = [
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
			{ displayName: 'Reply-To Email', name: 'replyToEmail', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
			{ displayName: 'Text Content', name: 'textContent', type: 'string', typeOptions: { rows: 4 }, default: '' },
			...optionalCampaignFields,
		],
	},
];

export const description = forOperation('v2', 'campaign', 'update', properties);

// Read-only fields of a v2 campaign: never sent back in a PUT.
const READ_ONLY = [
	'id', 'created_date', 'modified_date', 'last_edit_date', 'last_run_date', 'next_run_date',
	'tracking_summary', 'click_through_details', 'permalink_url', 'is_visible_in_ui', 'template_type',
	'campaign_type', 'status',
];

/** PUT replaces the whole campaign, so the current one is read and changed field by field. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, v2CampaignLocator, i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes = changesFromFields.call(this, fields, i);
	const current = (await apiRequest.call(this, 'v2', 'GET', campaignPath(id), {
		notFound: notFoundV2Campaign(id),
		itemIndex: i,
	})) as IDataObject;
	const body: IDataObject = { ...current, ...changes };
	for (const key of READ_ONLY) delete body[key];
	checkViewAsWebPage.call(this, body, i);
	return (await apiRequest.call(this, 'v2', 'PUT', campaignPath(id), {
		body,
		notFound: notFoundV2Campaign(id),
		itemIndex: i,
	})) as IDataObject;
}

// Our text fields, the API's, their labels and longest values.
const TEXT_FIELDS: Array<[string, string, string, number | undefined]> = [
	['name', 'name', 'Name', CAMPAIGN_NAME_MAX],
	['subject', 'subject', 'Subject', V2_SUBJECT_MAX],
	['fromName', 'from_name', 'From Name', FROM_NAME_MAX],
	['emailContent', 'email_content', 'Email Content', undefined],
	['textContent', 'text_content', 'Text Content', undefined],
];

function changesFromFields(this: IExecuteFunctions, fields: IDataObject, i: number): IDataObject {
	const changes = optionalCampaignBody.call(this, fields, i);
	for (const [field, key, label, max] of TEXT_FIELDS) {
		const text = optionalText.call(this, fields[field], label, i, max);
		if (text) changes[key] = text;
	}
	for (const [field, key, label] of [
		['fromEmail', 'from_email', 'From Email'],
		['replyToEmail', 'reply_to_email', 'Reply-To Email'],
	]) {
		const email = optionalText.call(this, fields[field], label, i);
		if (email) changes[key] = checkEmail.call(this, email, label, i, EMAIL_MAX);
	}
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under "Update Fields"', {
			itemIndex: i,
		});
	}
	return changes;
}
