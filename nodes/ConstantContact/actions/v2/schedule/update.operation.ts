import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { readScheduledDate, scheduledDateField } from '../../../helpers/schedule';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundSchedule, readScheduleId, scheduleIdField, schedulePath } from './shared';

export const option: OperationOption = {
	name: 'Update',
	description: 'Move a schedule to another date',
	action: 'Reschedule a campaign',
};

export const endpoints = ['PUT /emailmarketing/campaigns/{campaignId}/schedules/{scheduleId}'];

export const properties: INodeProperties[] = [v2CampaignLocator, scheduleIdField, scheduledDateField(false)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const campaignId = locatorId.call(this, v2CampaignLocator, itemIndex);
	const scheduleId = readScheduleId.call(this, itemIndex);
	const scheduledDate = readScheduledDate.call(this, itemIndex);
	const schedule = (await apiRequest.call(this, 'v2', 'PUT', schedulePath(campaignId, scheduleId), {
		body: { scheduled_date: scheduledDate },
		notFound: notFoundSchedule(campaignId, scheduleId),
		itemIndex,
	})) as IDataObject;
	return { campaign_id: campaignId, ...schedule };
}
