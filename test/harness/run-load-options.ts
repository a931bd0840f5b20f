/**
 * Calls one of a node's load-options methods (`methods.loadOptions`) as the editor's
 * "options" request does, in-process, with the BUILT node from dist/: through n8n-core's own
 * LoadOptionsContext (the same constructor on 2.x and 1.x), with the node's current parameters
 * and its credentials from a harness credential store.
 */
import './n8n-process-env';

import type { ILoadOptionsFunctions, INode, INodePropertyOptions } from 'n8n-workflow';

import { core, engineLine, installLoggers, workflow as wf } from './engine';
import {
	CredentialStore,
	CredentialsHelper,
	DEFAULT_CREDENTIAL_REFS,
	HARNESS_START_TYPE,
	PACKAGE_NAME,
	buildCredentialTypes,
	buildNodeTypes,
	createAdditionalData,
	type CredentialData,
} from './index';
import { startCapture } from './logs';
import { recordRunExposure } from './run-exposure';

export interface LoadOptionsCall {
	/** The method's name in the node's `methods.loadOptions`. */
	method: string;
	/** The node's current parameters, as the editor sends them. */
	parameters: Record<string, unknown>;
	/** The path of the field that asks (as the editor sends it), e.g. 'parameters.customFieldId'. */
	path?: string;
	credentials?: Record<string, CredentialData | undefined>;
	/** Default: our node, `<package>.constantContact`. */
	nodeType?: string;
}

export interface LoadOptionsResult {
	options?: INodePropertyOptions[];
	error?: Error;
	logs: string[];
}

let callCounter = 0;

export async function runLoadOptions(call: LoadOptionsCall): Promise<LoadOptionsResult> {
	installLoggers();
	const capture = startCapture();
	let result: LoadOptionsResult = { logs: capture.lines };
	try {
		const nodeTypes = buildNodeTypes();
		const credentialTypes = buildCredentialTypes();
		const type = call.nodeType ?? `${PACKAGE_NAME}.constantContact`;
		const store = new CredentialStore();
		const credentials: Record<string, { id: string; name: string }> = {};
		let nextId = 10;
		for (const [credType, data] of Object.entries(call.credentials ?? {})) {
			if (!data) continue;
			const ref = DEFAULT_CREDENTIAL_REFS[credType] ?? { id: String(nextId++), name: credType };
			credentials[credType] = ref;
			store.add({ ...ref, type: credType, data });
		}
		const workflowId = 'harnessLoadOptionsWorkflow';
		const nodeName = 'Node under test';
		const workflow = new wf.Workflow({
			id: workflowId,
			name: 'Harness load-options workflow',
			nodes: [
				{
					id: 'node-under-test',
					name: nodeName,
					type,
					typeVersion: nodeTypes.defaultVersion(type),
					position: [0, 0],
					parameters: call.parameters as INode['parameters'],
					credentials,
				},
			],
			connections: {},
			active: false,
			nodeTypes,
			settings: { executionOrder: 'v1' },
		});
		const node = workflow.getNode(nodeName) as INode;
		const credentialsHelper = new CredentialsHelper(credentialTypes, store, {
			mockNodeType: HARNESS_START_TYPE,
			nodeTypes,
		});
		const additionalData = createAdditionalData(
			credentialsHelper,
			undefined,
			`harness-load-options-${++callCounter}`,
			workflowId,
		);
		additionalData.currentNodeParameters = call.parameters as INode['parameters'];
		const context = new core.LoadOptionsContext(
			workflow,
			node,
			additionalData,
			call.path ?? 'parameters',
		) as unknown as ILoadOptionsFunctions;
		const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const method = nodeType.methods?.loadOptions?.[call.method];
		if (!method) throw new Error(`The node has no load-options method "${call.method}"`);
		try {
			result = { options: await method.call(context), logs: capture.lines };
		} catch (error) {
			result = { error: error as Error, logs: capture.lines };
		}
		return result;
	} finally {
		capture.stop();
		recordRunExposure({
			what: `loadOptions ${call.method}`,
			engine: engineLine(),
			items: (result.options ?? []).map((option) => ({ json: { ...option } })),
			errors: [result.error],
			logs: capture.lines,
		});
	}
}
