import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readMultiOptions } from '../../../helpers/options';

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
