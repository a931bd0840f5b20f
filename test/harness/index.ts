/**
 * Test harness: runs real workflow JSON through n8n-core's WorkflowExecute in-process, with the
 * BUILT node and credentials from dist/, over real HTTP (no request mocking). Works with the
 * n8n-core 2.x line (installed) and the 1.x line (jest project `engine-1.x` maps n8n-core /
 * n8n-workflow to the `n8n-core-v1` / `n8n-workflow-v1` aliases).
 */
import './n8n-process-env';

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type {
	ICredentialType,
	IConnections,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { CredentialStore } from './credential-store';
import type { CredentialData, StoredCredential } from './credential-store';
import { CredentialTypes, OAuth2ApiCredential, loadDistCredentialTypes } from './credential-types';
import { CredentialsHelper } from './credentials-helper';
import { core, engineLine, installLoggers, versions, workflow as wf } from './engine';
import { recordRunExposure, runDataExposure } from './run-exposure';
import { startCapture } from './logs';
import { HARNESS_START_TYPE, HarnessStartNode, NodeTypes } from './node-types';

export { CredentialStore, CredentialTypes, CredentialsHelper, engineLine, versions, HARNESS_START_TYPE };
export type { CredentialData, StoredCredential };

export const PROJECT_ROOT = path.resolve(__dirname, '../..');
export const DIST_DIR = path.join(PROJECT_ROOT, 'dist');
const PACKAGE_JSON = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
};
/** Node type prefix n8n gives a community package installed from the UI / npm. */
export const PACKAGE_NAME = PACKAGE_JSON.name;

/** Default credential references used by runNode, per credential type. */
export const DEFAULT_CREDENTIAL_REFS: Record<string, { id: string; name: string }> = {
	constantContactApi: { id: '1', name: 'v2' },
	constantContactOAuth2Api: { id: '2', name: 'v3' },
};

export interface ExtraNode {
	/** Type name used in workflow JSON, e.g. 'fixture'. */
	type: string;
	node: INodeType | IVersionedNodeType;
}

export interface CommonOptions {
	/** Extra node classes to register (test fixtures, stand-ins). */
	extraNodes?: ExtraNode[];
	/** Extra credential types to register besides dist/credentials and oAuth2Api. */
	extraCredentialTypes?: ICredentialType[];
	/** Reuse a store (e.g. to run again with the tokens a previous run rotated). */
	credentialStore?: CredentialStore;
	/** Default 'manual' (as when a user clicks "Execute workflow"). */
	mode?: WorkflowExecuteMode;
	/** Recent n8n ignores stored values of hidden OAuth fields; default true. */
	pinHiddenOAuthFields?: boolean;
}

export interface RunNodeOptions extends CommonOptions {
	/** The node's parameters as in saved workflow JSON. */
	parameters: Record<string, unknown>;
	/** json of input items (default: one empty item). */
	input?: Array<Record<string, unknown>>;
	credentials?: { constantContactApi?: CredentialData; constantContactOAuth2Api?: CredentialData } & Record<
		string,
		CredentialData | undefined
	>;
	continueOnFail?: boolean;
	/** Default 'constantContact' (our node); any registered type, e.g. from extraNodes. */
	nodeType?: string;
	/** Default: the node's default version. */
	typeVersion?: number;
	/** Default: the node description's defaults.name. */
	nodeName?: string;
	/** Workflow settings.timezone, default 'America/New_York'. */
	timezone?: string;
	/** Other node settings (retryOnFail, maxTries, waitBetweenTries, alwaysOutputData, ...). */
	nodeSettings?: Partial<INode>;
}

export interface RunResult {
	/** Output of the node under test (main[0]). */
	items: INodeExecutionData[];
	/** All outputs of the node under test. */
	outputs: INodeExecutionData[][];
	/** The execution error if the node failed (the real error object the engine recorded). */
	error?: Error;
	/** Credential data after the run (e.g. rotated OAuth2 tokens). */
	credentialStore: CredentialStore;
	/** Everything the run logged (LoggerProxy, node this.logger, console). */
	logs: string[];
	/** The full run, for anything else. */
	run: IRun;
	nodeName: string;
	durationMs: number;
}

export interface WorkflowJson {
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	name?: string;
	id?: string;
	staticData?: Record<string, unknown>;
}

