import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundSchedule, readScheduleId, scheduleIdField, schedulePath } from './shared';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Unschedule a campaign',
	action: 'Unschedule a campaign',
};

export const endpoints = ['DELETE /emailmarketing/campaigns/{campaignId}/schedules/{scheduleId}'];

export const properties: INodeProperties[] = [v2CampaignLocator, scheduleIdField];

/** Unschedules: the campaign goes back to draft. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const campaignId = locatorId.call(this, v2CampaignLocator, itemIndex);
	const scheduleId = readScheduleId.call(this, itemIndex);
	await apiRequest.call(this, 'v2', 'DELETE', schedulePath(campaignId, scheduleId), {
		notFound: notFoundSchedule(campaignId, scheduleId),
		itemIndex,
	});
	return { campaign_id: campaignId, id: scheduleId, deleted: true };
}
