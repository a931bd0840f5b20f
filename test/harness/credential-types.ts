import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * n8n-nodes-base's `oAuth2Api` credential (the fields an extending credential inherits), as data:
 * n8n-nodes-base is not installed. Shape copied from packages/nodes-base/credentials/OAuth2Api.
 */
export class OAuth2ApiCredential implements ICredentialType {
	name = 'oAuth2Api';

	displayName = 'OAuth2 API';

	documentationUrl = 'httprequest';

	genericAuth = true;

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			displayOptions: { show: { grantType: ['authorizationCode', 'pkce'] } },
			default: '',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			displayOptions: { show: { grantType: ['authorizationCode', 'pkce'] } },
			default: '',
			description: 'For some services additional query parameters have to be set which can be defined here',
			placeholder: 'access_type=offline',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Body', value: 'body', description: 'Send credentials in body' },
				{ name: 'Header', value: 'header', description: 'Send credentials as Basic Auth header' },
			],
			default: 'header',
		},
	];
}

export class CredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	private readonly supportedNodes = new Map<string, string[]>();

	register(type: ICredentialType, supportedNodes: string[] = []) {
		this.types.set(type.name, type);
		if (supportedNodes.length) this.supportedNodes.set(type.name, supportedNodes);
	}

	recognizes(name: string) {
		return this.types.has(name);
	}

	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type)
			throw new Error(`Unknown credential type "${name}" (harness registry has: ${[...this.types.keys()].join(', ')})`);
		return type;
	}

	getSupportedNodes(name: string): string[] {
		return this.supportedNodes.get(name) ?? [];
	}

	/** All ancestors, nearest first (as n8n's CredentialTypes.getParentTypes). */
	getParentTypes(name: string): string[] {
		const type = this.types.get(name);
		if (type?.extends === undefined) return [];
		const types: string[] = [];
		for (const parent of type.extends) {
			types.push(parent);
			types.push(...this.getParentTypes(parent));
		}
		return types;
	}

	names() {
		return [...this.types.keys()];
	}
}

/** Instantiates every class exported by `dist/credentials/*.credentials.js`. */
export function loadDistCredentialTypes(distDir: string): ICredentialType[] {
	const dir = path.join(distDir, 'credentials');
	if (!existsSync(dir)) return [];
	const result: ICredentialType[] = [];
	for (const file of readdirSync(dir)
		.filter((f) => f.endsWith('.credentials.js'))
		.sort()) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(path.join(dir, file)) as Record<string, unknown>;
		for (const exported of Object.values(mod)) {
			if (typeof exported !== 'function') continue;
			const instance = new (exported as new () => ICredentialType)();
			if (instance && typeof instance.name === 'string' && Array.isArray(instance.properties)) {
				result.push(instance);
			}
		}
	}
	return result;
}
