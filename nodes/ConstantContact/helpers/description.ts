import {
	updateDisplayOptions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import type { ApiVersion } from './types';

/** The `authentication` parameter value that selects each API. */
export const AUTHENTICATION: Record<ApiVersion, string> = { v3: 'oAuth2', v2: 'apiKey' };

export function apiOf(authentication: string): ApiVersion {
	return authentication === AUTHENTICATION.v2 ? 'v2' : 'v3';
}

/** Shows `properties` only for one API + resource + operation. */
export function forOperation(
	api: ApiVersion,
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { authentication: [AUTHENTICATION[api]], resource: [resource], operation: [operation] } },
		properties,
	);
}

export function operationProperty(
	api: ApiVersion,
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { authentication: [AUTHENTICATION[api]], resource: [resource] } },
		options,
		default: defaultOperation,
	};
}
