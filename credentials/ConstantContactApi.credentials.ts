import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { requestsPerSecond, throttleRetrySeconds } from './requestsPerSecond';

export class ConstantContactApi implements ICredentialType {
	name = 'constantContactApi';

	// The API version in the name is how users tell the two credentials apart in n8n's list.
	displayName = 'Constant Contact V2 API';

	icon: Icon = {
		light: 'file:../nodes/ConstantContact/constantContact.svg',
		dark: 'file:../nodes/ConstantContact/constantContact.dark.svg',
	};

	documentationUrl = 'https://developer.constantcontact.com/api_guide/v2_auth_overview.html';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API key of your v2 application (creating new v2 keys is no longer possible; existing keys keep working)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The long-lived v2 access token issued to your application for this account',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.constantcontact.com/v2',
			description:
				'Change only to point at a test server. The API key and access token are sent to this host and no other.',
		},
		requestsPerSecond,
		throttleRetrySeconds,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: { api_key: '={{$credentials.apiKey}}' },
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/account/info',
			headers: { Accept: 'application/json' },
		},
	};
}
