import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TAG_NAME_MAX } from '../../../helpers/limits';
import type { OperationOption } from '../../../helpers/types';
import { requiredText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { notFoundTag, readTagId, TAG_NAME_TAKEN, tagIdField, tagNameField } from './shared';

export const option: OperationOption = {
	name: 'Update',
	description: 'Rename a contact tag',
	action: 'Update a tag',
};

export const endpoints = ['PUT /contact_tags/{tag_id}'];

// A tag has nothing to change but its name (its source is set when it is created).
export const properties: INodeProperties[] = [tagIdField, tagNameField('New unique name of the tag')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readTagId.call(this, itemIndex);
	const name = requiredText.call(this, 'name', 'Name', itemIndex, TAG_NAME_MAX);
	return (await apiRequest.call(this, 'v3', 'PUT', `/contact_tags/${encodeURIComponent(id)}`, {
		body: { name },
		notFound: notFoundTag(id),
		hints: { 409: TAG_NAME_TAKEN },
		itemIndex,
	})) as IDataObject;
}
