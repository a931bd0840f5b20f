import type { OperationOption } from '../../../helpers/types';
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { requiredEmail } from '../../../helpers/validators';
import { checkUuid } from '../../../helpers/ids';
import { readOption } from '../../../helpers/options';
import { apiRequest } from '../../../transport';
import { includeField, includeQs, notFoundContact } from './shared';
import { EMAIL_MAX } from '../../../helpers/limits';

const getByField: INodeProperties = {
	displayName: 'Get By',
	name: 'getBy',
	type: 'options',
	options: [
		{ name: 'Contact ID', value: 'id' },
		{ name: 'Email', value: 'email' },
	],
	default: 'id',
};

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a contact by ID or email',
	action: 'Get a contact',
};

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


export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const qs = includeQs.call(this, i);
	if (readOption.call(this, getByField, i) === 'email') {
		const email = requiredEmail.call(this, 'email', 'Email', i, EMAIL_MAX);
		const page = (await apiRequest.call(this, 'v3', 'GET', '/contacts', {
			qs: { ...qs, email, limit: 1 },
			itemIndex: i,
		})) as IDataObject;
		const [contact] = (page.contacts as IDataObject[] | undefined) ?? [];
		if (!contact) {
			throw new NodeOperationError(this.getNode(), `No contact with email "${email}" exists in this Constant Contact account`, {
				itemIndex: i,
				description: 'Check the address, or use Contact > Upsert to create the contact.',
			});
		}
		return contact;
	}
	const id = checkUuid.call(this, this.getNodeParameter('contactId', i, ''), 'Contact ID', i);
	return (await apiRequest.call(this, 'v3', 'GET', `/contacts/${encodeURIComponent(id)}`, {
		qs,
		notFound: notFoundContact(id),
		itemIndex: i,
	})) as IDataObject;
}
