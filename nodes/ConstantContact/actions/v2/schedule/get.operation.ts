import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { notFoundSchedule, readScheduleId, scheduleIdField, schedulePath } from './shared';

export const description = forOperation('v2', 'schedule', 'get', [v2CampaignLocator, scheduleIdField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const campaignId = locatorId.call(this, v2CampaignLocator, i);
	const scheduleId = readScheduleId.call(this, i);
	const schedule = (await apiRequest.call(this, 'v2', 'GET', schedulePath(campaignId, scheduleId), {
		notFound: notFoundSchedule(campaignId, scheduleId),
		itemIndex: i,
	})) as IDataObject;
	return { campaign_id: campaignId, ...schedule };
}
