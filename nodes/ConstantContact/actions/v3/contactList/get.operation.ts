import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../helpers/types';
import { readBoolean } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { listIdField, membershipCountField, notFoundList, readListId } from './shared';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a contact list',
	action: 'Get a contact list',
};

export const endpoints = ['GET /contact_lists/{list_id}'];

export const properties: INodeProperties[] = [listIdField, membershipCountField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readListId.call(this, itemIndex);
	const withCount = readBoolean.call(this, 'includeMembershipCount', 'Include Membership Count', itemIndex);
	return (await apiRequest.call(this, 'v3', 'GET', `/contact_lists/${encodeURIComponent(id)}`, {
		qs: withCount ? { include_membership_count: 'all' } : undefined,
		notFound: notFoundList(id),
		itemIndex,
	})) as IDataObject;
}
