import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { inBatches } from '../../../helpers/batches';
import { forOperation } from '../../../helpers/description';
import { readIdList } from '../../../helpers/fields';
import { V2_ID } from '../../../helpers/ids';
import { describeValue } from '../../../helpers/values';
import { apiRequest } from '../../../transport';

/** The API takes at most 50 v2 ids per call (`v2_email_campaign_ids`, maxItems 50). */
const IDS_PER_CALL = 50;

const properties: INodeProperties[] = [
	{
		displayName: 'V2 Campaign IDs',
		name: 'v2CampaignIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1100394165290, 1100394165301',
		description:
			'Campaign IDs of the legacy v2 API, comma-separated or an array from an expression. More than 50 are sent in several calls.',
	},
];

export const description = forOperation('v3', 'campaign', 'getByV2Id', properties);

/** One item per id: `v2_email_campaign_id`, `campaign_id` and `campaign_activity_id` (the primary email). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const ids = readIdList.call(this, this.getNodeParameter('v2CampaignIds', i, ''), 'V2 Campaign IDs', i);
	if (ids.length === 0) throw new NodeOperationError(this.getNode(), '"V2 Campaign IDs" is required', { itemIndex: i });
	const bad = ids.find((id) => !new RegExp(`^${V2_ID}$`).test(id));
	if (bad !== undefined) {
		throw new NodeOperationError(this.getNode(), `"V2 Campaign IDs" has an ID that is not a v2 campaign ID: ${describeValue(bad)}`, {
			itemIndex: i,
			description: 'v2 campaign IDs are numbers, e.g. 1100394165290.',
		});
	}
	const xrefs: IDataObject[] = [];
	for (const batch of inBatches(ids, IDS_PER_CALL)) {
		const answer = (await apiRequest.call(this, 'v3', 'GET', '/emails/campaign_id_xrefs', {
			qs: { v2_email_campaign_ids: batch.join(',') },
			itemIndex: i,
		})) as IDataObject;
		xrefs.push(...((answer?.xrefs as IDataObject[] | undefined) ?? []));
	}
	const found = new Set(xrefs.map((x) => String(x.v2_email_campaign_id)));
	const missing = ids.filter((id) => !found.has(id));
	if (missing.length) {
		throw new NodeOperationError(
			this.getNode(),
			`No v3 campaign found for v2 campaign ID${missing.length > 1 ? 's' : ''} ${missing.map((id) => `"${id}"`).join(', ')}`,
			{ itemIndex: i, description: 'Check "V2 Campaign IDs": they must be campaigns of the same Constant Contact account.' },
		);
	}
	return ids.map((id) => xrefs.find((x) => String(x.v2_email_campaign_id) === id) as IDataObject);
}
