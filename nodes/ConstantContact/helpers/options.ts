import { type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { describeValue } from './values';

/** The values of an options parameter. */
export function optionValues(property: INodeProperties): string[] {
	return (property.options ?? []).map((option) => String((option as { value?: unknown }).value));
}

/** An options parameter, which an expression can set to anything: one of its values, or an error naming it. */
export function readOption(this: IExecuteFunctions, property: INodeProperties, itemIndex: number): string {
	return checkOption.call(this, this.getNodeParameter(property.name, itemIndex, property.default), property, itemIndex);
}

export function checkOption(
	this: IExecuteFunctions,
	value: unknown,
	property: INodeProperties,
	itemIndex: number,
): string {
	const allowed = optionValues(property);
	if (typeof value === 'string' && allowed.includes(value)) return value;
	throw new NodeOperationError(
		this.getNode(),
		`"${property.displayName}" must be one of ${allowed.join(', ')}; not ${describeValue(value)}`,
		{ itemIndex },
	);
}

/** A multiOptions parameter: a list (or comma-separated text) of its values, each checked. */
export function readMultiOptions(this: IExecuteFunctions, property: INodeProperties, itemIndex: number): string[] {
	return checkMultiOptions.call(this, this.getNodeParameter(property.name, itemIndex, []), property, itemIndex);
}

export function checkMultiOptions(
	this: IExecuteFunctions,
	value: unknown,
	property: INodeProperties,
	itemIndex: number,
): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',').map((v) => v.trim())
			: [value];
	return [...new Set(list.map((v) => checkOption.call(this, v, property, itemIndex)))];
}
