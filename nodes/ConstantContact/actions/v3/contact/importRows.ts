/** The fields of Contact > Import, and each item read into one row of the import (JsonImportContact). */
import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { contactListsField } from '../../../helpers/fields';
import { checkUuid, readUuidList } from '../../../helpers/ids';
import {
	ACTIVITY_TAGS_MAX,
	CONTACT_EMAIL_MAX,
	CUSTOM_FIELD_VALUE_MAX,
	IMPORT_CUSTOM_FIELDS_MAX,
	IMPORT_LISTS_MAX,
	IMPORT_SMS_MAX,
	IMPORT_STREET_MAX,
	IMPORT_TEXT_MAX,
} from '../../../helpers/limits';
import type { BatchOutcome } from '../../../helpers/types';
import {
	checkEmail,
	checkWholeNumber,
	optionalText,
	readTextChanges,
	type TextField,
} from '../../../helpers/validators';
import { describeValue, utf8Bytes } from '../../../helpers/values';
import { customFieldsField, tagsField } from './shared';

const text = (displayName: string, name: string, max: number): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description: `At most ${max} characters`,
});

const ADDRESS_KINDS = [
	{ name: 'Main', value: 'main' },
	{ name: 'Home', value: 'home' },
	{ name: 'Work', value: 'work' },
	{ name: 'Other', value: 'other' },
];
/** The import's keys of an address kind: street, home_street, work_street... */
const addressPrefix = (kind: string) => (kind === 'main' ? '' : `${kind}_`);

export const importProperties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description:
			'The contact is found by this address and updated, or created if new (at most 50 characters). A contact ' +
			'needs an email or an SMS number.',
	},
	contactListsField('v3', {
		required: true,
		description:
			'Lists to add the contact to (at least one, at most 50). Choose from the list, or specify IDs using an <a ' +
			'href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add change on an existing contact',
		options: [
			{
				displayName: 'Addresses',
				name: 'addresses',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Address',
				default: {},
				options: [
					{
						displayName: 'Address',
						name: 'address',
						values: [
							{ displayName: 'Kind', name: 'kind', type: 'options', options: ADDRESS_KINDS, default: 'main' },
							text('Street', 'street', IMPORT_STREET_MAX),
							text('Street 2', 'street2', IMPORT_STREET_MAX),
							text('City', 'city', IMPORT_TEXT_MAX),
							text('State', 'state', IMPORT_TEXT_MAX),
							text('Postal Code', 'zip', IMPORT_TEXT_MAX),
							text('Country', 'country', IMPORT_TEXT_MAX),
						],
					},
				],
			},
			{ ...text('Anniversary', 'anniversary', IMPORT_TEXT_MAX), description: 'e.g. 2006-11-15' },
			{
				displayName: 'Birthday Day',
				name: 'birthdayDay',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 31 },
				default: 1,
			},
			{
				displayName: 'Birthday Month',
				name: 'birthdayMonth',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 12 },
				default: 1,
			},
			text('Company Name', 'companyName', IMPORT_TEXT_MAX),
			customFieldsField('At most 25 per contact'),
			text('First Name', 'firstName', IMPORT_TEXT_MAX),
			text('Home Phone', 'homePhone', IMPORT_TEXT_MAX),
			text('Job Title', 'jobTitle', IMPORT_TEXT_MAX),
			text('Last Name', 'lastName', IMPORT_TEXT_MAX),
			text('Mobile Phone', 'mobilePhone', IMPORT_TEXT_MAX),
			text('Other Phone', 'otherPhone', IMPORT_TEXT_MAX),
			text('Phone', 'phone', IMPORT_TEXT_MAX),
			{ ...text('SMS Consent Date', 'smsConsentDate', IMPORT_SMS_MAX), description: 'e.g. 2026-05-01' },
			{ ...text('SMS Number', 'smsNumber', IMPORT_SMS_MAX), description: 'At most 16 characters, e.g. 5555550123' },
			{
				displayName: 'SMS Permission',
				name: 'smsPermission',
				type: 'options',
				options: [
					{ name: 'Not Set', value: 'not_set' },
					{ name: 'Explicit (Give the Consent Date)', value: 'explicit' },
				],
				default: 'not_set',
				description: 'How the contacts with an SMS number gave consent',
			},
			{
				...tagsField('Tags to add once the import is done (needs the email and Wait for Completion)'),
				required: false,
			},
			text('Work Phone', 'workPhone', IMPORT_TEXT_MAX),
		],
	},
];

