import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../helpers/description';
import type { ResourceOperations } from '../../../helpers/types';
import * as get from './get.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { get, update };

export const description: INodeProperties[] = [
	operationProperty(
		'v3',
		'campaignActivity',
		[
			{ name: 'Get', value: 'get', description: "Get a campaign's email", action: 'Get a campaign activity' },
			{
				name: 'Update',
				value: 'update',
				description: 'Change contact lists, subject, sender or content',
				action: 'Update a campaign activity',
			},
		],
		'update',
	),
	...get.description,
	...update.description,
];
