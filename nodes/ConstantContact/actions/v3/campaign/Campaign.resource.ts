import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../helpers/description';
import type { ResourceOperations } from '../../../helpers/types';
import * as create from './create.operation';
import * as deleteCampaign from './delete.operation';
import * as get from './get.operation';
import * as getByV2Id from './getByV2Id.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { create, get, getByV2Id, getMany, update, delete: deleteCampaign };

export const description: INodeProperties[] = [
	operationProperty(
		'v3',
		'campaign',
		[
			{ name: 'Create', value: 'create', description: 'Create a campaign and its email', action: 'Create a campaign' },
			{ name: 'Delete', value: 'delete', description: 'Delete a campaign', action: 'Delete a campaign' },
			{ name: 'Get', value: 'get', description: 'Get a campaign and its activity IDs', action: 'Get a campaign' },
			{
				name: 'Get by V2 ID',
				value: 'getByV2Id',
				description: 'Find the v3 campaign and activity IDs of legacy v2 campaign IDs',
				action: 'Get campaign IDs by v2 ID',
			},
			{ name: 'Get Many', value: 'getMany', description: 'List campaigns', action: 'Get many campaigns' },
			{ name: 'Update', value: 'update', description: 'Rename a campaign', action: 'Rename a campaign' },
		],
		'create',
	),
	...create.description,
	...get.description,
	...getByV2Id.description,
	...getMany.description,
	...update.description,
	...deleteCampaign.description,
];
