import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BatchOutcome, OperationOption } from '../../../helpers/types';
import { contactActivityFields, runContactActivities } from './contactActivities';
import { tagsActivity, tagsField } from './shared';

export const option: OperationOption = {
	name: 'Remove Tags',
	description: 'Remove tags from contacts, up to 500 contacts per request',
	action: 'Remove tags from contacts',
};

export const endpoints = [
	'POST /activities/contacts_taggings_remove',
	'GET /activities/{activity_id}',
	'GET /contacts',
];

export const properties: INodeProperties[] = contactActivityFields([tagsField('Tags to remove from each contact')]);

/** The contacts of all items in one activity per 500 contacts with the same tags. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]> {
	return await runContactActivities.call(this, itemIndexes, tagsActivity('contacts_taggings_remove'));
}
