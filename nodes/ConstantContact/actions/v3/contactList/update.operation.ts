import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { LIST_NAME_MAX } from '../../../helpers/limits';
import type { OperationOption } from '../../../helpers/types';
import { checkBoolean, optionalText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { listIdField, notFoundList, readListId } from './shared';

export const option: OperationOption = {
	name: 'Update',
	description: 'Update a contact list',
	action: 'Update a contact list',
};

export const endpoints = ['GET /contact_lists/{list_id}', 'PUT /contact_lists/{list_id}'];

export const properties: INodeProperties[] = [
	listIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add change; everything else keeps its current value',
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{
				displayName: 'Favorite',
				name: 'favorite',
				type: 'boolean',
				default: false,
				description: 'Whether the list is a favorite in Constant Contact',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'New unique name of the list (at most 255 characters)',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readListId.call(this, itemIndex);
	const changes = changesFromFields.call(this, itemIndex);
	const path = `/contact_lists/${encodeURIComponent(id)}`;
	// PUT replaces the list's name, description and favorite flag: start from the current ones.
	const current = (await apiRequest.call(this, 'v3', 'GET', path, {
		notFound: notFoundList(id),
		itemIndex,
	})) as IDataObject;
	const body: IDataObject = { name: current.name, favorite: current.favorite ?? false };
	if (current.description !== undefined && current.description !== null) body.description = current.description;
	Object.assign(body, changes);
	return (await apiRequest.call(this, 'v3', 'PUT', path, {
		body,
		notFound: notFoundList(id),
		itemIndex,
	})) as IDataObject;
}

function changesFromFields(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = {};
	if (fields.name !== undefined) {
		const name = optionalText.call(this, fields.name, 'Name', itemIndex, LIST_NAME_MAX);
		if (!name) throw new NodeOperationError(this.getNode(), '"Name" cannot be empty', { itemIndex });
		changes.name = name;
	}
	const description = optionalText.call(this, fields.description, 'Description', itemIndex);
	if (description !== undefined) changes.description = description;
	if (fields.favorite !== undefined) changes.favorite = checkBoolean.call(this, fields.favorite, 'Favorite', itemIndex);
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under "Update Fields"', {
			itemIndex,
		});
	}
	return changes;
}
