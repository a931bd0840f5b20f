import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { LIST_NAME_MAX } from '../../../helpers/limits';
import type { OperationOption } from '../../../helpers/types';
import { checkBoolean, optionalText, requiredText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';

export const option: OperationOption = {
	name: 'Create',
	description: 'Create a contact list',
	action: 'Create a contact list',
};

export const endpoints = ['POST /contact_lists'];

export const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Newsletter subscribers',
		description: 'Unique name of the list (at most 255 characters)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{
				displayName: 'Favorite',
				name: 'favorite',
				type: 'boolean',
				default: false,
				description: 'Whether to mark the list as a favorite in Constant Contact',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { name: requiredText.call(this, 'name', 'Name', itemIndex, LIST_NAME_MAX) };
	const description = optionalText.call(this, additional.description, 'Description', itemIndex);
	if (description !== undefined) body.description = description;
	if (additional.favorite !== undefined)
		body.favorite = checkBoolean.call(this, additional.favorite, 'Favorite', itemIndex);
	return (await apiRequest.call(this, 'v3', 'POST', '/contact_lists', { body, itemIndex })) as IDataObject;
}
