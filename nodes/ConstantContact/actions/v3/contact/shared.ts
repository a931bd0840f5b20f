import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

export const notFoundContact = (id: string) =>
	`No contact with ID "${id}" exists in this Constant Contact account (or it was deleted).`;

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
export function includeQs(this: IExecuteFunctions, i: number): IDataObject {
	const include = this.getNodeParameter('include', i, []) as string[];
	return include.length ? { include: include.join(',') } : {};
}

/** Optional text from a collection, trimmed and checked against the API's maximum length. */
export function optionalText(
	this: IExecuteFunctions,
	value: unknown,
	label: string,
	max: number,
	itemIndex: number,
): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	if (text.length > max) {
		throw new NodeOperationError(
			this.getNode(),
			`"${label}" is ${text.length} characters long; Constant Contact allows at most ${max}`,
			{ itemIndex },
		);
	}
	return text;
}
