import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { V2_CAMPAIGN_IDS_PER_CALL } from '../../../helpers/limits';
import type { BatchOutcome, OperationOption } from '../../../helpers/types';
import { v2IdXrefs, type XrefSpec } from '../../../helpers/v2IdXrefs';

export const option: OperationOption = {
	name: 'Get by V2 ID',
	description: 'Find the v3 campaign and activity IDs of legacy v2 campaign IDs',
	action: 'Get campaign IDs by v2 ID',
};

export const endpoints = ['GET /emails/campaign_id_xrefs'];

const v2IdsField: INodeProperties = {
	displayName: 'V2 Campaign IDs',
	name: 'v2CampaignIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1100394165290, 1100394165301',
	description:
		'Campaign IDs of the legacy v2 API, comma-separated or an array from an expression. ' +
		`More than ${V2_CAMPAIGN_IDS_PER_CALL} are sent in several calls.`,
};

export const properties: INodeProperties[] = [v2IdsField];

const xref: XrefSpec = {
	field: v2IdsField,
	what: 'campaign',
	endpoint: '/emails/campaign_id_xrefs',
	queryParameter: 'v2_email_campaign_ids',
	v2IdField: 'v2_email_campaign_id',
	perCall: V2_CAMPAIGN_IDS_PER_CALL,
	hint: 'they must be campaigns of the same Constant Contact account.',
};

/**
 * The ids of all items in as few requests as the API allows. One output item per id, paired
 * with its item: `v2_email_campaign_id`, `campaign_id` and `campaign_activity_id` (the primary email).
 */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]> {
	return await v2IdXrefs.call(this, xref, itemIndexes);
}
