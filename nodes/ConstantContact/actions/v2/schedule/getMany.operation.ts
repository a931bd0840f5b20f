import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../helpers/fields';
import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { readLimit } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { notFoundSchedule, schedulesPath } from './shared';

export const option: OperationOption = {
	name: 'Get Many',
	description: "List a campaign's schedules",
	action: 'Get many schedules',
};

export const endpoints = ['GET /emailmarketing/campaigns/{campaignId}/schedules'];

export const properties: INodeProperties[] = [v2CampaignLocator, ...returnAllAndLimit()];

/** The API answers the whole (short) list at once; Limit trims it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const campaignId = locatorId.call(this, v2CampaignLocator, itemIndex);
	const limit = readLimit.call(this, itemIndex);
	const schedules = (await apiRequest.call(this, 'v2', 'GET', schedulesPath(campaignId), {
		notFound: notFoundSchedule(campaignId),
		itemIndex,
	})) as IDataObject[];
	return (Array.isArray(schedules) ? schedules : [])
		.slice(0, limit ?? undefined)
		.map((s) => ({ campaign_id: campaignId, ...s }));
}
