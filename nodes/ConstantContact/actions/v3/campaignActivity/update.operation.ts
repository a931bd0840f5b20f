import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { checkEmail, contactListsField, readIdList } from '../../../helpers/fields';
import { readUuidList } from '../../../helpers/ids';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { withTrackingImage } from '../campaign/shared';
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
	const id = locatorId.call(this, 'campaignActivityId', i, 'Campaign Activity');
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

function changesFromFields(this: IExecuteFunctions, i: number): IDataObject {
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes: IDataObject = {};
	if (fields.contactListIds !== undefined) {
		const lists = readUuidList.call(this, fields.contactListIds, 'Contact Lists', i, Infinity);
		if (lists.length) changes.contact_list_ids = lists;
	}
	if (fields.segmentIds !== undefined && fields.segmentIds !== '') {
		changes.segment_ids = readIdList.call(this, fields.segmentIds, 'Segment IDs', i).map((s) => {
			const n = Number(s);
			if (!Number.isInteger(n)) {
				throw new NodeOperationError(this.getNode(), `"Segment IDs" must be numbers, got "${s}"`, { itemIndex: i });
			}
			return n;
		});
	}
	for (const [field, key, label] of [
		['fromEmail', 'from_email', 'From Email'],
		['replyToEmail', 'reply_to_email', 'Reply-To Email'],
	]) {
		if (fields[field]) changes[key] = checkEmail.call(this, String(fields[field]).trim(), label, i);
	}
	for (const [field, key] of [
		['fromName', 'from_name'],
		['subject', 'subject'],
		['preheader', 'preheader'],
	]) {
		if (fields[field]) changes[key] = String(fields[field]);
	}
	if (fields.htmlContent) changes.html_content = withTrackingImage(String(fields.htmlContent));
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under "Update Fields"', {
			itemIndex: i,
		});
	}
	return changes;
}
