import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { contactListsField } from '../../../helpers/fields';
import { readUuidList } from '../../../helpers/ids';
import { EMAIL_MAX, FROM_NAME_MAX, PREHEADER_MAX } from '../../../helpers/limits';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { optionalText, readIdList, readTextChanges, type TextField } from '../../../helpers/validators';
import { describeValue } from '../../../helpers/values';
import { apiRequest } from '../../../transport';
import { checkedHtml } from '../campaign/shared';
import { notFoundActivity } from './shared';

export const option: OperationOption = {
	name: 'Update',
	description: 'Change contact lists, subject, sender or content',
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
					'Who receives the email: replaces the current lists (and any segments). Choose from the list, or specify IDs ' +
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
			{
				displayName: 'Segment IDs',
				name: 'segmentIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12, 15',
				description:
					'Comma-separated segment IDs (segments are made in the Constant Contact app). Replaces the current lists.',
			},
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
		],
	},
];

// The activity's fields a PUT may carry; the rest are read-only. Omitted subresources
// (html_content, physical_address_in_footer, document_properties) are kept by the API.
const WRITABLE = [
	'contact_list_ids',
	'segment_ids',
	'from_email',
	'from_name',
	'reply_to_email',
	'subject',
	'preheader',
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const changes = changesFromFields.call(this, itemIndex);
	const path = `/emails/activities/${encodeURIComponent(id)}`;
	const current = (await apiRequest.call(this, 'v3', 'GET', path, {
		notFound: notFoundActivity(id),
		itemIndex,
	})) as IDataObject;
	const body: IDataObject = {};
	for (const key of WRITABLE) if (current[key] !== undefined && current[key] !== null) body[key] = current[key];
	if (changes.contact_list_ids) delete body.segment_ids;
	if (changes.segment_ids) delete body.contact_list_ids;
	Object.assign(body, changes);
	return (await apiRequest.call(this, 'v3', 'PUT', path, {
		body,
		notFound: notFoundActivity(id),
		itemIndex,
	})) as IDataObject;
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
	if (fields.segmentIds !== undefined && fields.segmentIds !== '') {
		changes.segment_ids = readIdList.call(this, fields.segmentIds, 'Segment IDs', itemIndex).map((s) => {
			if (!/^[0-9]{1,9}$/.test(s)) {
				throw new NodeOperationError(this.getNode(), `"Segment IDs" must be numbers, not ${describeValue(s)}`, {
					itemIndex,
				});
			}
			return Number(s);
		});
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
