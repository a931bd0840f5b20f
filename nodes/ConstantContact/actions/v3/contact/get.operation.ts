import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { checkUuid } from '../../../helpers/ids';
import { EMAIL_MAX } from '../../../helpers/limits';
import { readOption } from '../../../helpers/options';
import type { OperationOption } from '../../../helpers/types';
import { requiredEmail } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { CONTACT_BY, includeField, includeQs, notFoundContact } from './shared';

const getByField: INodeProperties = {
	displayName: 'Get By',
	name: 'getBy',
	type: 'options',
	options: CONTACT_BY,
	default: 'id',
};

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a contact by ID or email',
	action: 'Get a contact',
};

export const endpoints = ['GET /contacts', 'GET /contacts/{contact_id}'];

export const properties: INodeProperties[] = [
	getByField,
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1618ae62-4752-11e9-9c8a-fa163e6b01c1',
		displayOptions: { show: { getBy: ['id'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { getBy: ['email'] } },
	},
	includeField,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const qs = includeQs.call(this, itemIndex);
	if (readOption.call(this, getByField, itemIndex) === 'email') {
		const email = requiredEmail.call(this, 'email', 'Email', itemIndex, EMAIL_MAX);
		const page = (await apiRequest.call(this, 'v3', 'GET', '/contacts', {
			qs: { ...qs, email, limit: 1 },
			itemIndex,
		})) as IDataObject;
		const [contact] = (page.contacts as IDataObject[] | undefined) ?? [];
		if (!contact) {
			throw new NodeOperationError(
				this.getNode(),
				`No contact with email "${email}" exists in this Constant Contact account`,
				{
					itemIndex,
					description: 'Check the address, or use Contact > Create or Update to create the contact.',
				},
			);
		}
		return contact;
	}
	const id = checkUuid.call(this, this.getNodeParameter('contactId', itemIndex, ''), 'Contact ID', itemIndex);
	return (await apiRequest.call(this, 'v3', 'GET', `/contacts/${encodeURIComponent(id)}`, {
		qs,
		notFound: notFoundContact(id),
		itemIndex,
	})) as IDataObject;
}
