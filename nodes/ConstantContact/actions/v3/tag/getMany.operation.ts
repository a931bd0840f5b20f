import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../helpers/fields';
import { TAGS_PAGE_SIZE_MAX } from '../../../helpers/limits';
import type { OperationOption } from '../../../helpers/types';
import { readBoolean, readLimit } from '../../../helpers/validators';
import { apiRequestAllItems } from '../../../transport';
import { includeCountField } from './shared';

export const option: OperationOption = {
	name: 'Get Many',
	description: 'List contact tags',
	action: 'Get many tags',
};

export const endpoints = ['GET /contact_tags'];

export const properties: INodeProperties[] = [...returnAllAndLimit(), includeCountField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs: IDataObject = {};
	if (readBoolean.call(this, 'includeCount', 'Include Contacts Count', itemIndex)) qs.include_count = true;
	return await apiRequestAllItems.call(this, 'v3', '/contact_tags', {
		qs,
		itemsKey: 'tags',
		limit: readLimit.call(this, itemIndex),
		pageSize: TAGS_PAGE_SIZE_MAX,
		itemIndex,
	});
}
