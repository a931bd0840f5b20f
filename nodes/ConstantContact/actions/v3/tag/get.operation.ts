import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../helpers/types';
import { readBoolean } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { includeCountField, notFoundTag, readTagId, tagIdField } from './shared';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a contact tag',
	action: 'Get a tag',
};

export const endpoints = ['GET /contact_tags/{tag_id}'];

export const properties: INodeProperties[] = [tagIdField, includeCountField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readTagId.call(this, itemIndex);
	const withCount = readBoolean.call(this, 'includeCount', 'Include Contacts Count', itemIndex);
	return (await apiRequest.call(this, 'v3', 'GET', `/contact_tags/${encodeURIComponent(id)}`, {
		qs: withCount ? { include_count: true } : undefined,
		notFound: notFoundTag(id),
		itemIndex,
	})) as IDataObject;
}
