import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../helpers/description';
import type { ResourceOperations } from '../../../helpers/types';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany };

export const description: INodeProperties[] = [
	operationProperty(
		'v2',
		'contactList',
		[{ name: 'Get Many', value: 'getMany', description: 'List contact lists', action: 'Get many contact lists' }],
		'getMany',
	),
	...getMany.description,
];
