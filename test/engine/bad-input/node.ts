/** What the BUILT node (dist/) offers: its operations and fields, and the issues n8n finds in parameters. */
import path from 'node:path';
import { NodeHelpers, type INode, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { allOperations } from '../../../nodes/ConstantContact/actions/registry';
import { DIST_DIR } from '../../harness';

export type Api = 'v2' | 'v3';
export const AUTHENTICATION: Record<Api, string> = { v3: 'oAuth2', v2: 'apiKey' };

let description: INodeTypeDescription | undefined;

export function builtDescription(): INodeTypeDescription {
	if (!description) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { ConstantContact } = require(path.join(DIST_DIR, 'nodes/ConstantContact/ConstantContact.node.js')) as {
			ConstantContact: new () => { description: INodeTypeDescription };
		};
		description = new ConstantContact().description;
	}
	return description;
}

const shownFor = (property: INodeProperties, key: string, value: string) =>
	(property.displayOptions?.show?.[key] as unknown[] | undefined)?.includes(value) ?? false;

/** Every operation of one API, as `resource.operation`, from the operation registry. */
export function operationsOf(api: Api): string[] {
	return allOperations()
		.filter((o) => o.api === api)
		.map((o) => `${o.resource}.${o.operation}`);
}

const STRUCTURE = ['authentication', 'resource', 'operation'];

/** The fields an operation shows, by parameter path: top-level ones and each option of a collection. */
export function fieldsOf(api: Api, key: string): Map<string, INodeProperties> {
	const [resource, operation] = key.split('.');
	const auth = AUTHENTICATION[api];
	const fields = new Map<string, INodeProperties>();
	for (const property of builtDescription().properties) {
		if (STRUCTURE.includes(property.name)) continue;
		if (
			!shownFor(property, 'authentication', auth) ||
			!shownFor(property, 'resource', resource) ||
			!shownFor(property, 'operation', operation)
		) {
			continue;
		}
		if (property.type === 'collection') {
			for (const option of (property.options ?? []) as INodeProperties[])
				fields.set(`${property.name}.${option.name}`, option);
		} else fields.set(property.name, property);
	}
	return fields;
}

/** The parameters n8n itself refuses to run with (it marks them in the editor), by name. */
export function parameterIssues(parameters: Record<string, unknown>): string[] {
	const nodeType = builtDescription();
	const node = {
		id: 'issues',
		name: 'Constant Contact',
		type: 'n8n-nodes-constant-contact.constantContact',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	} as unknown as INode;
	const resolved = NodeHelpers.getNodeParameters(nodeType.properties, node.parameters, true, false, node, nodeType);
	const issues = NodeHelpers.getNodeParametersIssues(
		nodeType.properties,
		{ ...node, parameters: resolved ?? {} },
		nodeType,
	);
	return Object.keys(issues?.parameters ?? {});
}
