import type { INodeProperties } from 'n8n-workflow';
import type { OperationOption } from '../../../helpers/types';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../helpers/fields';
import { readLimit } from '../../../helpers/validators';
import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { notFoundSchedule, schedulesPath } from './shared';

export const option: OperationOption = {
	name: 'Get Many',
	description: "List a campaign's schedules",
	action: 'Get many schedules',
};

export const properties: INodeProperties[] = [v2CampaignLocator, ...returnAllAndLimit()];

/** The API answers the whole (short) list at once; Limit trims it. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const campaignId = locatorId.call(this, v2CampaignLocator, i);
	const limit = readLimit.call(this, i);
	const schedules = (await apiRequest.call(this, 'v2', 'GET', schedulesPath(campaignId), {
		notFound: notFoundSchedule(campaignId),
		itemIndex: i,
	})) as IDataObject[];
	return (Array.isArray(schedules) ? schedules : [])
		.slice(0, limit ?? undefined)
		.map((s) => ({ campaign_id: campaignId, ...s }));
}
