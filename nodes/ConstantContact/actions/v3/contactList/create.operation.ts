import type { OperationOption } from '../../../helpers/types';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkBoolean, optionalText, requiredText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { LIST_NAME_MAX } from '../../../helpers/limits';

export const option: OperationOption = {
	name: 'Create',
	description: 'Create a contact list',
	action: 'Create a contact list',
};

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


export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = { name: requiredText.call(this, 'name', 'Name', i, LIST_NAME_MAX) };
	const description = optionalText.call(this, additional.description, 'Description', i);
	if (description !== undefined) body.description = description;
	if (additional.favorite !== undefined) body.favorite = checkBoolean.call(this, additional.favorite, 'Favorite', i);
	return (await apiRequest.call(this, 'v3', 'POST', '/contact_lists', { body, itemIndex: i })) as IDataObject;
}
