import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../helpers/description';
import type { ResourceOperations } from '../../../helpers/types';
import * as getActivityStats from './getActivityStats.operation';
import * as getCampaignStats from './getCampaignStats.operation';
import * as getCampaignSummaries from './getCampaignSummaries.operation';
import * as getLinks from './getLinks.operation';
import * as getTracking from './getTracking.operation';

export const operations: ResourceOperations = {
	getCampaignSummaries,
	getCampaignStats,
	getActivityStats,
	getTracking,
	getLinks,
};

export const description: INodeProperties[] = [
	operationProperty(
		'v3',
		'report',
		[
			{
				name: 'Get Activity Stats',
				value: 'getActivityStats',
				description: 'Get sends, opens, clicks, bounces and opt-outs of campaign activities',
				action: 'Get campaign activity stats',
			},
			{
				name: 'Get Campaign Stats',
				value: 'getCampaignStats',
				description: 'Get sends, opens, clicks, bounces, opt-outs and percentages of campaigns',
				action: 'Get campaign stats',
			},
			{
				name: 'Get Campaign Summaries',
				value: 'getCampaignSummaries',
				description: 'List sent campaigns with their unique counts, most recently sent first',
				action: 'Get campaign summaries',
			},
			{
				name: 'Get Links',
				value: 'getLinks',
				description: 'Get the links of an email and how many recipients clicked each',
				action: 'Get the link report of a campaign activity',
			},
			{
				name: 'Get Tracking',
				value: 'getTracking',
				description: 'List who received, opened, clicked, forwarded, bounced or opted out',
				action: 'Get the tracking report of a campaign activity',
			},
		],
		'getCampaignSummaries',
	),
	...getCampaignSummaries.description,
	...getCampaignStats.description,
	...getActivityStats.description,
	...getTracking.description,
	...getLinks.description,
];
