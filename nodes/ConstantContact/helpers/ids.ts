import { type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import { SEGMENT_ID_MAX } from './limits';
import { readIdList } from './validators';
import { describeValue, isText } from './values';

/** Id shapes, as regular-expression sources: v3 ids are UUIDs, v2 ids are (64-bit) numbers. */
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const V2_ID = '[0-9]{1,19}';

/**
 * The one id check: an id of the expected shape, before any request, so a wrong value gets an
 * error naming its field. `hint` says where the id comes from.
 */
export function checkId(
	this: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
	pattern: string,
	hint: string,
): string {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		throw new NodeOperationError(this.getNode(), `"${label}" is empty`, { itemIndex, description: hint });
	}
	if (!isText(value)) {
		throw new NodeOperationError(this.getNode(), `"${label}" must be an ID, not ${describeValue(value)}`, {
			itemIndex,
			description: hint,
		});
	}
	const id = String(value).trim();
	if (!new RegExp(`^(?:${pattern})$`).test(id)) {
		throw new NodeOperationError(this.getNode(), `"${label}" is not a valid ID: ${describeValue(id)}`, {
			itemIndex,
			description: hint,
		});
	}
	return id;
}

/** A v2 id (a number). */
export function checkV2Id(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	if (typeof value === 'number' && !Number.isSafeInteger(value) && /^[0-9]+$/.test(String(value))) {
		// Digits past 2^53 were already lost when the expression made a number of it.
		throw new NodeOperationError(
			this.getNode(),
			`"${label}" is too large a number to be exact: ${describeValue(value)}`,
			{
				itemIndex,
				description: 'Give the ID as text, e.g. {{ String($json.id) }} or "1100394165290".',
			},
		);
	}
	return checkId.call(this, value, label, itemIndex, V2_ID, 'Constant Contact v2 IDs are numbers, e.g. 1100394165290.');
}

/** A v3 id (a UUID). */
export function checkUuid(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	return checkId.call(
		this,
		value,
		label,
		itemIndex,
		UUID,
		'Constant Contact v3 IDs look like 2a4b1f6e-3c1d-4c8e-9f70-1b2c3d4e5f60.',
	);
}

/** A segment id: a whole number from 1 to the API's int32 maximum (typed, or a number from an expression). */
export function checkSegmentId(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number {
	const hint = 'Choose the segment from the list, or give its ID: a number, e.g. 14 (Segment → Get Many lists them).';
	const id = checkId.call(this, value, label, itemIndex, '[0-9]{1,10}', hint);
	const number = Number(id);
	if (number < 1 || number > SEGMENT_ID_MAX) {
		throw new NodeOperationError(this.getNode(), `"${label}" is not a valid segment ID: ${describeValue(id)}`, {
			itemIndex,
			description: hint,
		});
	}
	return number;
}

/** v3 ids from a multi-select, an array expression or comma-separated text, each checked. */
export function readUuidList(
	this: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
	max: number,
): string[] {
	const ids = readIdList.call(this, value, label, itemIndex).map((id) => checkUuid.call(this, id, label, itemIndex));
	if (ids.length > max) {
		throw new NodeOperationError(
			this.getNode(),
			`"${label}" has ${ids.length} IDs; Constant Contact allows at most ${max}`,
			{
				itemIndex,
			},
		);
	}
	return ids;
}
