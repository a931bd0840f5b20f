import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TAG_NAME_MAX } from '../../../helpers/limits';
import type { OperationOption } from '../../../helpers/types';
import { optionalText, requiredText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { TAG_NAME_TAKEN, tagNameField } from './shared';

export const option: OperationOption = {
	name: 'Create',
	description: 'Create a contact tag',
	action: 'Create a tag',
};

export const endpoints = ['POST /contact_tags'];

export const properties: INodeProperties[] = [
	tagNameField('Unique name of the tag'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Tag Source',
				name: 'tagSource',
				type: 'string',
				default: '',
				placeholder: 'e.g. Etsy',
				description: 'Where the tagged contacts come from (kept with the tag; it cannot be changed later)',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { name: requiredText.call(this, 'name', 'Name', itemIndex, TAG_NAME_MAX) };
	const source = optionalText.call(this, additional.tagSource, 'Tag Source', itemIndex);
	if (source) body.tag_source = source;
	return (await apiRequest.call(this, 'v3', 'POST', '/contact_tags', {
		body,
		hints: { 409: TAG_NAME_TAKEN },
		itemIndex,
	})) as IDataObject;
}
