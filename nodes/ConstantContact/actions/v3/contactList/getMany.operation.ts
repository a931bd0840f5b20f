import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../helpers/fields';
import { LIST_NAME_MAX } from '../../../helpers/limits';
import type { OperationOption } from '../../../helpers/types';
import { optionalText, readBoolean, readLimit } from '../../../helpers/validators';
import { apiRequestAllItems } from '../../../transport';
import { membershipCountField } from './shared';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List contact lists',
	action: 'Get many contact lists',
};

export const endpoints = ['GET /contact_lists'];

export const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only the list with exactly this name',
			},
		],
	},
	membershipCountField,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	// No list has a longer name: a longer filter matches nothing (and would not fit in the URL).
	const name = optionalText.call(this, filters.name, 'Name', itemIndex, LIST_NAME_MAX);
	if (name) qs.name = name;
	if (readBoolean.call(this, 'includeMembershipCount', 'Include Membership Count', itemIndex))
		qs.include_membership_count = 'all';
	return await apiRequestAllItems.call(this, 'v3', '/contact_lists', {
		qs,
		itemsKey: 'lists',
		limit: readLimit.call(this, itemIndex),
		itemIndex,
	});
}
