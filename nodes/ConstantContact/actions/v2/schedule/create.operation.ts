import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { readScheduledDate, scheduleFields, sendsNow } from '../../../helpers/schedule';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest, scheduleReadBack } from '../../../transport';
import { notFoundSchedule, schedulesPath } from './shared';

export const option: OperationOption = {
	name: 'Create',
	description: 'Send a campaign now or at a date',
	action: 'Schedule a campaign',
};

export const endpoints = [
	'POST /emailmarketing/campaigns/{campaignId}/schedules',
	'GET /emailmarketing/campaigns/{campaignId}/schedules',
];

export const properties: INodeProperties[] = [
	{ ...v2CampaignLocator, description: 'A draft campaign with contact lists' },
	...scheduleFields(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const campaignId = locatorId.call(this, v2CampaignLocator, itemIndex);
	// v2 sends at once when the schedule has no date.
	const date = sendsNow.call(this, itemIndex) ? undefined : readScheduledDate.call(this, itemIndex);
	const path = schedulesPath(campaignId);
	const schedule = (await apiRequest.call(this, 'v2', 'POST', path, {
		body: date ? { scheduled_date: date } : {},
		notFound: notFoundSchedule(campaignId),
		itemIndex,
		verify: date ? async () => await scheduleReadBack.call(this, 'v2', path, date, itemIndex) : undefined,
	})) as IDataObject;
	return { campaign_id: campaignId, ...schedule };
}
