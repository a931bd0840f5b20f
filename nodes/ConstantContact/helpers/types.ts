import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export type ApiVersion = 'v2' | 'v3';

/** How an operation appears in the editor's Operation list (its value is its key in the registry). */
export interface OperationOption {
	name: string;
	description: string;
	/** The action's title in the node panel and for AI agents, e.g. 'Create a campaign'. */
	action: string;
}

interface OperationBase {
	option: OperationOption;
	/**
	 * The API requests it may make, as `METHOD /path` with `{name}` for ids (v3: the contract's
	 * own paths). Checked against the contract, the sandbox's routes and what the tests saw.
	 */
	endpoints: readonly string[];
	/** The operation's fields; the registry shows them for its API, resource and operation only. */
	properties: INodeProperties[];
}

/** An item's output that carries a file (n8n binary data) besides its json. */
export class BinaryOutput {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

/**
 * One item at a time: returns the item's output (one object, or a list: one output item each,
 * or a BinaryOutput).
 */
export interface ItemOperation extends OperationBase {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[] | BinaryOutput>;
	executeBatch?: never;
}

/**
 * All the run's items at once, so that one request can carry many items. Returns what became of
 * every item it was given: each result names the items it came from, each error the items it
 * concerns. The router pairs and orders them and applies Continue On Fail.
 */
export interface BatchOperation extends OperationBase {
	executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]>;
	execute?: never;
}

export type BatchOutcome =
	| { itemIndexes: number[]; json: IDataObject | IDataObject[]; binary?: IBinaryKeyData }
	| { itemIndexes: number[]; error: Error };

export type Operation = ItemOperation | BatchOperation;
