import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { readLimit, returnAllAndLimit } from '../../../helpers/fields';
import { apiRequestAllItems } from '../../../transport';

export const description = forOperation('v3', 'report', 'getCampaignSummaries', returnAllAndLimit());

/** One item per sent campaign, most recently sent first: its unique sends, opens, clicks... */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await apiRequestAllItems.call(this, 'v3', '/reports/summary_reports/email_campaign_summaries', {
		itemsKey: 'bulk_email_campaign_summaries',
		limit: readLimit.call(this, i),
		itemIndex: i,
	});
}
