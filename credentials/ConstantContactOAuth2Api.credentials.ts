import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { requestsPerSecond, throttleRetrySeconds } from './requestsPerSecond';

const DEFAULT_AUTH_SERVER = 'https://authz.constantcontact.com/oauth2/default/v1';

export class ConstantContactOAuth2Api implements ICredentialType {
	name = 'constantContactOAuth2Api';

	extends = ['oAuth2Api'];

	// The API version in the name is how users tell the two credentials apart in n8n's list.
	displayName = 'Constant Contact V3 OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/ConstantContact/constantContact.svg',
		dark: 'file:../nodes/ConstantContact/constantContact.dark.svg',
	};

	documentationUrl = 'https://developer.constantcontact.com/api_guide/auth_overview.html';

	// The authorize and token URLs are derived from the visible "Authorization Server URL":
	// n8n resets hidden OAuth2 fields to their defaults, so only a visible field can move them.
	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Authorization Code with PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization Server URL',
			name: 'authServerUrl',
			type: 'string',
			default: DEFAULT_AUTH_SERVER,
			description: `Constant Contact's OAuth2 server. Change only to point at a test server. Default: ${DEFAULT_AUTH_SERVER}.`,
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '={{$self["authServerUrl"].replace(/\\/+$/, "")}}/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["authServerUrl"].replace(/\\/+$/, "")}}/token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'account_read campaign_data contact_data offline_access',
			description:
				'Space-separated scopes. Keep offline_access: it is what lets n8n refresh the token without asking you again.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.cc.email/v3',
			description: 'Change only to point at a test server. The access token is sent to this host and no other.',
		},
		requestsPerSecond,
		throttleRetrySeconds,
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/account/summary',
			headers: { Accept: 'application/json' },
		},
	};
}