const TEXT_FIELDS: TextField[] = [
	{ param: 'firstName', apiKey: 'first_name', label: 'First Name', max: IMPORT_TEXT_MAX },
	{ param: 'lastName', apiKey: 'last_name', label: 'Last Name', max: IMPORT_TEXT_MAX },
	{ param: 'jobTitle', apiKey: 'job_title', label: 'Job Title', max: IMPORT_TEXT_MAX },
	{ param: 'companyName', apiKey: 'company_name', label: 'Company Name', max: IMPORT_TEXT_MAX },
	{ param: 'anniversary', apiKey: 'anniversary', label: 'Anniversary', max: IMPORT_TEXT_MAX },
	{ param: 'phone', apiKey: 'phone', label: 'Phone', max: IMPORT_TEXT_MAX },
	{ param: 'homePhone', apiKey: 'home_phone', label: 'Home Phone', max: IMPORT_TEXT_MAX },
	{ param: 'workPhone', apiKey: 'work_phone', label: 'Work Phone', max: IMPORT_TEXT_MAX },
	{ param: 'mobilePhone', apiKey: 'mobile_phone', label: 'Mobile Phone', max: IMPORT_TEXT_MAX },
	{ param: 'otherPhone', apiKey: 'other_phone', label: 'Other Phone', max: IMPORT_TEXT_MAX },
	{ param: 'smsNumber', apiKey: 'sms_number', label: 'SMS Number', max: IMPORT_SMS_MAX },
	{ param: 'smsConsentDate', apiKey: 'sms_consent_date', label: 'SMS Consent Date', max: IMPORT_SMS_MAX },
];

const ADDRESS_FIELDS: TextField[] = [
	{ param: 'street', apiKey: 'street', label: 'Street', max: IMPORT_STREET_MAX },
	{ param: 'street2', apiKey: 'street2', label: 'Street 2', max: IMPORT_STREET_MAX },
	{ param: 'city', apiKey: 'city', label: 'City', max: IMPORT_TEXT_MAX },
	{ param: 'state', apiKey: 'state', label: 'State', max: IMPORT_TEXT_MAX },
	{ param: 'zip', apiKey: 'zip', label: 'Postal Code', max: IMPORT_TEXT_MAX },
	{ param: 'country', apiKey: 'country', label: 'Country', max: IMPORT_TEXT_MAX },
];

/** One contact of an import, serialized as it is sent (its size decides the batches). */
export interface ImportRow {
	itemIndex: number;
	json: string;
	bytes: number;
	email?: string;
	smsNumber?: string;
	listIds: string[];
	tagIds: string[];
	smsPermission?: string;
}

/** A row as read, before its custom fields are named (`cf:<name>`): reading sends nothing. */
export interface RowDraft extends Omit<ImportRow, 'json' | 'bytes'> {
	contact: IDataObject;
	customFields: Array<{ id: string; value: string }>;
}

/** The account's custom fields: id -> the `name` an import uses (as `cf:<name>`). */
export type CustomFieldNames = Map<string, string>;

/** Every item read and checked; an item with a bad field fails alone. */
export function readRows(
	this: IExecuteFunctions,
	itemIndexes: number[],
): { drafts: RowDraft[]; failed: BatchOutcome[] } {
	const drafts: RowDraft[] = [];
	const failed: BatchOutcome[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			drafts.push(readRow.call(this, itemIndex));
		} catch (error) {
			failed.push({ itemIndexes: [itemIndex], error: error as Error });
		}
	}
	return { drafts, failed };
}

/** The rows with their custom fields named, as sent; a row naming a field the account lacks fails. */
export function namedRows(
	this: IExecuteFunctions,
	drafts: RowDraft[],
	names: CustomFieldNames,
): { rows: ImportRow[]; failed: BatchOutcome[] } {
	const rows: ImportRow[] = [];
	const failed: BatchOutcome[] = [];
	for (const { contact, customFields, ...row } of drafts) {
		const unknown = customFields.find(({ id }) => !names.has(id));
		if (unknown) {
			const message = `"Custom Fields": the account has no custom field with ID "${unknown.id}"`;
			const description = 'Choose the field from the list, or create it first (Custom Field > Create).';
			const error = new NodeOperationError(this.getNode(), message, { itemIndex: row.itemIndex, description });
			failed.push({ itemIndexes: [row.itemIndex], error });
			continue;
		}
		const named = { ...contact };
		for (const { id, value } of customFields) named[`cf:${names.get(id)}`] = value;
		const json = JSON.stringify(named);
		rows.push({ ...row, json, bytes: utf8Bytes(json) });
	}
	return { rows, failed };
}

function additionalOf(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const value = this.getNodeParameter('additionalFields', itemIndex, {}) as unknown;
	return value && typeof value === 'object' ? (value as IDataObject) : {};
}

