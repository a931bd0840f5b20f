import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { apiRequest } from '../transport';
import { outcomesPerItem, readIdsOfItems, requestIdsOfItems } from './batches';
import { V2_ID } from './ids';
import type { BatchOutcome } from './types';
import { readIdList } from './validators';
import { describeValue } from './values';

/** One of the API's v2 -> v3 id cross-references (campaigns, contact lists, contacts). */
export interface XrefSpec {
	/** The node parameter holding the v2 ids (its name and display name are read from it). */
	field: INodeProperties;
	/** What the ids are of, e.g. 'campaign' ("No v3 campaign found for v2 campaign ID ..."). */
	what: string;
	endpoint: string;
	/** The query parameter taking the comma-separated v2 ids, and the answer's key for the v2 id. */
	queryParameter: string;
	v2IdField: string;
	/** The API's limit of ids per call (helpers/limits.ts). */
	perCall: number;
	/** Where the v2 ids come from, for the not-found hint. */
	hint: string;
}

// The API may answer a v2 id with leading zeros ("0016633325"): compared as numbers.
const sameId = (id: string) => id.replace(/^0+(?=[0-9])/, '');

function readV2Ids(this: IExecuteFunctions, spec: XrefSpec, itemIndex: number): string[] {
	const label = spec.field.displayName;
	const ids = readIdList.call(this, this.getNodeParameter(spec.field.name, itemIndex, ''), label, itemIndex);
	if (ids.length === 0) throw new NodeOperationError(this.getNode(), `"${label}" is required`, { itemIndex });
	const bad = ids.find((id) => !new RegExp(`^${V2_ID}$`).test(id));
	if (bad !== undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`"${label}" has an ID that is not a v2 ${spec.what} ID: ${describeValue(bad)}`,
			{ itemIndex, description: `v2 ${spec.what} IDs are numbers, e.g. 1100394165290.` },
		);
	}
	return ids;
}

/**
 * The v3 ids of all items' v2 ids in as few requests as the API allows. One output item per id
 * (the API's cross-reference record), paired with its item, in the order given.
 */
export async function v2IdXrefs(
	this: IExecuteFunctions,
	spec: XrefSpec,
	itemIndexes: number[],
): Promise<BatchOutcome[]> {
	const { wanted, failed } = readIdsOfItems(itemIndexes, (itemIndex) => readV2Ids.call(this, spec, itemIndex));
	const byId = await requestIdsOfItems(wanted, spec.perCall, async (ids, itemIndex) => {
		const answer = (await apiRequest.call(this, 'v3', 'GET', spec.endpoint, {
			qs: { [spec.queryParameter]: ids.join(',') },
			itemIndex,
		})) as IDataObject;
		const xrefs = (answer?.xrefs as IDataObject[] | undefined) ?? [];
		return new Map(xrefs.map((x): [string, IDataObject] => [sameId(String(x[spec.v2IdField])), x]));
	});
	return outcomesPerItem(wanted, failed, byId, ({ itemIndex, ids }, answers): BatchOutcome => {
		const xrefs = ids.map((id, n) => answers[n].get(sameId(id)));
		const missing = ids.filter((_id, n) => xrefs[n] === undefined);
		if (missing.length === 0) return { itemIndexes: [itemIndex], json: xrefs as IDataObject[] };
		const error = new NodeOperationError(
			this.getNode(),
			`No v3 ${spec.what} found for v2 ${spec.what} ID${missing.length > 1 ? 's' : ''} ${quoted(missing)}`,
			{ itemIndex, description: `Check "${spec.field.displayName}": ${spec.hint}` },
		);
		return { itemIndexes: [itemIndex], error };
	});
}

const quoted = (ids: string[]) => ids.map((id) => `"${id}"`).join(', ');
