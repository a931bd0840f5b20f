import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../helpers/description';
import type { ResourceOperations } from '../../../helpers/types';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as upsert from './upsert.operation';

export const operations: ResourceOperations = { upsert, get, getMany };

export const description: INodeProperties[] = [
	operationProperty(
		'v3',
		'contact',
		[
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a contact',
			},
			{ name: 'Get', value: 'get', description: 'Get a contact by ID or email', action: 'Get a contact' },
			{ name: 'Get Many', value: 'getMany', description: 'List contacts', action: 'Get many contacts' },
		],
		'upsert',
	),
	...upsert.description,
	...get.description,
	...getMany.description,
];