function readRow(this: IExecuteFunctions, itemIndex: number): RowDraft {
	const additional = additionalOf.call(this, itemIndex);
	const contact: IDataObject = {};
	const email = optionalText.call(this, this.getNodeParameter('email', itemIndex, ''), 'Email', itemIndex);
	if (email) contact.email = checkEmail.call(this, email, 'Email', itemIndex, CONTACT_EMAIL_MAX);
	Object.assign(contact, readTextChanges.call(this, additional, TEXT_FIELDS, itemIndex));
	if (!contact.email && !contact.sms_number) {
		throw new NodeOperationError(this.getNode(), 'The contact needs an "Email" or an "SMS Number"', { itemIndex });
	}
	Object.assign(
		contact,
		readBirthday.call(this, additional, itemIndex),
		readAddresses.call(this, additional, itemIndex),
	);
	const customFields = readCustomFields.call(this, additional, itemIndex);
	const listIds = readUuidList.call(
		this,
		this.getNodeParameter('contactListIds', itemIndex, []),
		'Contact Lists',
		itemIndex,
		IMPORT_LISTS_MAX,
	);
	if (listIds.length === 0) {
		throw new NodeOperationError(this.getNode(), '"Contact Lists" is required: an import adds contacts to lists', {
			itemIndex,
		});
	}
	const tagIds = readUuidList.call(this, additional.tagIds ?? [], 'Tags', itemIndex, ACTIVITY_TAGS_MAX);
	if (tagIds.length && !contact.email) {
		throw new NodeOperationError(this.getNode(), '"Tags" need the contact\'s "Email" to find it after the import', {
			itemIndex,
		});
	}
	return {
		itemIndex,
		contact,
		customFields,
		email: contact.email as string | undefined,
		smsNumber: contact.sms_number as string | undefined,
		listIds,
		tagIds,
		smsPermission: contact.sms_number ? readSmsPermission.call(this, additional, itemIndex) : undefined,
	};
}

function readBirthday(this: IExecuteFunctions, additional: IDataObject, itemIndex: number): IDataObject {
	const out: IDataObject = {};
	if (additional.birthdayMonth !== undefined)
		out.birthday_month = checkWholeNumber.call(this, additional.birthdayMonth, 'Birthday Month', itemIndex, 1, 12);
	if (additional.birthdayDay !== undefined)
		out.birthday_day = checkWholeNumber.call(this, additional.birthdayDay, 'Birthday Day', itemIndex, 1, 31);
	return out;
}

function readAddresses(this: IExecuteFunctions, additional: IDataObject, itemIndex: number): IDataObject {
	const out: IDataObject = {};
	const rows = ((additional.addresses as IDataObject | undefined)?.address as IDataObject[] | undefined) ?? [];
	for (const row of rows) {
		const kind = 'kind' in row ? row.kind : 'main';
		const name = ADDRESS_KINDS.find((k) => k.value === kind)?.name;
		if (name === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`"Kind" of "Addresses" must be main, home, work or other, not ${describeValue(kind)}`,
				{ itemIndex },
			);
		}
		const prefix = addressPrefix(kind as string);
		const fields = ADDRESS_FIELDS.map((field) => ({
			...field,
			apiKey: prefix + field.apiKey,
			label: `${name} ${field.label}`,
		}));
		Object.assign(out, readTextChanges.call(this, row, fields, itemIndex));
	}
	return out;
}

function customFieldRows(additional: IDataObject): IDataObject[] {
	return ((additional.customFields as IDataObject | undefined)?.field as IDataObject[] | undefined) ?? [];
}

function readCustomFields(
	this: IExecuteFunctions,
	additional: IDataObject,
	itemIndex: number,
): Array<{ id: string; value: string }> {
	const rows = customFieldRows(additional);
	if (rows.length > IMPORT_CUSTOM_FIELDS_MAX) {
		throw new NodeOperationError(
			this.getNode(),
			`"Custom Fields" has ${rows.length} fields; Constant Contact allows at most ${IMPORT_CUSTOM_FIELDS_MAX} per contact`,
			{ itemIndex },
		);
	}
	return rows.map((row) => ({
		id: checkUuid.call(this, row.customFieldId, 'Custom Field', itemIndex),
		value: optionalText.call(this, row.value ?? '', 'Custom Field Value', itemIndex, CUSTOM_FIELD_VALUE_MAX) ?? '',
	}));
}

function readSmsPermission(this: IExecuteFunctions, additional: IDataObject, itemIndex: number): string {
	// Set but empty (null from an expression) is refused: only an absent option means not_set.
	const value = 'smsPermission' in additional ? additional.smsPermission : 'not_set';
	if (value !== 'not_set' && value !== 'explicit') {
		throw new NodeOperationError(this.getNode(), '"SMS Permission" must be not_set or explicit', { itemIndex });
	}
	return value;
}
