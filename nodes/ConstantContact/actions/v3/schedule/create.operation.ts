import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SEND_NOW } from '../../../helpers/dates';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { readScheduledDate, scheduleFields, sendsNow } from '../../../helpers/schedule';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest, scheduleReadBack } from '../../../transport';
import { notFoundActivity } from '../campaignActivity/shared';

export const option: OperationOption = {
	name: 'Create',
	description: 'Send a campaign activity now or at a date',
	action: 'Schedule a campaign activity',
};

export const endpoints = [
	'POST /emails/activities/{campaign_activity_id}/schedules',
	'GET /emails/activities/{campaign_activity_id}/schedules',
];

export const properties: INodeProperties[] = [
	{
		...v3CampaignActivityLocator,
		description:
			"The campaign's primary email activity. It must have contact lists or segments (Campaign Activity > Update) and " +
			'be a draft, sent (resend to new contacts) or failed.',
	},
	...scheduleFields(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const now = sendsNow.call(this, itemIndex);
	const scheduledDate = now ? SEND_NOW : readScheduledDate.call(this, itemIndex);
	const path = `/emails/activities/${encodeURIComponent(id)}/schedules`;
	const answer = (await apiRequest.call(this, 'v3', 'POST', path, {
		body: { scheduled_date: scheduledDate },
		notFound: notFoundActivity(id),
		itemIndex,
		verify: now ? undefined : async () => await scheduleReadBack.call(this, 'v3', path, scheduledDate, itemIndex),
	})) as IDataObject[] | IDataObject | undefined;
	// The POST answers a list; a schedule read back after a lost answer is one object.
	const scheduled = (Array.isArray(answer) ? answer[0] : answer)?.scheduled_date;
	return {
		campaign_activity_id: id,
		send_now: now,
		scheduled_date: scheduled ?? (now ? null : scheduledDate),
	};
}
