import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { idsField, readIds, statsFor } from './shared';

/** The API takes at most 10 activity ids per call; more are sent in several calls. */
const IDS_PER_CALL = 10;

export const description = forOperation('v3', 'report', 'getActivityStats', [
	idsField(
		'Campaign Activity IDs',
		'campaignActivityIds',
		'Campaign activities (emails) to report on, comma-separated or an array from an expression. One output item per activity. More than 10 are sent in several calls.',
	),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const ids = readIds.call(this, 'campaignActivityIds', 'Campaign Activity IDs', i);
	return await statsFor.call(this, 'email_campaign_activities', ids, IDS_PER_CALL, i);
}
