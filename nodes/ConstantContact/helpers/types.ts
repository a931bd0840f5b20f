import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export type ApiVersion = 'v2' | 'v3';

/** What an operation returns for one input item: one object or a list (one output item each). */
export type OperationResult = IDataObject | IDataObject[];

export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

export type ResourceOperations = Record<string, Operation>;
