import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../helpers/fields';
import { ACTIVITIES_PAGE_SIZE_MAX } from '../../../helpers/limits';
import { checkOption } from '../../../helpers/options';
import type { OperationOption } from '../../../helpers/types';
import { readLimit } from '../../../helpers/validators';
import { apiRequestAllItems } from '../../../transport';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List the bulk activities of the past 10 days',
	action: 'Get many bulk activities',
};

export const endpoints = ['GET /activities'];

// The contract's `state` values for GET /activities.
const stateField: INodeProperties = {
	displayName: 'Status',
	name: 'state',
	type: 'options',
	default: 'processing',
	description: 'Only activities in this state',
	options: [
		{ name: 'Cancelled', value: 'cancelled' },
		{ name: 'Completed', value: 'completed' },
		{ name: 'Failed', value: 'failed' },
		{ name: 'Processing', value: 'processing' },
		{ name: 'Timed Out', value: 'timed_out' },
	],
};

export const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [stateField],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.state !== undefined) qs.state = checkOption.call(this, filters.state, stateField, itemIndex);
	return await apiRequestAllItems.call(this, 'v3', '/activities', {
		qs,
		itemsKey: 'activities',
		limit: readLimit.call(this, itemIndex),
		pageSize: ACTIVITIES_PAGE_SIZE_MAX,
		itemIndex,
	});
}
