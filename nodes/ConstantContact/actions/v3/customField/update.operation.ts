import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CUSTOM_FIELD_LABEL_MAX } from '../../../helpers/limits';
import type { OperationOption } from '../../../helpers/types';
import { requiredText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { customFieldIdField, LABEL_TAKEN, labelField, notFoundCustomField, readCustomFieldId } from './shared';

export const option: OperationOption = {
	name: 'Update',
	description: 'Change the label of a contact custom field',
	action: 'Update a custom field',
};

export const endpoints = [
	'GET /contact_custom_fields/{custom_field_id}',
	'PUT /contact_custom_fields/{custom_field_id}',
];

export const properties: INodeProperties[] = [customFieldIdField, labelField('New label of the field')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readCustomFieldId.call(this, itemIndex);
	const label = requiredText.call(this, 'label', 'Label', itemIndex, CUSTOM_FIELD_LABEL_MAX);
	const path = `/contact_custom_fields/${encodeURIComponent(id)}`;
	// PUT sets to null what it omits: a select field keeps its choices only if they are sent again.
	const current = (await apiRequest.call(this, 'v3', 'GET', path, {
		notFound: notFoundCustomField(id),
		itemIndex,
	})) as IDataObject;
	const body: IDataObject = { label };
	if (Array.isArray(current.choices) && current.choices.length) {
		body.choices = (current.choices as IDataObject[])
			.filter((choice) => !choice.deleted_at)
			.map(({ choice_id, choice_label, display_order }) => ({ choice_id, choice_label, display_order }));
	}
	return (await apiRequest.call(this, 'v3', 'PUT', path, {
		body,
		notFound: notFoundCustomField(id),
		hints: { 409: LABEL_TAKEN },
		itemIndex,
	})) as IDataObject;
}
