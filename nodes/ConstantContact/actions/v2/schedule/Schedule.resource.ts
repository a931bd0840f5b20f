import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../helpers/description';
import type { ResourceOperations } from '../../../helpers/types';
import * as create from './create.operation';
import * as deleteSchedule from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { create, get, getMany, update, delete: deleteSchedule };

export const description: INodeProperties[] = [
	operationProperty(
		'v2',
		'schedule',
		[
			{ name: 'Create', value: 'create', description: 'Send a campaign now or at a date', action: 'Schedule a campaign' },
			{ name: 'Delete', value: 'delete', description: 'Unschedule a campaign', action: 'Unschedule a campaign' },
			{ name: 'Get', value: 'get', description: 'Get a schedule', action: 'Get a schedule' },
			{ name: 'Get Many', value: 'getMany', description: "List a campaign's schedules", action: 'Get many schedules' },
			{ name: 'Update', value: 'update', description: 'Move a schedule to another date', action: 'Reschedule a campaign' },
		],
		'create',
	),
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteSchedule.description,
];
