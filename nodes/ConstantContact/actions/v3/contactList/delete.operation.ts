import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { listIdField, notFoundList, readListId } from './shared';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Delete a contact list',
	action: 'Delete a contact list',
};

export const endpoints = ['DELETE /contact_lists/{list_id}'];

export const properties: INodeProperties[] = [listIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readListId.call(this, itemIndex);
	// Constant Contact deletes the list at once and removes its memberships in a background
	// activity (answer 202), whose id is passed on.
	const activity = (await apiRequest.call(this, 'v3', 'DELETE', `/contact_lists/${encodeURIComponent(id)}`, {
		notFound: notFoundList(id),
		itemIndex,
	})) as IDataObject | undefined;
	return { list_id: id, deleted: true, activity_id: activity?.activity_id ?? null };
}
