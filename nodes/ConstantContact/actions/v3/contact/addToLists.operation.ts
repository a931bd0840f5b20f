import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BatchOutcome, OperationOption } from '../../../helpers/types';
import { contactActivityFields, runContactActivities } from './contactActivities';
import { listsActivity, targetListsField } from './shared';

export const option: OperationOption = {
	name: 'Add to Lists',
	description: 'Add contacts to lists, up to 500 contacts per request',
	action: 'Add contacts to lists',
};

export const endpoints = ['POST /activities/add_list_memberships', 'GET /activities/{activity_id}', 'GET /contacts'];

export const properties: INodeProperties[] = contactActivityFields([
	targetListsField('Lists to add each contact to (a contact can be on at most 50 lists)'),
]);

/** The contacts of all items in one activity per 500 contacts with the same lists. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]> {
	return await runContactActivities.call(this, itemIndexes, listsActivity('add_list_memberships'));
}
