import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BatchOutcome, OperationOption } from '../../../helpers/types';
import { readWait } from '../../../helpers/bulkActivities';
import { checkUuid } from '../../../helpers/ids';
import { apiRequest } from '../../../transport';
import { contactActivityFields, runContactActivities } from './contactActivities';
import { notFoundContact } from './shared';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Delete contacts: one by its own request, many together, up to 500 per request',
	action: 'Delete contacts',
};

export const endpoints = [
	'DELETE /contacts/{contact_id}',
	'POST /activities/contact_delete',
	'GET /activities/{activity_id}',
	'GET /contacts',
];

export const properties: INodeProperties[] = contactActivityFields([]);

/** One contact: DELETE it. More: one contact_delete activity per 500 contacts. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]> {
	if (itemIndexes.length === 1 && this.getNodeParameter('contactBy', itemIndexes[0], 'id') === 'id') {
		return [await deleteOne.call(this, itemIndexes[0])];
	}
	return await runContactActivities.call(this, itemIndexes, {
		kind: 'contact_delete',
		readTargets: () => [],
		body: (contactIds) => ({ contact_ids: contactIds }),
	});
}

async function deleteOne(this: IExecuteFunctions, itemIndex: number): Promise<BatchOutcome> {
	try {
		readWait.call(this, itemIndex);
		const contactId = checkUuid.call(this, this.getNodeParameter('contactId', itemIndex, ''), 'Contact ID', itemIndex);
		await apiRequest.call(this, 'v3', 'DELETE', `/contacts/${contactId}`, {
			itemIndex,
			notFound: notFoundContact(contactId),
		});
		return { itemIndexes: [itemIndex], json: { contact_id: contactId, deleted: true } };
	} catch (error) {
		return { itemIndexes: [itemIndex], error: error as Error };
	}
}
