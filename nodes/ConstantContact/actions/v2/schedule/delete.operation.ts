import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { notFoundSchedule, readScheduleId, scheduleIdField, schedulePath } from './shared';

export const description = forOperation('v2', 'schedule', 'delete', [v2CampaignLocator, scheduleIdField]);

/** Unschedules: the campaign goes back to draft. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const campaignId = locatorId.call(this, v2CampaignLocator, i);
	const scheduleId = readScheduleId.call(this, i);
	await apiRequest.call(this, 'v2', 'DELETE', schedulePath(campaignId, scheduleId), {
		notFound: notFoundSchedule(campaignId, scheduleId),
		itemIndex: i,
	});
	return { campaign_id: campaignId, id: scheduleId, deleted: true };
}
