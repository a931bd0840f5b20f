import { type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { AUTHENTICATION } from '../helpers/description';
import type { ApiVersion } from '../helpers/types';
import { registry, type Resource } from './registry';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function resourcesOf(api: ApiVersion): Array<[string, Resource]> {
	return Object.entries(registry[api] as Record<string, Resource>);
}

function resourceProperty(api: ApiVersion): INodeProperties {
	const resources = resourcesOf(api);
	const firstResource = resources[0][0];
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { authentication: [AUTHENTICATION[api]] } },
		options: resources.map(([value, r]) => ({ name: r.displayName, value })).sort(byName),
		default: firstResource,
	};
}

function operationProperty(api: ApiVersion, resource: string, r: Resource): INodeProperties {
	const { defaultOperation } = r;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { authentication: [AUTHENTICATION[api]], resource: [resource] } },
		options: Object.entries(r.operations)
			.map(([value, { option }]) => ({
				name: option.name,
				value,
				description: option.description,
				action: option.action,
			}))
			.sort(byName),
		default: defaultOperation,
	};
}

/** Each operation's fields, shown only for its API, resource and operation. */
function fieldsOf(api: ApiVersion, resource: string, r: Resource): INodeProperties[] {
	return Object.entries(r.operations).flatMap(([operation, { properties }]) =>
		updateDisplayOptions(
			{ show: { authentication: [AUTHENTICATION[api]], resource: [resource], operation: [operation] } },
			properties,
		),
	);
}

/** The Resource and Operation lists of both APIs and every operation's fields, from the registry. */
export function operationProperties(): INodeProperties[] {
	const apis: ApiVersion[] = ['v3', 'v2'];
	return [
		...apis.map(resourceProperty),
		...apis.flatMap((api) =>
			resourcesOf(api).flatMap(([resource, r]) => [operationProperty(api, resource, r), ...fieldsOf(api, resource, r)]),
		),
	];
}
