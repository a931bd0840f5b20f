// A stand-in for the `this` of functions that take `this: IExecuteFunctions` but only read the
// node, parameters and time zone (validation logic). Not a mock of HTTP: nothing here sends.
import type { IExecuteFunctions, INode } from 'n8n-workflow';

export const node: INode = {
	id: 'unit-node',
	name: 'Constant Contact',
	type: 'n8n-nodes-constant-contact.constantContact',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Parameters by name, or per item: `(name, itemIndex) => value` (undefined: the fallback). */
export type Parameters = Record<string, unknown> | ((name: string, itemIndex: number) => unknown);

export function executeContext(parameters: Parameters = {}, timezone = 'America/New_York'): IExecuteFunctions {
	const read = (name: string, itemIndex: number, fallback?: unknown) => {
		const value = typeof parameters === 'function' ? parameters(name, itemIndex) : parameters[name];
		return value === undefined ? fallback : value;
	};
	return { getNode: () => node, getNodeParameter: read, getTimezone: () => timezone } as unknown as IExecuteFunctions;
}

/** The error `fn` throws (fails the test when it throws nothing). */
export function thrown(fn: () => unknown): Error & { description?: string | null; context?: Record<string, unknown> } {
	try {
		fn();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected an error, but nothing was thrown');
}
