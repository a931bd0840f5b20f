import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

/** Type name of the harness's own start node. */
export const HARNESS_START_TYPE = 'n8n-nodes-harness.start';

/**
 * Emits the items in its `items` parameter (a JSON array of `json` objects; default one empty
 * item). Registered only in the harness; also stands in for n8n-nodes-base's Manual Trigger so
 * saved workflows that start with one can run.
 */
export class HarnessStartNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Start',
		name: 'harnessStart',
		group: ['trigger'],
		version: 1,
		description: 'Emits the test input items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main' as never],
		properties: [
			{
				displayName: 'Items (JSON)',
				name: 'items',
				type: 'json',
				default: '[{}]',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNode().parameters.items;
		let items: IDataObject[] = [{}];
		if (typeof raw === 'string' && raw.trim() !== '') items = JSON.parse(raw) as IDataObject[];
		else if (Array.isArray(raw)) items = raw as IDataObject[];
		return [items.map((json, index) => ({ json, pairedItem: { item: index } }))];
	}
}

function isVersioned(node: INodeType | IVersionedNodeType): node is IVersionedNodeType {
	return 'nodeVersions' in node;
}

export class NodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	/**
	 * The error object each node's execute() threw, by node name. The engine records only a
	 * spread copy ({ ...error, message, stack }) in the run data, which loses the class.
	 */
	readonly thrown = new Map<string, Error>();

	private readonly wrapped = new WeakMap<INodeType, INodeType>();

	/** Same node type, with execute() wrapped to remember what it threw (behaviour unchanged). */
	private observe(node: INodeType): INodeType {
		if (typeof node.execute !== 'function') return node;
		const existing = this.wrapped.get(node);
		if (existing) return existing;
		const original = node.execute;
		const thrown = this.thrown;
		const wrapper = Object.create(node) as INodeType;
		wrapper.execute = async function (this: IExecuteFunctions) {
			try {
				return await original.call(this);
			} catch (error) {
				thrown.set(this.getNode().name, error as Error);
				throw error;
			}
		} as INodeType['execute'];
		this.wrapped.set(node, wrapper);
		return wrapper;
	}

	register(name: string, node: INodeType | IVersionedNodeType) {
		this.types.set(name, node);
	}

	has(name: string) {
		return this.types.has(name);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const node = this.types.get(nodeType);
		if (!node)
			throw new Error(`Unknown node type "${nodeType}" (harness registry has: ${[...this.types.keys()].join(', ')})`);
		return node;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const node = this.getByName(nodeType);
		return this.observe(isVersioned(node) ? node.getNodeType(version) : node);
	}

	getKnownTypes(): IDataObject {
		return {};
	}

	/** Version a new node of this type gets (the default/latest version). */
	defaultVersion(nodeType: string): number {
		const node = this.getByName(nodeType);
		if (isVersioned(node)) return node.currentVersion;
		const { version } = node.description;
		const dv = (node.description as { defaultVersion?: number }).defaultVersion;
		if (dv !== undefined) return dv;
		return Array.isArray(version) ? Math.max(...version) : version;
	}
}
