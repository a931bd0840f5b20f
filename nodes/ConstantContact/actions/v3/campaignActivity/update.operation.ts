import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { contactListsField, segmentField } from '../../../helpers/fields';
import { readUuidList } from '../../../helpers/ids';
import { EMAIL_MAX, FROM_NAME_MAX, PREHEADER_MAX } from '../../../helpers/limits';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { optionalText, readTextChanges, type TextField } from '../../../helpers/validators';
import { checkedHtml } from '../campaign/shared';
import { putActivity, readSegmentChange } from './shared';

export const option: OperationOption = {
	name: 'Update',
	description: 'Change contact lists or segment, subject, sender or content',
	action: 'Update a campaign activity',
};

export const endpoints = [
	'GET /emails/activities/{campaign_activity_id}',
	'PUT /emails/activities/{campaign_activity_id}',
];

export const properties: INodeProperties[] = [
	v3CampaignActivityLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add change; everything else keeps its current value',
		options: [
			contactListsField('v3', {
				description:
					'Who receives the email: replaces the current lists (and any segment). Choose from the list, or specify IDs ' +
					'using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
			{
				displayName: 'From Email',
				name: 'fromEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Must be a verified email address of the Constant Contact account',
			},
			{ displayName: 'From Name', name: 'fromName', type: 'string', default: '' },
			{
				displayName: 'HTML Content',
				name: 'htmlContent',
				type: 'string',
				typeOptions: { rows: 8 },
				default: '',
				description: 'Custom-code emails only. [[trackingImage]] is added if missing.',
			},
			{ displayName: 'Preheader', name: 'preheader', type: 'string', default: '' },
			{
				displayName: 'Reply-To Email',
				name: 'replyToEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			segmentField({
				description:
					'Who receives the email: one segment of the account, replacing the current lists. Choose from the list, or ' +
					'specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
			{
				displayName: 'Segment IDs',
				name: 'segmentIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12',
				description:
					'The segment ID to send to, typed (or pick it under "Segment Name or ID"). An email goes to a single ' +
					'segment; it replaces the current lists.',
			},
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const changes = changesFromFields.call(this, itemIndex);
	return await putActivity.call(this, id, changes, itemIndex);
}

const TEXT_FIELDS: TextField[] = [
	{ param: 'fromEmail', apiKey: 'from_email', label: 'From Email', max: EMAIL_MAX, email: true },
	{ param: 'replyToEmail', apiKey: 'reply_to_email', label: 'Reply-To Email', max: EMAIL_MAX, email: true },
	{ param: 'fromName', apiKey: 'from_name', label: 'From Name', max: FROM_NAME_MAX },
	{ param: 'subject', apiKey: 'subject', label: 'Subject' },
	{ param: 'preheader', apiKey: 'preheader', label: 'Preheader', max: PREHEADER_MAX },
];

function changesFromFields(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = {};
	if (fields.contactListIds !== undefined) {
		const lists = readUuidList.call(this, fields.contactListIds, 'Contact Lists', itemIndex, Infinity);
		if (lists.length) changes.contact_list_ids = lists;
	}
	const segments = readSegmentChange.call(this, fields, itemIndex);
	if (segments) {
		if (changes.contact_list_ids) {
			throw new NodeOperationError(
				this.getNode(),
				'Set either "Contact Lists" or a segment, not both: Constant Contact sends an email to lists or to a segment',
				{ itemIndex },
			);
		}
		changes.segment_ids = segments;
	}
	Object.assign(changes, readTextChanges.call(this, fields, TEXT_FIELDS, itemIndex));
	const html = optionalText.call(this, fields.htmlContent, 'HTML Content', itemIndex);
	if (html) changes.html_content = checkedHtml.call(this, html, itemIndex);
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under "Update Fields"', {
			itemIndex,
		});
	}
	return changes;
}
