import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toUtcIso } from '../../../helpers/dates';
import { returnAllAndLimit } from '../../../helpers/fields';
import type { OperationOption } from '../../../helpers/types';
import { checkBoolean, readLimit } from '../../../helpers/validators';
import { apiRequestAllItems } from '../../../transport';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List campaigns',
	action: 'Get many campaigns',
};

export const endpoints = ['GET /emails'];

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
				displayName: 'Updated After',
				name: 'afterDate',
				type: 'dateTime',
				default: '',
				description: 'Only campaigns last updated after this date',
			},
			{
				displayName: 'Updated Before',
				name: 'beforeDate',
				type: 'dateTime',
				default: '',
				description: 'Only campaigns last updated before this date',
			},
			{
				displayName: 'Include Deleted',
				name: 'includeRemoved',
				type: 'boolean',
				default: false,
				description: 'Whether to include deleted campaigns (status "Removed"), which the API lists too',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const zone = this.getTimezone();
	const qs: IDataObject = {};
	if (filters.afterDate) qs.after_date = toUtcIso(this.getNode(), filters.afterDate, 'Updated After', zone);
	if (filters.beforeDate) qs.before_date = toUtcIso(this.getNode(), filters.beforeDate, 'Updated Before', zone);
	const includeRemoved =
		filters.includeRemoved !== undefined &&
		checkBoolean.call(this, filters.includeRemoved, 'Include Deleted', itemIndex);
	return await apiRequestAllItems.call(this, 'v3', '/emails', {
		qs,
		itemsKey: 'campaigns',
		limit: readLimit.call(this, itemIndex),
		keep: includeRemoved ? undefined : (c) => c.current_status !== 'Removed',
		itemIndex,
	});
}
