import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../helpers/description';
import type { ResourceOperations } from '../../../helpers/types';
import * as create from './create.operation';
import * as deleteList from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { create, get, getMany, update, delete: deleteList };

export const description: INodeProperties[] = [
	operationProperty(
		'v3',
		'contactList',
		[
			{ name: 'Create', value: 'create', description: 'Create a contact list', action: 'Create a contact list' },
			{ name: 'Delete', value: 'delete', description: 'Delete a contact list', action: 'Delete a contact list' },
			{ name: 'Get', value: 'get', description: 'Get a contact list', action: 'Get a contact list' },
			{ name: 'Get Many', value: 'getMany', description: 'List contact lists', action: 'Get many contact lists' },
			{ name: 'Update', value: 'update', description: 'Update a contact list', action: 'Update a contact list' },
		],
		'getMany',
	),
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteList.description,
];
