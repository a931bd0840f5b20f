import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toUtcIso } from '../../../helpers/dates';
import { returnAllAndLimit } from '../../../helpers/fields';
import { checkOption } from '../../../helpers/options';
import type { OperationOption } from '../../../helpers/types';
import { readLimit } from '../../../helpers/validators';
import { apiRequestAllItems } from '../../../transport';

const statusFilter: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'All (Except Deleted)', value: 'ALL' },
		{ name: 'Deleted', value: 'DELETED' },
		{ name: 'Draft', value: 'DRAFT' },
		{ name: 'Running', value: 'RUNNING' },
		{ name: 'Scheduled', value: 'SCHEDULED' },
		{ name: 'Sent', value: 'SENT' },
	],
	default: 'ALL',
};

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List campaigns',
	action: 'Get many campaigns',
};

export const endpoints = ['GET /emailmarketing/campaigns'];

export const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			statusFilter,
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only campaigns modified on or after this date',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.status !== undefined) qs.status = checkOption.call(this, filters.status, statusFilter, itemIndex);
	if (filters.modifiedSince) {
		qs.modified_since = toUtcIso(this.getNode(), filters.modifiedSince, 'Modified Since', this.getTimezone());
	}
	return await apiRequestAllItems.call(this, 'v2', '/emailmarketing/campaigns', {
		qs,
		itemsKey: 'results',
		limit: readLimit.call(this, itemIndex),
		itemIndex,
	});
}
