import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toUtcIso } from '../../../helpers/dates';
import { contactListsField, returnAllAndLimit } from '../../../helpers/fields';
import { readUuidList } from '../../../helpers/ids';
import { CONTACT_FILTER_LISTS_MAX } from '../../../helpers/limits';
import { checkMultiOptions } from '../../../helpers/options';
import type { OperationOption } from '../../../helpers/types';
import { readLimit } from '../../../helpers/validators';
import { apiRequestAllItems } from '../../../transport';
import { includeField, includeQs } from './shared';

const statusFilter: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'multiOptions',
	default: [],
	description: 'Only contacts with one of these email permission statuses. Without it, all but deleted contacts.',
	options: [
		{ name: 'Active', value: 'active' },
		{ name: 'All (Including Deleted)', value: 'all' },
		{ name: 'Deleted', value: 'deleted' },
		{ name: 'Not Set', value: 'not_set' },
		{ name: 'Pending Confirmation', value: 'pending_confirmation' },
		{ name: 'Temporary Hold', value: 'temp_hold' },
		{ name: 'Unsubscribed', value: 'unsubscribed' },
	],
};

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List contacts',
	action: 'Get many contacts',
};

export const endpoints = ['GET /contacts'];

export const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			contactListsField('v3', {
				description:
					'Only contacts on any of these lists (at most 25). Choose from the list, or specify IDs using an <a ' +
					'href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
			statusFilter,
			{
				displayName: 'Updated Since',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only contacts last updated after this date',
			},
		],
	},
	includeField,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = includeQs.call(this, itemIndex);
	if (filters.contactListIds !== undefined) {
		const lists = readUuidList.call(this, filters.contactListIds, 'Contact Lists', itemIndex, CONTACT_FILTER_LISTS_MAX);
		if (lists.length) qs.lists = lists.join(',');
	}
	const status = checkMultiOptions.call(this, filters.status, statusFilter, itemIndex);
	if (status.length) qs.status = status.join(',');
	if (filters.updatedAfter) {
		qs.updated_after = toUtcIso(this.getNode(), filters.updatedAfter, 'Updated Since', this.getTimezone());
	}
	return await apiRequestAllItems.call(this, 'v3', '/contacts', {
		qs,
		itemsKey: 'contacts',
		limit: readLimit.call(this, itemIndex),
		itemIndex,
	});
}
