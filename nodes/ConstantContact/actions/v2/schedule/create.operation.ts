import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { locatorId, v2CampaignLocator } from '../../../helpers/locators';
import { readScheduledDate, scheduleFields, sendsNow } from '../../../helpers/schedule';
import { apiRequest } from '../../../transport';
import { notFoundSchedule, schedulesPath } from './shared';

export const description = forOperation('v2', 'schedule', 'create', [
	{ ...v2CampaignLocator, description: 'A draft campaign with contact lists' },
	...scheduleFields(),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const campaignId = locatorId.call(this, 'campaignId', i, 'Campaign');
	// v2 sends at once when the schedule has no date.
	const body: IDataObject = sendsNow.call(this, i) ? {} : { scheduled_date: readScheduledDate.call(this, i) };
	const schedule = (await apiRequest.call(this, 'v2', 'POST', schedulesPath(campaignId), {
		body,
		notFound: notFoundSchedule(campaignId),
		itemIndex: i,
	})) as IDataObject;
	return { campaign_id: campaignId, ...schedule };
}
