import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { optionalText, readBoolean, readLimit, returnAllAndLimit } from '../../../helpers/fields';
import { apiRequestAllItems } from '../../../transport';
import { LIST_NAME_MAX, membershipCountField } from './shared';

const properties: INodeProperties[] = [
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

export const description = forOperation('v3', 'contactList', 'getMany', properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	// No list has a longer name: a longer filter matches nothing (and would not fit in the URL).
	const name = optionalText.call(this, filters.name, 'Name', i, LIST_NAME_MAX);
	if (name) qs.name = name;
	if (readBoolean.call(this, 'includeMembershipCount', 'Include Membership Count', i)) qs.include_membership_count = 'all';
	return await apiRequestAllItems.call(this, 'v3', '/contact_lists', {
		qs,
		itemsKey: 'lists',
		limit: readLimit.call(this, i),
		itemIndex: i,
	});
}
