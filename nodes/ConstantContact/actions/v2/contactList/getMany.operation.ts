import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toUtcIso } from '../../../helpers/dates';
import { returnAllAndLimit } from '../../../helpers/fields';
import type { OperationOption } from '../../../helpers/types';
import { readLimit } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List contact lists',
	action: 'Get many contact lists',
};

export const endpoints = ['GET /lists'];

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
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only lists modified on or after this date',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const limit = readLimit.call(this, itemIndex);
	const qs: IDataObject = {};
	if (filters.modifiedSince) {
		qs.modified_since = toUtcIso(this.getNode(), filters.modifiedSince, 'Modified Since', this.getTimezone());
	}
	// v2 answers every list at once, as an array (no pages).
	const lists = await apiRequest.call(this, 'v2', 'GET', '/lists', { qs, itemIndex });
	const all = Array.isArray(lists) ? (lists as IDataObject[]) : [];
	return limit === undefined ? all : all.slice(0, limit);
}
