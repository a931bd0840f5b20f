import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as v2Campaign from './actions/v2/campaign/Campaign.resource';
import * as v2ContactList from './actions/v2/contactList/ContactList.resource';
import * as v2Schedule from './actions/v2/schedule/Schedule.resource';
import * as v2Tracking from './actions/v2/tracking/Tracking.resource';
import * as v3Campaign from './actions/v3/campaign/Campaign.resource';
import * as v3CampaignActivity from './actions/v3/campaignActivity/CampaignActivity.resource';
import * as v3Contact from './actions/v3/contact/Contact.resource';
import * as v3ContactList from './actions/v3/contactList/ContactList.resource';
import * as v3Report from './actions/v3/report/Report.resource';
import * as v3Schedule from './actions/v3/schedule/Schedule.resource';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class ConstantContact implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Constant Contact',
		name: 'constantContact',
		icon: { light: 'file:constantContact.svg', dark: 'file:constantContact.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Contacts, lists and email campaigns in Constant Contact: create, test, schedule, send and report',
		defaults: { name: 'Constant Contact' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'constantContactOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'constantContactApi',
				required: true,
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'OAuth2 (API V3)', value: 'oAuth2' },
					{ name: 'API Key (API V2, Legacy)', value: 'apiKey' },
				],
				default: 'oAuth2',
				description: 'Constant Contact API v3 uses OAuth2; the legacy v2 API uses an API key and access token',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
				options: [
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Campaign Activity', value: 'campaignActivity' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Contact List', value: 'contactList' },
					{ name: 'Report', value: 'report' },
					{ name: 'Schedule', value: 'schedule' },
				],
				default: 'campaign',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { authentication: ['apiKey'] } },
				options: [
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Contact List', value: 'contactList' },
					{ name: 'Schedule', value: 'schedule' },
					{ name: 'Tracking', value: 'tracking' },
				],
				default: 'campaign',
			},
			...v3Campaign.description,
			...v3CampaignActivity.description,
			...v3Contact.description,
			...v3ContactList.description,
			...v3Report.description,
			...v3Schedule.description,
			...v2Campaign.description,
			...v2ContactList.description,
			...v2Schedule.description,
			...v2Tracking.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
