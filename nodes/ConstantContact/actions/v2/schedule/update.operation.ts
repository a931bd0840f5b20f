import type { INodeProperties } from 'n8n-workflow';
import type { OperationOption } from '../../../helpers/types';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { readScheduledDate, scheduledDateField } from '../../../helpers/schedule';
import { apiRequest } from '../../../transport';
import { notFoundSchedule, readScheduleId, scheduleIdField, schedulePath } from './shared';

export const option: OperationOption = {
	name: 'Update',
	description: 'Move a schedule to another date',
	action: 'Reschedule a campaign',
};

export const properties: INodeProperties[] = [
	v2CampaignLocator,
	scheduleIdField,
	scheduledDateField(false),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const campaignId = locatorId.call(this, v2CampaignLocator, i);
	const scheduleId = readScheduleId.call(this, i);
	const scheduledDate = readScheduledDate.call(this, i);
	const schedule = (await apiRequest.call(this, 'v2', 'PUT', schedulePath(campaignId, scheduleId), {
		body: { scheduled_date: scheduledDate },
		notFound: notFoundSchedule(campaignId, scheduleId),
		itemIndex: i,
	})) as IDataObject;
	return { campaign_id: campaignId, ...schedule };
}
