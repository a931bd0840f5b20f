import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pickerField } from '../../../helpers/fields';
import { checkUuid } from '../../../helpers/ids';
import { CUSTOM_FIELD_LABEL_MAX } from '../../../helpers/limits';

export const notFoundCustomField = (id: string) =>
	`No custom field with ID "${id}" exists in this Constant Contact account (or it was deleted).`;

/** The 409 hint: a custom field's name is made from its label, and names are unique. */
export const LABEL_TAKEN =
	'A custom field with this "Label" already exists in the account (its name is the label with underscores for ' +
	'spaces, and names must be unique). Choose another label, or use the existing field.';

export const customFieldIdField = pickerField('Custom Field Name or ID', 'customFieldId', 'getCustomFields', {
	required: true,
});

export const labelField = (description: string): INodeProperties => ({
	displayName: 'Label',
	name: 'label',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Favorite Fruit',
	description: `${description} (at most ${CUSTOM_FIELD_LABEL_MAX} characters)`,
});

export function readCustomFieldId(this: IExecuteFunctions, itemIndex: number): string {
	return checkUuid.call(this, this.getNodeParameter('customFieldId', itemIndex, ''), 'Custom Field', itemIndex);
}
