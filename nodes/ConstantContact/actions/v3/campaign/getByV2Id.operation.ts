import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { outcomesPerItem, readIdsOfItems, requestIdsOfItems } from '../../../helpers/batches';
import { V2_ID } from '../../../helpers/ids';
import { V2_CAMPAIGN_IDS_PER_CALL } from '../../../helpers/limits';
import type { BatchOutcome, OperationOption } from '../../../helpers/types';
import { readIdList } from '../../../helpers/validators';
import { describeValue } from '../../../helpers/values';
import { apiRequest } from '../../../transport';

export const option: OperationOption = {
	name: 'Get by V2 ID',
	description: 'Find the v3 campaign and activity IDs of legacy v2 campaign IDs',
	action: 'Get campaign IDs by v2 ID',
};

export const endpoints = ['GET /emails/campaign_id_xrefs'];

export const properties: INodeProperties[] = [
	{
		displayName: 'V2 Campaign IDs',
		name: 'v2CampaignIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1100394165290, 1100394165301',
		description:
			'Campaign IDs of the legacy v2 API, comma-separated or an array from an expression. More than 50 are sent in ' +
			'several calls.',
	},
];

function readV2Ids(this: IExecuteFunctions, itemIndex: number): string[] {
	const ids = readIdList.call(
		this,
		this.getNodeParameter('v2CampaignIds', itemIndex, ''),
		'V2 Campaign IDs',
		itemIndex,
	);
	if (ids.length === 0) throw new NodeOperationError(this.getNode(), '"V2 Campaign IDs" is required', { itemIndex });
	const bad = ids.find((id) => !new RegExp(`^${V2_ID}$`).test(id));
	if (bad !== undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`"V2 Campaign IDs" has an ID that is not a v2 campaign ID: ${describeValue(bad)}`,
			{
				itemIndex,
				description: 'v2 campaign IDs are numbers, e.g. 1100394165290.',
			},
		);
	}
	return ids;
}

/**
 * The ids of all items in as few requests as the API allows. One output item per id, paired
 * with its item: `v2_email_campaign_id`, `campaign_id` and `campaign_activity_id` (the primary email).
 */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]> {
	const { wanted, failed } = readIdsOfItems(itemIndexes, (itemIndex) => readV2Ids.call(this, itemIndex));
	const byId = await requestIdsOfItems(wanted, V2_CAMPAIGN_IDS_PER_CALL, async (ids, itemIndex) => {
		const answer = (await apiRequest.call(this, 'v3', 'GET', '/emails/campaign_id_xrefs', {
			qs: { v2_email_campaign_ids: ids.join(',') },
			itemIndex,
		})) as IDataObject;
		const xrefs = (answer?.xrefs as IDataObject[] | undefined) ?? [];
		return new Map(xrefs.map((x): [string, IDataObject] => [String(x.v2_email_campaign_id), x]));
	});
	return outcomesPerItem(wanted, failed, byId, ({ itemIndex, ids }, answers): BatchOutcome => {
		const xrefs = ids.map((id, n) => answers[n].get(id));
		const missing = ids.filter((_id, n) => xrefs[n] === undefined);
		if (missing.length === 0) return { itemIndexes: [itemIndex], json: xrefs as IDataObject[] };
		const error = new NodeOperationError(
			this.getNode(),
			`No v3 campaign found for v2 campaign ID${missing.length > 1 ? 's' : ''} ${quoted(missing)}`,
			{
				itemIndex,
				description: 'Check "V2 Campaign IDs": they must be campaigns of the same Constant Contact account.',
			},
		);
		return { itemIndexes: [itemIndex], error };
	});
}

const quoted = (ids: string[]) => ids.map((id) => `"${id}"`).join(', ');
