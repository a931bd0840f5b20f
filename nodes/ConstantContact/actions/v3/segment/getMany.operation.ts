import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../helpers/fields';
import { SEGMENTS_PAGE_SIZE_MAX } from '../../../helpers/limits';
import { readOption } from '../../../helpers/options';
import type { OperationOption } from '../../../helpers/types';
import { readLimit } from '../../../helpers/validators';
import { apiRequestAllItems } from '../../../transport';

export const option: OperationOption = {
	name: 'Get Many',
	description: "List the account's segments",
	action: 'Get many segments',
};

export const endpoints = ['GET /segments'];

const sortField: INodeProperties = {
	displayName: 'Sort By',
	name: 'sortBy',
	type: 'options',
	options: [
		{ name: 'Last Updated', value: 'date', description: 'Most recently updated first' },
		{ name: 'Name', value: 'name', description: 'Alphabetically' },
	],
	default: 'date',
};

export const properties: INodeProperties[] = [...returnAllAndLimit(), sortField];

/** Segments without their criteria (Segment → Get has them); deleted ones are left out by the API. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const sortBy = readOption.call(this, sortField, itemIndex);
	return await apiRequestAllItems.call(this, 'v3', '/segments', {
		qs: { sort_by: sortBy },
		itemsKey: 'segments',
		limit: readLimit.call(this, itemIndex),
		pageSize: SEGMENTS_PAGE_SIZE_MAX,
		itemIndex,
	});
}
