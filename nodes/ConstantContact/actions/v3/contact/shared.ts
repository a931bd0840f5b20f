import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { contactListsField, pickerField } from '../../../helpers/fields';
import { readUuidList } from '../../../helpers/ids';
import { ACTIVITY_LISTS_MAX, ACTIVITY_TAGS_MAX } from '../../../helpers/limits';
import { readMultiOptions } from '../../../helpers/options';
import type { ContactActivity } from './contactActivities';

export const notFoundContact = (id: string) =>
	`No contact with ID "${id}" exists in this Constant Contact account (or it was deleted). Check "Contact ID".`;

export const includeField: INodeProperties = {
	displayName: 'Include',
	name: 'include',
	type: 'multiOptions',
	default: [],
	description: 'Extra parts of each contact to return',
	options: [
		{ name: 'Custom Fields', value: 'custom_fields' },
		{ name: 'List Memberships', value: 'list_memberships' },
		{ name: 'Notes', value: 'notes' },
		{ name: 'Phone Numbers', value: 'phone_numbers' },
		{ name: 'Street Addresses', value: 'street_addresses' },
		{ name: 'Taggings', value: 'taggings' },
	],
};

/** The `include` query parameter, or nothing. */
export function includeQs(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const include = readMultiOptions.call(this, includeField, itemIndex);
	return include.length ? { include: include.join(',') } : {};
}

export const targetListsField = (description: string): INodeProperties =>
	contactListsField('v3', {
		displayName: 'List Names or IDs',
		required: true,
		description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	});

export const tagsField = (description: string): INodeProperties => ({
	displayName: 'Tag Names or IDs',
	name: 'tagIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTags' },
	required: true,
	default: [],
	description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

/** Ids of a required multi-select (lists or tags): 1 to `max`, each a UUID. */
function readTargets(this: IExecuteFunctions, name: string, label: string, itemIndex: number, max: number): string[] {
	const ids = readUuidList.call(this, this.getNodeParameter(name, itemIndex, []), label, itemIndex, max);
	if (ids.length === 0) throw new NodeOperationError(this.getNode(), `"${label}" is required`, { itemIndex });
	return ids;
}

/** Adds contacts to, or removes them from, lists (`source.contact_ids` into `list_ids`). */
export const listsActivity = (kind: 'add_list_memberships' | 'remove_list_memberships'): ContactActivity => ({
	kind,
	readTargets(itemIndex) {
		return readTargets.call(this, 'contactListIds', 'List Names or IDs', itemIndex, ACTIVITY_LISTS_MAX);
	},
	body: (contactIds, listIds) => ({ source: { contact_ids: contactIds }, list_ids: listIds }),
	targetsKey: 'list_ids',
});

/** Tags contacts, or removes tags (`source.contact_ids`, `tag_ids`). */
export const tagsActivity = (kind: 'contacts_taggings_add' | 'contacts_taggings_remove'): ContactActivity => ({
	kind,
	readTargets(itemIndex) {
		return readTargets.call(this, 'tagIds', 'Tag Names or IDs', itemIndex, ACTIVITY_TAGS_MAX);
	},
	body: (contactIds, tagIds) => ({ source: { contact_ids: contactIds }, tag_ids: tagIds }),
	targetsKey: 'tag_ids',
});

/** Custom field values of a contact, each picked from the account's custom fields. */
export const customFieldsField = (limitNote: string): INodeProperties => ({
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	description: limitNote,
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				pickerField('Custom Field Name or ID', 'customFieldId', 'getCustomFields', {
					hint: "An expression can give the field's ID, e.g. 1618ae62-4752-11e9-9c8a-fa163e6b01c1",
				}),
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'At most 255 characters',
				},
			],
		},
	],
});

/** How an item names its contact: by ID or by email. */
export const CONTACT_BY = [
	{ name: 'Contact ID', value: 'id' },
	{ name: 'Email', value: 'email' },
];
