import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../helpers/description';
import type { ResourceOperations } from '../../../helpers/types';
import * as create from './create.operation';
import * as deleteCampaign from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getPreview from './getPreview.operation';
import * as sendTest from './sendTest.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { create, get, getMany, getPreview, sendTest, update, delete: deleteCampaign };

export const description: INodeProperties[] = [
	operationProperty(
		'v2',
		'campaign',
		[
			{ name: 'Create', value: 'create', description: 'Create a campaign', action: 'Create a campaign' },
			{ name: 'Delete', value: 'delete', description: 'Delete a campaign', action: 'Delete a campaign' },
			{ name: 'Get', value: 'get', description: 'Get a campaign', action: 'Get a campaign' },
			{ name: 'Get Many', value: 'getMany', description: 'List campaigns', action: 'Get many campaigns' },
			{
				name: 'Get Preview',
				value: 'getPreview',
				description: 'Get the email as recipients see it, in HTML and text',
				action: 'Get a campaign preview',
			},
			{ name: 'Send Test', value: 'sendTest', description: 'Send a test email to up to 5 addresses', action: 'Send a test of a campaign' },
			{ name: 'Update', value: 'update', description: 'Update a campaign', action: 'Update a campaign' },
		],
		'create',
	),
	...create.description,
	...get.description,
	...getMany.description,
	...getPreview.description,
	...sendTest.description,
	...update.description,
	...deleteCampaign.description,
];
