import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkUuid } from '../../../helpers/ids';

export const notFoundList = (id: string) =>
	`No contact list with ID "${id}" exists in this Constant Contact account (or it was deleted).`;

export const listIdField: INodeProperties = {
	displayName: 'Contact List Name or ID',
	name: 'listId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getContactLists' },
	required: true,
	default: '',
	// prettier-ignore
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

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
