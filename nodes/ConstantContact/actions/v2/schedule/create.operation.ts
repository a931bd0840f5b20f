import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { readScheduledDate, scheduleFields, sendsNow } from '../../../helpers/schedule';
import { sameSecond } from '../../../helpers/dates';
import { apiRequest, type Outcome } from '../../../transport';
import { notFoundSchedule, schedulesPath } from './shared';

export const description = forOperation('v2', 'schedule', 'create', [
	{ ...v2CampaignLocator, description: 'A draft campaign with contact lists' },
	...scheduleFields(),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const campaignId = locatorId.call(this, v2CampaignLocator, i);
	// v2 sends at once when the schedule has no date.
	const date = sendsNow.call(this, i) ? undefined : readScheduledDate.call(this, i);
	const path = schedulesPath(campaignId);
	const schedule = (await apiRequest.call(this, 'v2', 'POST', path, {
		body: date ? { scheduled_date: date } : {},
		notFound: notFoundSchedule(campaignId),
		itemIndex: i,
		verify: date ? async () => await scheduledAt.call(this, path, date, i) : undefined,
	})) as IDataObject;
	return { campaign_id: campaignId, ...schedule };
}

// A lost answer to a dated schedule: the campaign's schedules show whether it was processed.
// (Send now is not checked: by the time we look, the send may have moved the campaign on.)
async function scheduledAt(this: IExecuteFunctions, path: string, date: string, i: number): Promise<Outcome | undefined> {
	const schedules = (await apiRequest.call(this, 'v2', 'GET', path, { itemIndex: i })) as IDataObject[];
	if (!Array.isArray(schedules)) return undefined;
	const match = schedules.find((s) => sameSecond(s.scheduled_date, date));
	if (match) return { processed: true, result: match };
	return schedules.length === 0 ? { processed: false } : undefined;
}
