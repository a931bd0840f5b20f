import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { contactListsField } from '../../../helpers/fields';
import { checkUuid, readUuidList } from '../../../helpers/ids';
import {
	CONTACT_CUSTOM_FIELDS_MAX,
	CONTACT_EMAIL_MAX,
	CONTACT_LISTS_MAX,
	CONTACT_NAME_MAX,
	CONTACT_PHONE_MAX,
	CUSTOM_FIELD_VALUE_MAX,
} from '../../../helpers/limits';
import type { OperationOption } from '../../../helpers/types';
import { checkEmail, optionalText, readTextChanges, requiredText, type TextField } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { customFieldsField } from './shared';

const text = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

export const option: OperationOption = {
	name: 'Create or Update',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	action: 'Create or update a contact',
};

export const endpoints = ['POST /contacts/sign_up_form'];

export const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'The contact is found by this address and updated, or created if new (at most 50 characters)',
	},
	contactListsField('v3', {
		required: true,
		description:
			'Lists to add the contact to (at least one; lists it is already on are kept). Choose from the list, or specify ' +
			'IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add change on an existing contact',
		options: [
			text('Company Name', 'companyName', 'At most 50 characters'),
			customFieldsField('At most 50 per contact'),
			text('First Name', 'firstName', 'At most 50 characters'),
			text('Job Title', 'jobTitle', 'At most 50 characters'),
			text('Last Name', 'lastName', 'At most 50 characters'),
			text('Phone Number', 'phoneNumber', 'At most 25 characters'),
		],
	},
];

const TEXT_FIELDS: TextField[] = [
	{ param: 'firstName', apiKey: 'first_name', label: 'First Name', max: CONTACT_NAME_MAX },
	{ param: 'lastName', apiKey: 'last_name', label: 'Last Name', max: CONTACT_NAME_MAX },
	{ param: 'companyName', apiKey: 'company_name', label: 'Company Name', max: CONTACT_NAME_MAX },
	{ param: 'jobTitle', apiKey: 'job_title', label: 'Job Title', max: CONTACT_NAME_MAX },
	{ param: 'phoneNumber', apiKey: 'phone_number', label: 'Phone Number', max: CONTACT_PHONE_MAX },
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = checkEmail.call(
		this,
		requiredText.call(this, 'email', 'Email', itemIndex, CONTACT_EMAIL_MAX),
		'Email',
		itemIndex,
	);
	const lists = readUuidList.call(
		this,
		this.getNodeParameter('contactListIds', itemIndex, []),
		'Contact Lists',
		itemIndex,
		CONTACT_LISTS_MAX,
	);
	if (lists.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			'"Contact Lists" is required: choose at least one list to add the contact to',
			{
				itemIndex,
			},
		);
	}
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { email_address: email, list_memberships: lists };
	Object.assign(body, readTextChanges.call(this, additional, TEXT_FIELDS, itemIndex));
	const customFields = readCustomFields.call(this, additional.customFields, itemIndex);
	if (customFields.length) body.custom_fields = customFields;
	const answer = (await apiRequest.call(this, 'v3', 'POST', '/contacts/sign_up_form', {
		body,
		itemIndex,
		// Create-or-update by email: sending it again cannot make a second contact.
		repeatable: true,
	})) as IDataObject;
	return { contact_id: answer.contact_id, action: answer.action, email_address: email };
}

function readCustomFields(this: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject[] {
	const rows = ((value as IDataObject | undefined)?.field as IDataObject[] | undefined) ?? [];
	if (rows.length > CONTACT_CUSTOM_FIELDS_MAX) {
		throw new NodeOperationError(
			this.getNode(),
			`"Custom Fields" has ${rows.length} fields; Constant Contact allows at most ${CONTACT_CUSTOM_FIELDS_MAX}`,
			{
				itemIndex,
			},
		);
	}
	return rows.map((row) => ({
		custom_field_id: checkUuid.call(this, row.customFieldId, 'Custom Field ID', itemIndex),
		value: optionalText.call(this, row.value ?? '', 'Custom Field Value', itemIndex, CUSTOM_FIELD_VALUE_MAX) ?? '',
	}));
}
