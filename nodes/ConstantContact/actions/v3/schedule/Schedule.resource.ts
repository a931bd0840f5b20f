import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../helpers/description';
import type { ResourceOperations } from '../../../helpers/types';
import * as create from './create.operation';
import * as deleteSchedule from './delete.operation';
import * as get from './get.operation';

export const operations: ResourceOperations = { create, get, delete: deleteSchedule };

export const description: INodeProperties[] = [
	operationProperty(
		'v3',
		'schedule',
		[
			{ name: 'Create', value: 'create', description: 'Send a campaign activity now or at a date', action: 'Schedule a campaign activity' },
			{ name: 'Delete', value: 'delete', description: 'Unschedule a campaign activity', action: 'Unschedule a campaign activity' },
			{ name: 'Get', value: 'get', description: "Get a campaign activity's schedule", action: 'Get a schedule' },
		],
		'create',
	),
	...create.description,
	...get.description,
	...deleteSchedule.description,
];