export interface RunWorkflowOptions extends CommonOptions {
	/**
	 * Either a map credential type -> data (matched to whatever credential ids the workflow's
	 * nodes reference), or n8n's import format [{ id, name, type, data }].
	 */
	credentials?: Record<string, CredentialData | undefined> | StoredCredential[];
	/** Name of the node to start from. Default: the harness start / Manual Trigger node, else the first node without inputs. */
	startNode?: string;
	/** Input items for a harness start / Manual Trigger node that has no `items` parameter. */
	input?: Array<Record<string, unknown>>;
}

export interface WorkflowRunResult {
	runData: IRunData;
	/** The execution error: the object the failing node threw (the run data holds a plain copy). */
	error?: Error;
	/** Errors thrown by node execute() functions during the run, by node name. */
	thrownErrors: Record<string, Error>;
	credentialStore: CredentialStore;
	logs: string[];
	run: IRun;
	durationMs: number;
}

// ---------------------------------------------------------------------------------------------
// Registries

let distNodes: Array<{ names: string[]; node: INodeType | IVersionedNodeType }> | undefined;

/** Nodes listed in package.json `n8n.nodes` (built JS in dist/), if built. */
function loadDistNodes() {
	if (distNodes) return distNodes;
	distNodes = [];
	for (const rel of PACKAGE_JSON.n8n?.nodes ?? []) {
		const file = path.join(PROJECT_ROOT, rel);
		if (!existsSync(file)) continue;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(file) as Record<string, unknown>;
		const className = path.basename(file).replace(/\.node\.js$/, '');
		const Cls = (mod[className] ?? Object.values(mod).find((v) => typeof v === 'function')) as
			| (new () => INodeType | IVersionedNodeType)
			| undefined;
		if (!Cls) continue;
		const node = new Cls();
		const name = node.description.name;
		distNodes.push({ names: [`${PACKAGE_NAME}.${name}`, `CUSTOM.${name}`, name], node });
	}
	return distNodes;
}

export function buildNodeTypes(extraNodes: ExtraNode[] = []) {
	const nodeTypes = new NodeTypes();
	const start = new HarnessStartNode();
	nodeTypes.register(HARNESS_START_TYPE, start);
	nodeTypes.register('n8n-nodes-base.manualTrigger', start);
	nodeTypes.register('n8n-nodes-base.start', start);
	for (const { names, node } of loadDistNodes()) for (const name of names) nodeTypes.register(name, node);
	for (const { type, node } of extraNodes) nodeTypes.register(type, node);
	return nodeTypes;
}

export function buildCredentialTypes(extra: ICredentialType[] = []) {
	const types = new CredentialTypes();
	types.register(new OAuth2ApiCredential());
	for (const type of loadDistCredentialTypes(DIST_DIR)) types.register(type);
	for (const type of extra) types.register(type);
	return types;
}

// ---------------------------------------------------------------------------------------------
// Engine plumbing

let executionCounter = 0;

