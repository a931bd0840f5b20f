import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { sameSecond, SEND_NOW } from '../../../helpers/dates';
import { forOperation } from '../../../helpers/description';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { readScheduledDate, scheduleFields, sendsNow } from '../../../helpers/schedule';
import { apiRequest, type Outcome } from '../../../transport';
import { notFoundActivity } from '../campaignActivity/shared';

export const description = forOperation('v3', 'schedule', 'create', [
	{
		...v3CampaignActivityLocator,
		description:
			"The campaign's primary email activity. It must have contact lists or segments (Campaign Activity > Update) and be a draft, sent (resend to new contacts) or failed.",
	},
	...scheduleFields(),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, i);
	const now = sendsNow.call(this, i);
	const scheduledDate = now ? SEND_NOW : readScheduledDate.call(this, i);
	const path = `/emails/activities/${encodeURIComponent(id)}/schedules`;
	const answer = (await apiRequest.call(this, 'v3', 'POST', path, {
		body: { scheduled_date: scheduledDate },
		notFound: notFoundActivity(id),
		itemIndex: i,
		verify: now ? undefined : async () => await scheduledAt.call(this, path, scheduledDate, i),
	})) as IDataObject[] | undefined;
	const scheduled = Array.isArray(answer) ? answer[0]?.scheduled_date : undefined;
	return {
		campaign_activity_id: id,
		send_now: now,
		scheduled_date: scheduled ?? (now ? null : scheduledDate),
	};
}

// A lost answer to a dated schedule: the activity's schedule shows whether it was processed.
// (Send now is not checked: by the time we look, the send may have moved the activity on.)
async function scheduledAt(this: IExecuteFunctions, path: string, date: string, i: number): Promise<Outcome | undefined> {
	const schedules = (await apiRequest.call(this, 'v3', 'GET', path, { itemIndex: i })) as IDataObject[];
	if (!Array.isArray(schedules)) return undefined;
	const match = schedules.find((s) => sameSecond(s.scheduled_date, date));
	if (match) return { processed: true, result: [match] };
	return schedules.length === 0 ? { processed: false } : undefined;
}
