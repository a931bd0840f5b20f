import type { INodeProperties } from 'n8n-workflow';
import type { OperationOption } from '../../../helpers/types';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { notFoundActivity } from '../campaignActivity/shared';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Unschedule a campaign activity',
	action: 'Unschedule a campaign activity',
};

export const properties: INodeProperties[] = [v3CampaignActivityLocator];

/** Unschedules: the activity goes back to the status it had before it was scheduled. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, i);
	await apiRequest.call(this, 'v3', 'DELETE', `/emails/activities/${encodeURIComponent(id)}/schedules`, {
		notFound: notFoundActivity(id),
		itemIndex: i,
	});
	return { campaign_activity_id: id, unscheduled: true };
}
