import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CUSTOM_FIELD_LABEL_MAX, CUSTOM_FIELDS_PER_ACCOUNT } from '../../../helpers/limits';
import { readOption } from '../../../helpers/options';
import type { OperationOption } from '../../../helpers/types';
import { requiredText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { LABEL_TAKEN, labelField } from './shared';

export const option: OperationOption = {
	name: 'Create',
	description: 'Create a contact custom field',
	action: 'Create a custom field',
};

export const endpoints = ['POST /contact_custom_fields'];

const typeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	required: true,
	default: 'string',
	description: 'The kind of value the field holds',
	options: [
		{ name: 'Date', value: 'date', description: 'A date' },
		{ name: 'Text', value: 'string', description: 'Free-form text (up to 255 characters per contact)' },
	],
};

export const properties: INodeProperties[] = [
	labelField('The name shown for the field in Constant Contact'),
	typeField,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {
		label: requiredText.call(this, 'label', 'Label', itemIndex, CUSTOM_FIELD_LABEL_MAX),
		type: readOption.call(this, typeField, itemIndex),
	};
	return (await apiRequest.call(this, 'v3', 'POST', '/contact_custom_fields', {
		body,
		hints: {
			409: LABEL_TAKEN,
			400:
				`Constant Contact refused the custom field: check "Label" and "Type". An account can have at most ` +
				`${CUSTOM_FIELDS_PER_ACCOUNT} custom fields: if it has that many, delete one (Custom Field → Delete) ` +
				'before creating another.',
		},
		itemIndex,
	})) as IDataObject;
}
