/**
 * Runs a polling trigger's poll() as n8n does, in-process, with the BUILT node from dist/:
 *  - mode 'trigger' (default): a poll of an active workflow. The context is n8n-core's own
 *    PollContext with `__emit` / `__emitError` as n8n's trigger machinery sets them, and poll()
 *    is called through n8n-core's TriggersAndPollers (2.x: inside the poll-cursor staging scope,
 *    as PollTriggerExecutor does; 1.x: as ActiveWorkflows does). A thrown error goes to
 *    `__emitError`, as in an active workflow.
 *  - mode 'manual': the editor's "Fetch Test Event", as WorkflowExecute.executePollNode does it
 *    (PollContext in manual mode, poll() called directly, errors thrown).
 * The static data is the node's (`getWorkflowStaticData('node')`): pass the previous poll's
 * `staticData` to the next call, as an active workflow keeps it between polls.
 */
import './n8n-process-env';

import type {
	INode,
	INodeExecutionData,
	IPollFunctions,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
	WorkflowActivateMode,
} from 'n8n-workflow';

import { core, engineLine, installLoggers, workflow as wf } from './engine';
import {
	CredentialStore,
	CredentialsHelper,
	DEFAULT_CREDENTIAL_REFS,
	DIST_DIR,
	HARNESS_START_TYPE,
	PACKAGE_NAME,
	buildCredentialTypes,
	buildNodeTypes,
	createAdditionalData,
	type CommonOptions,
	type CredentialData,
} from './index';
import { recordRunExposure } from './run-exposure';
import { startCapture } from './logs';

export interface RunPollOptions extends Omit<CommonOptions, 'mode'> {
	/** The trigger's parameters as in saved workflow JSON. */
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialData | undefined>;
	/** The node's static data left by the previous poll; default {} (a new workflow). Not mutated. */
	staticData?: Record<string, unknown>;
	/** 'trigger' (default): a poll of an active workflow; 'manual': the editor's test fetch. */
	mode?: 'trigger' | 'manual';
	/** How the active workflow was started (default 'activate'); 'manual' in manual mode. */
	activation?: WorkflowActivateMode;
	/** Default: our trigger, `<package>.constantContactTrigger`. */
	nodeType?: string;
	nodeName?: string;
	/** Workflow settings.timezone, default 'America/New_York'. */
	timezone?: string;
}

export interface PollResult {
	/** The items the poll emitted (main[0]); [] when it emitted nothing. */
	items: INodeExecutionData[];
	/** What poll() returned: null when there was nothing to start the workflow with. */
	returned: INodeExecutionData[][] | null;
	/** The node's static data after the poll (a plain copy). */
	staticData: Record<string, unknown>;
	/** Whether the poll wrote to the static data (n8n saves the workflow's static data then). */
	staticDataChanged: boolean;
	/** The error the poll threw (manual mode) or reported through __emitError (trigger mode). */
	error?: Error;
	logs: string[];
	credentialStore: CredentialStore;
}

interface PollerRunner {
	runPoll?: (w: WorkflowType, n: INode, p: IPollFunctions) => Promise<INodeExecutionData[][] | null>;
	runPollFunction?: (w: WorkflowType, n: INode, p: IPollFunctions) => Promise<INodeExecutionData[][] | null>;
}

interface PollContextInternals {
	__emit: (data: INodeExecutionData[][]) => void;
	__emitError: (error: Error) => void;
}

// n8n-core 1.x does not export TriggersAndPollers from its index; both lines have this module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TriggersAndPollers } = require('n8n-core/dist/execution-engine/triggers-and-pollers') as {
	TriggersAndPollers: new () => PollerRunner;
};

let pollCounter = 0;

