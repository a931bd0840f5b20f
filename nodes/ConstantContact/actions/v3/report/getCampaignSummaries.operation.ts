import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../helpers/fields';
import type { OperationOption } from '../../../helpers/types';
import { readLimit } from '../../../helpers/validators';
import { apiRequestAllItems } from '../../../transport';

export const option: OperationOption = {
	name: 'Get Campaign Summaries',
	description: 'List sent campaigns with their unique counts, most recently sent first',
	action: 'Get campaign summaries',
};

export const endpoints = ['GET /reports/summary_reports/email_campaign_summaries'];

export const properties: INodeProperties[] = returnAllAndLimit();

/** One item per sent campaign, most recently sent first: its unique sends, opens, clicks... */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await apiRequestAllItems.call(this, 'v3', '/reports/summary_reports/email_campaign_summaries', {
		itemsKey: 'bulk_email_campaign_summaries',
		limit: readLimit.call(this, itemIndex),
		itemIndex,
	});
}
