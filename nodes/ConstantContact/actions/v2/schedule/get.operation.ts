import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundSchedule, readScheduleId, scheduleIdField, schedulePath } from './shared';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a schedule',
	action: 'Get a schedule',
};

export const endpoints = ['GET /emailmarketing/campaigns/{campaignId}/schedules/{scheduleId}'];

export const properties: INodeProperties[] = [v2CampaignLocator, scheduleIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const campaignId = locatorId.call(this, v2CampaignLocator, itemIndex);
	const scheduleId = readScheduleId.call(this, itemIndex);
	const schedule = (await apiRequest.call(this, 'v2', 'GET', schedulePath(campaignId, scheduleId), {
		notFound: notFoundSchedule(campaignId, scheduleId),
		itemIndex,
	})) as IDataObject;
	return { campaign_id: campaignId, ...schedule };
}
