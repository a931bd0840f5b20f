import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pickerField } from '../../../helpers/fields';
import { checkUuid } from '../../../helpers/ids';

export const notFoundList = (id: string) =>
	`No contact list with ID "${id}" exists in this Constant Contact account (or it was deleted).`;

export const listIdField = pickerField('Contact List Name or ID', 'listId', 'getContactLists', { required: true });

export function readListId(this: IExecuteFunctions, itemIndex: number): string {
	return checkUuid.call(this, this.getNodeParameter('listId', itemIndex, ''), 'Contact List', itemIndex);
}

export const membershipCountField: INodeProperties = {
	displayName: 'Include Membership Count',
	name: 'includeMembershipCount',
	type: 'boolean',
	default: false,
	description: 'Whether to add membership_count, the number of contacts in the list',
};
