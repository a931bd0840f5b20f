import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../helpers/description';
import type { ResourceOperations } from '../../../helpers/types';
import * as get from './get.operation';
import * as getPreview from './getPreview.operation';
import * as getSendHistory from './getSendHistory.operation';
import * as sendTest from './sendTest.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { get, getPreview, getSendHistory, sendTest, update };

export const description: INodeProperties[] = [
	operationProperty(
		'v3',
		'campaignActivity',
		[
			{ name: 'Get', value: 'get', description: "Get a campaign's email", action: 'Get a campaign activity' },
			{
				name: 'Get Preview',
				value: 'getPreview',
				description: 'Get the email as recipients see it, in HTML and text',
				action: 'Get a campaign activity preview',
			},
			{
				name: 'Get Send History',
				value: 'getSendHistory',
				description: 'Get each time the email was sent: date, lists, count, status',
				action: 'Get the send history of a campaign activity',
			},
			{
				name: 'Send Test',
				value: 'sendTest',
				description: 'Send a test email to up to 5 addresses',
				action: 'Send a test of a campaign activity',
			},
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
	...getPreview.description,
	...getSendHistory.description,
	...sendTest.description,
	...update.description,
];
