import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { activityFailure, readWait, startActivity, waitFields, waitForActivity } from '../../../helpers/bulkActivities';
import { contactListsField } from '../../../helpers/fields';
import { readUuidList } from '../../../helpers/ids';
import { ACTIVITY_LISTS_MAX } from '../../../helpers/limits';
import { checkMultiOptions, checkOption } from '../../../helpers/options';
import { BinaryOutput, type OperationOption } from '../../../helpers/types';
import { optionalText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';

export const option: OperationOption = {
	name: 'Export',
	description: 'Export contacts to a CSV file (binary data), all of them or those of some lists',
	action: 'Export contacts to a CSV file',
};

export const endpoints = [
	'POST /activities/contact_exports',
	'GET /activities/{activity_id}',
	'GET /contact_exports/{file_export_id}',
];

const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Active', value: 'active' },
		{ name: 'Deleted', value: 'deleted' },
		{ name: 'Not Set', value: 'not_set' },
		{ name: 'Pending Confirmation', value: 'pending_confirmation' },
		{ name: 'Temporary Hold', value: 'temp_hold' },
		{ name: 'Unsubscribed', value: 'unsubscribed' },
	],
	default: 'active',
	description: 'Only contacts with this email permission status',
};

const EMAIL_FIELDS = [
	'email_optin_date',
	'email_optin_source',
	'email_optout_date',
	'email_optout_reason',
	'email_optout_source',
];
const FIELDS = [
	'company_name',
	'created_at',
	'email_address',
	...EMAIL_FIELDS,
	'first_name',
	'job_title',
	'last_name',
	'phone',
	'sms_number',
	'tags',
	'updated_at',
];

const fieldsField: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'multiOptions',
	options: FIELDS.map((field) => ({ name: field, value: field })),
	default: [],
	description: "The CSV's columns; none: every field, custom fields too. The email_opt* fields need email_address.",
};

export const properties: INodeProperties[] = [
	contactListsField('v3', {
		displayName: 'List Names or IDs',
		description:
			'Export the members of these lists (at most 50); none: every contact of the account. Choose from the list, ' +
			'or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the CSV file in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			fieldsField,
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: 'contacts.csv',
			},
			statusField,
		],
	},
	{ ...waitFields[1], displayOptions: undefined },
];

/** One export per item: a background job, then its file. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<BinaryOutput> {
	const body = readExport.call(this, itemIndex);
	const binaryName = optionalText.call(
		this,
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
		'Put Output File in Field',
		itemIndex,
	);
	if (!binaryName)
		throw new NodeOperationError(this.getNode(), '"Put Output File in Field" is required', { itemIndex });
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fileName = optionalText.call(this, options.fileName, 'File Name', itemIndex) || 'contacts.csv';
	const { maxWaitMs } = readWait.call(this, itemIndex);
	const queued = await startActivity.call(this, 'contact_exports', body, itemIndex);
	const done = await waitForActivity.call(this, queued, maxWaitMs, itemIndex);
	const failure = activityFailure.call(this, done, itemIndex);
	if (failure) throw failure;
	const fileId = fileExportId.call(this, done, itemIndex);
	const csv = (await apiRequest.call(this, 'v3', 'GET', `/contact_exports/${encodeURIComponent(fileId)}`, {
		accept: 'text/csv',
		itemIndex,
	})) as string;
	const binary = await this.helpers.prepareBinaryData(Buffer.from(csv, 'utf8'), fileName, 'text/csv');
	const lines = csv.split(/\r?\n/).filter((line) => line !== '').length;
	const json = {
		activity_id: done.activity_id,
		state: done.state,
		file_export_id: fileId,
		contacts: Math.max(0, lines - 1),
	};
	return new BinaryOutput(json, { [binaryName]: binary });
}

function readExport(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	const lists = readUuidList.call(
		this,
		this.getNodeParameter('contactListIds', itemIndex, []),
		'List Names or IDs',
		itemIndex,
		ACTIVITY_LISTS_MAX,
	);
	if (lists.length) body.list_ids = lists;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.status !== undefined) body.status = checkOption.call(this, options.status, statusField, itemIndex);
	const fields =
		options.fields === undefined ? [] : checkMultiOptions.call(this, options.fields, fieldsField, itemIndex);
	const needsEmail = fields.find((field) => EMAIL_FIELDS.includes(field));
	if (needsEmail && !fields.includes('email_address')) {
		throw new NodeOperationError(this.getNode(), `"Fields": ${needsEmail} needs email_address too`, { itemIndex });
	}
	if (fields.length) body.fields = fields;
	return body;
}

/** The export's file id, from the `results` link of the completed activity. */
function fileExportId(this: IExecuteFunctions, activity: IDataObject, itemIndex: number): string {
	const href = ((activity._links as IDataObject | undefined)?.results as IDataObject | undefined)?.href;
	const id = typeof href === 'string' ? href.split('/').filter(Boolean).pop() : undefined;
	if (!id) {
		throw new NodeOperationError(this.getNode(), `Export "${String(activity.activity_id)}" completed without a file`, {
			itemIndex,
			description: 'Constant Contact gave no results link; try the export again.',
		});
	}
	return id;
}
