import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pickerField } from '../../../helpers/fields';
import { checkUuid } from '../../../helpers/ids';
import { TAG_NAME_MAX } from '../../../helpers/limits';

export const notFoundTag = (id: string) =>
	`No tag with ID "${id}" exists in this Constant Contact account (or it was deleted).`;

/** The 409 hint: tag names are unique in the account. */
export const TAG_NAME_TAKEN =
	'A tag with this "Name" already exists in the account: tag names must be unique. Choose another name, or use the ' +
	'existing tag (Tag → Get Many lists them).';

export const tagIdField = pickerField('Tag Name or ID', 'tagId', 'getTags', { required: true });

export const tagNameField = (description: string): INodeProperties => ({
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Gold card member',
	description: `${description} (at most ${TAG_NAME_MAX} characters)`,
});

export const includeCountField: INodeProperties = {
	displayName: 'Include Contacts Count',
	name: 'includeCount',
	type: 'boolean',
	default: false,
	description: 'Whether to add contacts_count, the number of contacts that have the tag',
};

export function readTagId(this: IExecuteFunctions, itemIndex: number): string {
	return checkUuid.call(this, this.getNodeParameter('tagId', itemIndex, ''), 'Tag', itemIndex);
}