export async function runPoll(options: RunPollOptions): Promise<PollResult> {
	installLoggers();
	const capture = startCapture();
	const store = options.credentialStore ?? new CredentialStore();
	let outcome: PollResult | undefined;
	try {
		const nodeTypes = buildNodeTypes(options.extraNodes);
		const credentialTypes = buildCredentialTypes(options.extraCredentialTypes);
		const type = options.nodeType ?? `${PACKAGE_NAME}.constantContactTrigger`;
		if (!nodeTypes.has(type)) {
			throw new Error(
				`The trigger "${type}" is not built or not listed in package.json n8n.nodes (dist: ${DIST_DIR}). Run: npm run build`,
			);
		}
		const description = nodeTypes.getByNameAndVersion(type).description;
		const nodeName = options.nodeName ?? description.defaults?.name ?? 'Trigger';

		const credentials: Record<string, { id: string; name: string }> = {};
		let nextId = 10;
		for (const [credType, data] of Object.entries(options.credentials ?? {})) {
			if (!data) continue;
			const ref = DEFAULT_CREDENTIAL_REFS[credType] ?? { id: String(nextId++), name: credType };
			credentials[credType] = ref;
			if (!store.find(ref.id, credType)) store.add({ ...ref, type: credType, data });
		}

		const key = `node:${nodeName}`;
		const workflowId = 'harnessPollWorkflow';
		const workflow = new wf.Workflow({
			id: workflowId,
			name: 'Harness poll workflow',
			nodes: [
				{
					id: 'trigger-under-test',
					name: nodeName,
					type,
					typeVersion: nodeTypes.defaultVersion(type),
					position: [0, 0],
					parameters: options.parameters as INode['parameters'],
					...(Object.keys(credentials).length ? { credentials } : {}),
				},
			],
			connections: {},
			active: options.mode !== 'manual',
			nodeTypes,
			settings: { timezone: options.timezone ?? 'America/New_York', executionOrder: 'v1' },
			staticData: (options.staticData ? { [key]: structuredClone(options.staticData) } : {}) as never,
		});
		const node = workflow.getNode(nodeName) as INode;

		const credentialsHelper = new CredentialsHelper(credentialTypes, store, {
			mockNodeType: HARNESS_START_TYPE,
			nodeTypes,
			pinHiddenOAuthFields: options.pinHiddenOAuthFields,
		});
		const additionalData: IWorkflowExecuteAdditionalData = createAdditionalData(
			credentialsHelper,
			undefined,
			`harness-poll-${++pollCounter}`,
			workflowId,
		);

		let emitted: INodeExecutionData[][] | null = null;
		let error: Error | undefined;
		const manual = options.mode === 'manual';
		const context = new core.PollContext(
			workflow,
			node,
			additionalData,
			manual ? 'manual' : 'trigger',
			manual ? 'manual' : (options.activation ?? 'activate'),
			(data: INodeExecutionData[][]) => {
				emitted = data;
			},
			(e: Error) => {
				error = e;
			},
		) as unknown as IPollFunctions & PollContextInternals;

		if (manual) {
			try {
				const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
				emitted = (await nodeType.poll!.call(context)) ?? null;
			} catch (e) {
				error = e as Error;
			}
		} else {
			await pollLikeAnActiveWorkflow(workflow, node, context);
		}

		const after = (workflow.staticData as Record<string, unknown>)[key];
		outcome = {
			items: (emitted as INodeExecutionData[][] | null)?.[0] ?? [],
			returned: emitted,
			staticData: after === undefined ? {} : (JSON.parse(JSON.stringify(after)) as Record<string, unknown>),
			staticDataChanged: Boolean((workflow.staticData as { __dataChanged?: boolean }).__dataChanged),
			error,
			logs: capture.lines,
			credentialStore: store,
		};
		return outcome;
	} finally {
		capture.stop();
		recordRunExposure({
			what: `poll (${options.mode ?? 'trigger'})`,
			engine: engineLine(),
			items: (outcome?.returned ?? []).flat(),
			errors: [outcome?.error],
			logs: capture.lines,
		});
	}
}

/** One scheduled poll, as n8n-core's PollTriggerExecutor (2.x) / ActiveWorkflows (1.x) runs it. */
async function pollLikeAnActiveWorkflow(
	workflow: WorkflowType,
	node: INode,
	context: IPollFunctions & PollContextInternals,
): Promise<void> {
	const pollers = new TriggersAndPollers();
	const expression = workflow.expression as unknown as {
		acquireIsolate?: () => Promise<boolean>;
		releaseIsolate?: () => Promise<void>;
	};
	const once = async () => {
		const acquired = expression.acquireIsolate ? await expression.acquireIsolate() : false;
		try {
			const response =
				engineLine() === '2.x'
					? await pollers.runPollFunction!(workflow, node, context)
					: await pollers.runPoll!(workflow, node, context);
			if (response !== null) context.__emit(response);
			else if (engineLine() === '2.x') await core.commitStagedCursor(context as never);
		} finally {
			if (acquired && expression.releaseIsolate) await expression.releaseIsolate();
		}
	};
	try {
		if (engineLine() === '2.x') await core.runPollInStagingScope(context as never, once);
		else await once();
	} catch (e) {
		context.__emitError(e as Error);
	}
}
