import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { checkEmail, contactListsField, optionalText, requiredText } from '../../../helpers/fields';
import { checkUuid, readUuidList } from '../../../helpers/ids';
import { apiRequest } from '../../../transport';

const text = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

const properties: INodeProperties[] = [
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
			'Lists to add the contact to (at least one; lists it is already on are kept). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
			{
				displayName: 'Custom Fields',
				name: 'customFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Custom Field',
				default: {},
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{
								displayName: 'Custom Field ID',
								name: 'customFieldId',
								type: 'string',
								default: '',
								placeholder: 'e.g. 1618ae62-4752-11e9-9c8a-fa163e6b01c1',
								description: 'The ID of a custom field of the account (Contacts > Custom Fields in Constant Contact)',
							},
							text('Value', 'value', 'At most 255 characters'),
						],
					},
				],
			},
			text('First Name', 'firstName', 'At most 50 characters'),
			text('Job Title', 'jobTitle', 'At most 50 characters'),
			text('Last Name', 'lastName', 'At most 50 characters'),
			text('Phone Number', 'phoneNumber', 'At most 25 characters'),
		],
	},
];

export const description = forOperation('v3', 'contact', 'upsert', properties);

// The API's field (ContactCreateOrUpdateInput), its maximum length, and our field.
const TEXT_FIELDS: Array<[string, number, string, string]> = [
	['first_name', 50, 'firstName', 'First Name'],
	['last_name', 50, 'lastName', 'Last Name'],
	['company_name', 50, 'companyName', 'Company Name'],
	['job_title', 50, 'jobTitle', 'Job Title'],
	['phone_number', 25, 'phoneNumber', 'Phone Number'],
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const email = checkEmail.call(this, requiredText.call(this, 'email', 'Email', i, 50), 'Email', i);
	const lists = readUuidList.call(this, this.getNodeParameter('contactListIds', i, []), 'Contact Lists', i, 50);
	if (lists.length === 0) {
		throw new NodeOperationError(this.getNode(), '"Contact Lists" is required: choose at least one list to add the contact to', {
			itemIndex: i,
		});
	}
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = { email_address: email, list_memberships: lists };
	for (const [key, max, field, label] of TEXT_FIELDS) {
		const value = optionalText.call(this, additional[field], label, i, max);
		if (value !== undefined) body[key] = value;
	}
	const customFields = readCustomFields.call(this, additional.customFields, i);
	if (customFields.length) body.custom_fields = customFields;
	const answer = (await apiRequest.call(this, 'v3', 'POST', '/contacts/sign_up_form', {
		body,
		itemIndex: i,
		// Create-or-update by email: sending it again cannot make a second contact.
		repeatable: true,
	})) as IDataObject;
	return { contact_id: answer.contact_id, action: answer.action, email_address: email };
}

function readCustomFields(this: IExecuteFunctions, value: unknown, i: number): IDataObject[] {
	const rows = ((value as IDataObject | undefined)?.field as IDataObject[] | undefined) ?? [];
	if (rows.length > 50) {
		throw new NodeOperationError(this.getNode(), `"Custom Fields" has ${rows.length} fields; Constant Contact allows at most 50`, {
			itemIndex: i,
		});
	}
	return rows.map((row) => ({
		custom_field_id: checkUuid.call(this, row.customFieldId, 'Custom Field ID', i),
		value: optionalText.call(this, row.value ?? '', 'Custom Field Value', i, 255) ?? '',
	}));
}
