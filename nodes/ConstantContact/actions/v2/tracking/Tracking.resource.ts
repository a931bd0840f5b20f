import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../helpers/description';
import type { ResourceOperations } from '../../../helpers/types';
import * as getActivity from './getActivity.operation';
import * as getSummary from './getSummary.operation';

export const operations: ResourceOperations = { getSummary, getActivity };

export const description: INodeProperties[] = [
	operationProperty(
		'v2',
		'tracking',
		[
			{
				name: 'Get Activity',
				value: 'getActivity',
				description: 'List who received, opened, clicked, forwarded, bounced or unsubscribed',
				action: 'Get the tracking activity of a campaign',
			},
			{
				name: 'Get Summary',
				value: 'getSummary',
				description: 'Get the sends, opens, clicks, forwards, unsubscribes and bounces of a campaign',
				action: 'Get the tracking summary of a campaign',
			},
		],
		'getSummary',
	),
	...getSummary.description,
	...getActivity.description,
];
