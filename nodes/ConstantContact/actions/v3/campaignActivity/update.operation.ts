import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import {
	checkEmail,
	contactListsField,
	FROM_NAME_MAX,
	optionalText,
	readIdList,
	EMAIL_MAX,
} from '../../../helpers/fields';
import { readUuidList } from '../../../helpers/ids';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { describeValue } from '../../../helpers/values';
import { apiRequest } from '../../../transport';
import { checkedHtml, PREHEADER_MAX } from '../campaign/shared';
import { notFoundActivity } from './shared';

const properties: INodeProperties[] = [
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
					'Who receives the email: replaces the current lists (and any segments). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
				description: 'Comma-separated segment IDs (segments are made in the Constant Contact app). Replaces the current lists.',
			},
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
		],
	},
];

export const description = forOperation('v3', 'campaignActivity', 'update', properties);

// The activity's fields a PUT may carry; the rest are read-only. Omitted subresources
// (html_content, physical_address_in_footer, document_properties) are kept by the API.
const WRITABLE = ['contact_list_ids', 'segment_ids', 'from_email', 'from_name', 'reply_to_email', 'subject', 'preheader'];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, i);
	const changes = changesFromFields.call(this, i);
	const path = `/emails/activities/${encodeURIComponent(id)}`;
	const current = (await apiRequest.call(this, 'v3', 'GET', path, {
		notFound: notFoundActivity(id),
		itemIndex: i,
	})) as IDataObject;
	const body: IDataObject = {};
	for (const key of WRITABLE) if (current[key] !== undefined && current[key] !== null) body[key] = current[key];
	if (changes.contact_list_ids) delete body.segment_ids;
	if (changes.segment_ids) delete body.contact_list_ids;
	Object.assign(body, changes);
	return (await apiRequest.call(this, 'v3', 'PUT', path, {
		body,
		notFound: notFoundActivity(id),
		itemIndex: i,
	})) as IDataObject;
}

// Our field, the API's, its label and the API's longest value (EmailCampaignActivityInput).
const TEXT_FIELDS: Array<[string, string, string, number | undefined]> = [
	['fromName', 'from_name', 'From Name', FROM_NAME_MAX],
	['subject', 'subject', 'Subject', undefined],
	['preheader', 'preheader', 'Preheader', PREHEADER_MAX],
];

function changesFromFields(this: IExecuteFunctions, i: number): IDataObject {
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes: IDataObject = {};
	if (fields.contactListIds !== undefined) {
		const lists = readUuidList.call(this, fields.contactListIds, 'Contact Lists', i, Infinity);
		if (lists.length) changes.contact_list_ids = lists;
	}
	if (fields.segmentIds !== undefined && fields.segmentIds !== '') {
		changes.segment_ids = readIdList.call(this, fields.segmentIds, 'Segment IDs', i).map((s) => {
			if (!/^[0-9]{1,9}$/.test(s)) {
				throw new NodeOperationError(this.getNode(), `"Segment IDs" must be numbers, not ${describeValue(s)}`, { itemIndex: i });
			}
			return Number(s);
		});
	}
	for (const [field, key, label] of [
		['fromEmail', 'from_email', 'From Email'],
		['replyToEmail', 'reply_to_email', 'Reply-To Email'],
	]) {
		const email = optionalText.call(this, fields[field], label, i);
		if (email) changes[key] = checkEmail.call(this, email, label, i, EMAIL_MAX);
	}
	for (const [field, key, label, max] of TEXT_FIELDS) {
		const text = optionalText.call(this, fields[field], label, i, max);
		if (text) changes[key] = text;
	}
	const html = optionalText.call(this, fields.htmlContent, 'HTML Content', i);
	if (html) changes.html_content = checkedHtml.call(this, html, i);
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under "Update Fields"', {
			itemIndex: i,
		});
	}
	return changes;
}
