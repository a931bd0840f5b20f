import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BatchOutcome, OperationOption } from '../../../helpers/types';
import { contactActivityFields, runContactActivities } from './contactActivities';
import { listsActivity, targetListsField } from './shared';

export const option: OperationOption = {
	name: 'Remove From Lists',
	description: 'Remove contacts from lists, up to 500 contacts per request (the contacts stay in the account)',
	action: 'Remove contacts from lists',
};

export const endpoints = ['POST /activities/remove_list_memberships', 'GET /activities/{activity_id}', 'GET /contacts'];

export const properties: INodeProperties[] = contactActivityFields([
	targetListsField('Lists to remove each contact from'),
]);

/** The contacts of all items in one activity per 500 contacts with the same lists. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]> {
	return await runContactActivities.call(this, itemIndexes, listsActivity('remove_list_memberships'));
}
