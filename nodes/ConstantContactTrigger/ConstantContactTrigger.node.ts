import {
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
	NodeConnectionTypes,
} from 'n8n-workflow';

import { AUTHENTICATION, NODE_DESCRIPTION } from '../ConstantContact/helpers/description';
import { eventOptions } from './events';
import { pollCampaigns } from './poll';

export class ConstantContactTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Constant Contact Trigger',
		name: 'constantContactTrigger',
		icon: {
			light: 'file:../ConstantContact/constantContact.svg',
			dark: 'file:../ConstantContact/constantContact.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		// What the node panel shows for the node and the trigger (see NODE_DESCRIPTION); the events say when it starts.
		description: NODE_DESCRIPTION,
		defaults: { name: 'Constant Contact Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'constantContactOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: [AUTHENTICATION.v3] } },
			},
			{
				name: 'constantContactApi',
				required: true,
				displayOptions: { show: { authentication: [AUTHENTICATION.v2] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'OAuth2 (API V3)', value: AUTHENTICATION.v3 },
					{ name: 'API Key (API V2, Legacy)', value: AUTHENTICATION.v2 },
				],
				default: 'oAuth2',
				description: 'Constant Contact API v3 uses OAuth2; the legacy v2 API uses an API key and access token',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: eventOptions,
				default: 'campaignSent',
				description:
					'The campaign change that starts the workflow. Each change starts it once; changes made before the workflow ' +
					'is activated are not reported.',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCampaigns.call(this);
	}
}
