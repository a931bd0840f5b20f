import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { apiRequest } from '../../../transport';
import { listIdField, notFoundList, readListId } from './shared';

export const description = forOperation('v3', 'contactList', 'delete', [listIdField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readListId.call(this, i);
	// Constant Contact deletes the list at once and removes its memberships in a background
	// activity (answer 202), whose id is passed on.
	const activity = (await apiRequest.call(this, 'v3', 'DELETE', `/contact_lists/${encodeURIComponent(id)}`, {
		notFound: notFoundList(id),
		itemIndex: i,
	})) as IDataObject | undefined;
	return { list_id: id, deleted: true, activity_id: activity?.activity_id ?? null };
}
