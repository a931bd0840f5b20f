import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundActivity } from '../campaignActivity/shared';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Unschedule a campaign activity',
	action: 'Unschedule a campaign activity',
};

export const endpoints = ['DELETE /emails/activities/{campaign_activity_id}/schedules'];

export const properties: INodeProperties[] = [v3CampaignActivityLocator];

/** Unschedules: the activity goes back to the status it had before it was scheduled. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	await apiRequest.call(this, 'v3', 'DELETE', `/emails/activities/${encodeURIComponent(id)}/schedules`, {
		notFound: notFoundActivity(id),
		itemIndex,
	});
	return { campaign_activity_id: id, unscheduled: true };
}
