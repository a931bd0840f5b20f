import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inBatches } from '../../../helpers/batches';
import { readUuidList } from '../../../helpers/ids';
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
export function readIds(this: IExecuteFunctions, name: string, label: string, i: number): string[] {
	const ids = readUuidList.call(this, this.getNodeParameter(name, i, ''), label, i, Infinity);
	if (ids.length === 0) throw new NodeOperationError(this.getNode(), `"${label}" is required`, { itemIndex: i });
	return ids;
}

/**
 * A stats report (`/reports/stats/<kind>/{ids}`) for any number of ids, `perCall` at a time.
 * One row per id, in the order given. Ids the API reports errors for fail the item, naming them.
 */
export async function statsFor(
	this: IExecuteFunctions,
	kind: 'email_campaigns' | 'email_campaign_activities',
	ids: string[],
	perCall: number,
	i: number,
): Promise<IDataObject[]> {
	const idKey = kind === 'email_campaigns' ? 'campaign_id' : 'campaign_activity_id';
	const label = kind === 'email_campaigns' ? 'Campaign IDs' : 'Campaign Activity IDs';
	const rows: IDataObject[] = [];
	const errors: string[] = [];
	for (const batch of inBatches(ids, perCall)) {
		const answer = (await apiRequest.call(this, 'v3', 'GET', `/reports/stats/${kind}/${batch.join(',')}`, {
			notFound: `Constant Contact found none of these "${label}": ${batch.join(', ')}`,
			itemIndex: i,
		})) as IDataObject;
		rows.push(...((answer?.results as IDataObject[] | undefined) ?? []));
		for (const e of (answer?.errors as IDataObject[] | undefined) ?? []) errors.push(String(e.error_message ?? e.error_key));
	}
	const byId = new Map(rows.map((r) => [String(r[idKey]), r]));
	const missing = ids.filter((id) => !byId.has(id));
	if (missing.length) {
		const what = kind === 'email_campaigns' ? 'campaign' : 'campaign activity';
		throw new NodeOperationError(this.getNode(), `No stats for ${what} ID${missing.length > 1 ? 's' : ''} ${missing.map((id) => `"${id}"`).join(', ')}`, {
			itemIndex: i,
			description: errors.length
				? `Check "${label}". Constant Contact says: ${errors.join(' ')}`
				: `Check "${label}": each ${what} must exist and have been sent.`,
		});
	}
	return ids.map((id) => byId.get(id) as IDataObject);
}
