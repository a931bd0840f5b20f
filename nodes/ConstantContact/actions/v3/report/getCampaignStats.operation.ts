import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { idsField, readIds, statsFor } from './shared';

/** The contract caps `campaign_ids` at 150; more are sent in several calls. */
const IDS_PER_CALL = 150;

export const description = forOperation('v3', 'report', 'getCampaignStats', [
	idsField(
		'Campaign IDs',
		'campaignIds',
		'Campaigns to report on, comma-separated or an array from an expression. One output item per campaign: sends, opens, clicks, bounces, opt-outs and percentages.',
	),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const ids = readIds.call(this, 'campaignIds', 'Campaign IDs', i);
	return await statsFor.call(this, 'email_campaigns', ids, IDS_PER_CALL, i);
}
