import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../helpers/fields';
import { CUSTOM_FIELDS_PAGE_SIZE_MAX } from '../../../helpers/limits';
import type { OperationOption } from '../../../helpers/types';
import { readLimit } from '../../../helpers/validators';
import { apiRequestAllItems } from '../../../transport';

export const option: OperationOption = {
	name: 'Get Many',
	description: "List the account's contact custom fields",
	action: 'Get many custom fields',
};

export const endpoints = ['GET /contact_custom_fields'];

export const properties: INodeProperties[] = [...returnAllAndLimit()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await apiRequestAllItems.call(this, 'v3', '/contact_custom_fields', {
		itemsKey: 'custom_fields',
		limit: readLimit.call(this, itemIndex),
		pageSize: CUSTOM_FIELDS_PAGE_SIZE_MAX,
		itemIndex,
	});
}
