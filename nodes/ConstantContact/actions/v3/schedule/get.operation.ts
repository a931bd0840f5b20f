import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundActivity } from '../campaignActivity/shared';

export const option: OperationOption = {
	name: 'Get',
	description: "Get a campaign activity's schedule",
	action: 'Get a schedule',
};

export const endpoints = ['GET /emails/activities/{campaign_activity_id}/schedules'];

export const properties: INodeProperties[] = [v3CampaignActivityLocator];

/** One item per schedule; an activity that is not scheduled gives one item with scheduled: false. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const schedules = (await apiRequest.call(
		this,
		'v3',
		'GET',
		`/emails/activities/${encodeURIComponent(id)}/schedules`,
		{
			notFound: notFoundActivity(id),
			itemIndex,
		},
	)) as IDataObject[];
	if (!Array.isArray(schedules) || schedules.length === 0) {
		return [{ campaign_activity_id: id, scheduled: false, scheduled_date: null }];
	}
	return schedules.map((s) => ({ campaign_activity_id: id, scheduled: true, ...s }));
}