export function createAdditionalData(
	credentialsHelper: CredentialsHelper,
	hooks: unknown,
	executionId: string,
	workflowId: string,
) {
	const base = 'http://localhost:5678';
	const secretsStub = {
		hasProvider: () => false,
		hasSecret: () => false,
		getSecret: () => undefined,
		listProviders: () => [],
		listSecrets: () => [],
	};
	const notAvailable = (what: string) => async () => {
		throw new Error(`${what} is not available in the test harness`);
	};
	return {
		credentialsHelper,
		hooks,
		executionId,
		workflowId,
		userId: 'harness-user',
		currentNodeExecutionIndex: 0,
		currentNodeParameters: undefined,
		variables: {},
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		externalSecretsProxy: secretsStub,
		secretsHelpers: secretsStub,
		executeWorkflow: notAvailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: notAvailable('startRunnerTask (Code node task runner)'),
		logAiEvent: () => undefined,
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

function incomingNodes(connections: IConnections): Set<string> {
	const targets = new Set<string>();
	for (const outputs of Object.values(connections)) {
		for (const byIndex of Object.values(outputs)) {
			for (const conns of byIndex ?? []) for (const c of conns ?? []) targets.add(c.node);
		}
	}
	return targets;
}

function seedStore(store: CredentialStore, credentials: RunWorkflowOptions['credentials'], nodes: INode[]) {
	if (!credentials) return;
	if (Array.isArray(credentials)) {
		for (const c of credentials) store.add(c);
		return;
	}
	let nextId = 100;
	for (const [type, data] of Object.entries(credentials)) {
		if (!data) continue;
		const refs = new Map<string, string>();
		for (const node of nodes) {
			const ref = node.credentials?.[type];
			if (ref?.id) refs.set(ref.id, ref.name);
		}
		if (refs.size === 0) {
			const fallback = DEFAULT_CREDENTIAL_REFS[type] ?? { id: String(nextId++), name: type };
			refs.set(fallback.id, fallback.name);
		}
		for (const [id, name] of refs) store.add({ id, name, type, data });
	}
}

async function execute(
	json: WorkflowJson,
	options: RunWorkflowOptions & { nodeTypes: NodeTypes; credentialTypes: CredentialTypes },
): Promise<WorkflowRunResult> {
	installLoggers();
	const started = Date.now();
	const capture = startCapture();
	const store = options.credentialStore ?? new CredentialStore();
	let outcome: WorkflowRunResult | undefined;
	try {
		seedStore(store, options.credentials, json.nodes);
		const { nodeTypes, credentialTypes } = options;
		const mode = options.mode ?? 'manual';
		const executionId = `harness-${++executionCounter}`;
		const workflowId = json.id ?? 'harnessWorkflow';
		const settings: IWorkflowSettings = { executionOrder: 'v1', ...(json.settings ?? {}) };

		const nodes = json.nodes.map((node) => {
			if (
				(node.type === 'n8n-nodes-base.manualTrigger' || node.type === HARNESS_START_TYPE) &&
				options.input &&
				node.parameters?.items === undefined
			) {
				return { ...node, parameters: { ...node.parameters, items: JSON.stringify(options.input) } };
			}
			return node;
		});

		const workflow = new wf.Workflow({
			id: workflowId,
			name: json.name ?? 'Harness workflow',
			nodes,
			connections: json.connections,
			active: false,
			nodeTypes,
			settings,
			staticData: (json.staticData ?? {}) as never,
		});

		const credentialsHelper = new CredentialsHelper(credentialTypes, store, {
			mockNodeType: HARNESS_START_TYPE,
			nodeTypes,
			pinHiddenOAuthFields: options.pinHiddenOAuthFields,
		});

		const workflowData = {
			id: workflowId,
			name: json.name ?? 'Harness workflow',
			active: false,
			activeVersionId: null,
			isArchived: false,
			nodes,
			connections: json.connections,
			settings,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as unknown as IWorkflowBase;

		const hooks = new core.ExecutionLifecycleHooks(mode, executionId, workflowData);
		const additionalData = createAdditionalData(credentialsHelper, hooks, executionId, workflowId);

		let startNode: INode | undefined;
		if (options.startNode) {
			startNode = workflow.getNode(options.startNode) ?? undefined;
			if (!startNode) throw new Error(`Start node "${options.startNode}" not found`);
		} else {
			const withInputs = incomingNodes(json.connections);
			startNode =
				nodes.find((n) => n.type === HARNESS_START_TYPE || n.type === 'n8n-nodes-base.manualTrigger') ??
				nodes.find((n) => !withInputs.has(n.name) && !n.disabled);
		}

		const workflowExecute = new core.WorkflowExecute(additionalData, mode);
		let run: IRun;
		if (engineLine() === '2.x') {
			run = await workflowExecute.run({ workflow, startNode } as never);
		} else {
			// 1.x: run(workflow, startNode, destinationNode, pinData)
			run = await (workflowExecute as unknown as { run: (w: unknown, s?: INode) => Promise<IRun> }).run(
				workflow,
				startNode,
			);
		}

		const recorded = run.data.resultData.error as Error | undefined;
		const failedNode =
			(recorded as { node?: { name?: string } } | undefined)?.node?.name ?? run.data.resultData.lastNodeExecuted;
		outcome = {
			runData: run.data.resultData.runData,
			// The engine stores a spread copy of the error; hand back the object the node threw.
			error: recorded ? (failedNode && nodeTypes.thrown.get(failedNode)) || recorded : undefined,
			thrownErrors: Object.fromEntries(nodeTypes.thrown),
			credentialStore: store,
			logs: capture.lines,
			run,
			durationMs: Date.now() - started,
		};
		return outcome;
	} finally {
		capture.stop();
		const shown = runDataExposure(outcome?.runData);
		recordRunExposure({
			what: `workflow of ${json.nodes
				.filter((n) => n.type !== HARNESS_START_TYPE)
				.map((n) => n.type)
				.join(', ')}`,
			engine: engineLine(),
			items: shown.items,
			errors: [
				outcome?.error,
				outcome?.run.data.resultData.error,
				...Object.values(outcome?.thrownErrors ?? {}),
				...shown.errors,
			],
			logs: capture.lines,
		});
	}
}

// ---------------------------------------------------------------------------------------------
// Public API

/** Runs saved workflow JSON ({ nodes, connections, settings? }). */
export async function runWorkflow(
	workflowJson: WorkflowJson,
	options: RunWorkflowOptions = {},
): Promise<WorkflowRunResult> {
	return await execute(workflowJson, {
		...options,
		nodeTypes: buildNodeTypes(options.extraNodes),
		credentialTypes: buildCredentialTypes(options.extraCredentialTypes),
	});
}

/** Runs one node: harness start node (emitting `input`) -> node under test. */
export async function runNode(options: RunNodeOptions): Promise<RunResult> {
	const nodeTypes = buildNodeTypes(options.extraNodes);
	const credentialTypes = buildCredentialTypes(options.extraCredentialTypes);
	const type = options.nodeType ?? `${PACKAGE_NAME}.constantContact`;
	if (!nodeTypes.has(type)) {
		if (type === `${PACKAGE_NAME}.constantContact`) {
			throw new Error(
				`Our node is not built: ${path.join(DIST_DIR, 'nodes/ConstantContact/ConstantContact.node.js')} is missing. Run: npx tsc -p tsconfig.json`,
			);
		}
		nodeTypes.getByName(type); // throws with the list of known types
	}
	const description = nodeTypes.getByNameAndVersion(type, options.typeVersion).description;
	const nodeName = options.nodeName ?? description.defaults?.name ?? 'Node';

	const store = options.credentialStore ?? new CredentialStore();
	const credentialRefs: Record<string, { id: string; name: string }> = {};
	let nextId = 10;
	for (const [credType, data] of Object.entries(options.credentials ?? {})) {
		if (!data) continue;
		const ref = DEFAULT_CREDENTIAL_REFS[credType] ?? { id: String(nextId++), name: credType };
		credentialRefs[credType] = ref;
		if (!store.find(ref.id, credType)) store.add({ ...ref, type: credType, data });
	}

	const startName = 'Start';
	const node: INode = {
		id: 'node-under-test',
		name: nodeName,
		type,
		typeVersion: options.typeVersion ?? nodeTypes.defaultVersion(type),
		position: [220, 0],
		parameters: options.parameters as INode['parameters'],
		...(Object.keys(credentialRefs).length ? { credentials: credentialRefs } : {}),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.nodeSettings ?? {}),
	};
	const json: WorkflowJson = {
		nodes: [
			{
				id: 'harness-start',
				name: startName,
				type: HARNESS_START_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(options.input ?? [{}]) },
			},
			node,
		],
		connections: { [startName]: { main: [[{ node: nodeName, type: 'main' as never, index: 0 }]] } },
		settings: { timezone: options.timezone ?? 'America/New_York', executionOrder: 'v1' },
	};

	const result = await execute(json, {
		...options,
		credentials: undefined,
		credentialStore: store,
		startNode: startName,
		nodeTypes,
		credentialTypes,
	});
	const taskData = result.runData[nodeName]?.[0];
	const recorded = (taskData?.error ?? result.error) as Error | undefined;
	// The engine stores a spread copy of the error; hand back the object the node threw.
	const error = recorded ? (nodeTypes.thrown.get(nodeName) ?? recorded) : undefined;
	const outputs = (taskData?.data?.main ?? []).map((items) => items ?? []);
	return {
		items: outputs[0] ?? [],
		outputs,
		error,
		credentialStore: result.credentialStore,
		logs: result.logs,
		run: result.run,
		nodeName,
		durationMs: result.durationMs,
	};
}
