import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BatchOutcome, OperationOption } from '../../../helpers/types';
import { contactActivityFields, runContactActivities } from './contactActivities';
import { tagsActivity, tagsField } from './shared';

export const option: OperationOption = {
	name: 'Add Tags',
	description: 'Tag contacts, up to 500 contacts per request',
	action: 'Add tags to contacts',
};

export const endpoints = ['POST /activities/contacts_taggings_add', 'GET /activities/{activity_id}', 'GET /contacts'];

export const properties: INodeProperties[] = contactActivityFields([tagsField('Tags to add to each contact')]);

/** The contacts of all items in one activity per 500 contacts with the same tags. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]> {
	return await runContactActivities.call(this, itemIndexes, tagsActivity('contacts_taggings_add'));
}
