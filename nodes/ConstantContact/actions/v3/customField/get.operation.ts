import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { customFieldIdField, notFoundCustomField, readCustomFieldId } from './shared';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a contact custom field',
	action: 'Get a custom field',
};

export const endpoints = ['GET /contact_custom_fields/{custom_field_id}'];

export const properties: INodeProperties[] = [customFieldIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readCustomFieldId.call(this, itemIndex);
	return (await apiRequest.call(this, 'v3', 'GET', `/contact_custom_fields/${encodeURIComponent(id)}`, {
		notFound: notFoundCustomField(id),
		itemIndex,
	})) as IDataObject;
}
