import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { customFieldIdField, notFoundCustomField, readCustomFieldId } from './shared';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Delete a contact custom field (and its value on every contact)',
	action: 'Delete a custom field',
};

export const endpoints = ['DELETE /contact_custom_fields/{custom_field_id}'];

export const properties: INodeProperties[] = [customFieldIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readCustomFieldId.call(this, itemIndex);
	await apiRequest.call(this, 'v3', 'DELETE', `/contact_custom_fields/${encodeURIComponent(id)}`, {
		notFound: notFoundCustomField(id),
		itemIndex,
	});
	return { custom_field_id: id, deleted: true };
}
