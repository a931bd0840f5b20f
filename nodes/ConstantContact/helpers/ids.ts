import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { readIdList } from './fields';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A v3 id (a UUID), checked before any request so a wrong value gets an error naming its field. */
export function checkUuid(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!id) throw new NodeOperationError(this.getNode(), `"${label}" is empty`, { itemIndex });
	if (!UUID.test(id)) {
		throw new NodeOperationError(this.getNode(), `"${label}" is not a valid ID: "${id}"`, {
			itemIndex,
			description: 'Constant Contact v3 IDs look like 2a4b1f6e-3c1d-4c8e-9f70-1b2c3d4e5f60.',
		});
	}
	return id;
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
		throw new NodeOperationError(this.getNode(), `"${label}" has ${ids.length} IDs; Constant Contact allows at most ${max}`, {
			itemIndex,
		});
	}
	return ids;
}
