import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { outcomesPerItem, readIdsOfItems, requestIdsOfItems } from '../../../helpers/batches';
import { readUuidList } from '../../../helpers/ids';
import type { BatchOutcome } from '../../../helpers/types';
import { apiRequest } from '../../../transport';

export function idsField(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2a4b1f6e-3c1d-4c8e-9f70-1b2c3d4e5f60, 91569d46-00e4-4a4d-9a4c-d17d98740d04',
		description,
	};
}

/** v3 ids from a field (comma-separated text or an array expression): at least one, each a UUID. */
export function readIds(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string[] {
	const ids = readUuidList.call(this, this.getNodeParameter(name, itemIndex, ''), label, itemIndex, Infinity);
	if (ids.length === 0) throw new NodeOperationError(this.getNode(), `"${label}" is required`, { itemIndex });
	return ids;
}

const KINDS = {
	email_campaigns: { field: 'campaignIds', label: 'Campaign IDs', idKey: 'campaign_id', what: 'campaign' },
	email_campaign_activities: {
		field: 'campaignActivityIds',
		label: 'Campaign Activity IDs',
		idKey: 'campaign_activity_id',
		what: 'campaign activity',
	},
};

interface StatsAnswer {
	rows: Map<string, IDataObject>;
	/** What the API said about ids it has no stats for. */
	notes: string[];
}

/**
 * A stats report (`/reports/stats/<kind>/{ids}`) for the ids of all items, `perCall` distinct ids
 * per request. Each item gets one row per id it asked for, in its order; ids the API has no stats
 * for fail the items that asked for them, naming them.
 */
export async function statsOfItems(
	this: IExecuteFunctions,
	kind: keyof typeof KINDS,
	perCall: number,
	itemIndexes: number[],
): Promise<BatchOutcome[]> {
	const { field, label, idKey } = KINDS[kind];
	const { wanted, failed } = readIdsOfItems(itemIndexes, (itemIndex) => readIds.call(this, field, label, itemIndex));
	const byId = await requestIdsOfItems(wanted, perCall, async (ids, itemIndex): Promise<StatsAnswer> => {
		const answer = (await apiRequest.call(this, 'v3', 'GET', `/reports/stats/${kind}/${ids.join(',')}`, {
			notFound: `Constant Contact found none of these "${label}": ${ids.join(', ')}`,
			itemIndex,
		})) as IDataObject;
		const rows = ((answer?.results as IDataObject[] | undefined) ?? []).map((r): [string, IDataObject] => [
			String(r[idKey]),
			r,
		]);
		const notes = ((answer?.errors as IDataObject[] | undefined) ?? []).map((e) =>
			String(e.error_message ?? e.error_key),
		);
		return { rows: new Map(rows), notes };
	});
	return outcomesPerItem(wanted, failed, byId, ({ itemIndex, ids }, answers): BatchOutcome => {
		const missing = ids.filter((id, n) => !answers[n].rows.has(id));
		if (missing.length === 0) {
			return { itemIndexes: [itemIndex], json: ids.map((id, n) => answers[n].rows.get(id) as IDataObject) };
		}
		const notes = answers.filter((_answer, n) => missing.includes(ids[n])).flatMap((answer) => answer.notes);
		return {
			itemIndexes: [itemIndex],
			error: noStatsError.call(this, KINDS[kind], missing, [...new Set(notes)], itemIndex),
		};
	});
}

function noStatsError(
	this: IExecuteFunctions,
	{ label, what }: { label: string; what: string },
	missing: string[],
	notes: string[],
	itemIndex: number,
): NodeOperationError {
	const ids = missing.map((id) => `"${id}"`).join(', ');
	return new NodeOperationError(this.getNode(), `No stats for ${what} ID${missing.length > 1 ? 's' : ''} ${ids}`, {
		itemIndex,
		description: notes.length
			? `Check "${label}". Constant Contact says: ${notes.join(' ')}`
			: `Check "${label}": each ${what} must exist and have been sent.`,
	});
}
