import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SEND_NOW } from '../../../helpers/dates';
import { segmentField } from '../../../helpers/fields';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { readScheduledDate, scheduleFields, sendsNow } from '../../../helpers/schedule';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest, scheduleReadBack } from '../../../transport';
import { notFoundActivity, putActivity, readSegmentChange } from '../campaignActivity/shared';

export const option: OperationOption = {
	name: 'Create',
	description: 'Send a campaign activity now or at a date',
	action: 'Schedule a campaign activity',
};

export const endpoints = [
	'POST /emails/activities/{campaign_activity_id}/schedules',
	'GET /emails/activities/{campaign_activity_id}/schedules',
	// With "Send To Segment": the activity's recipients are set first.
	'GET /emails/activities/{campaign_activity_id}',
	'PUT /emails/activities/{campaign_activity_id}',
];

export const properties: INodeProperties[] = [
	{
		...v3CampaignActivityLocator,
		description:
			"The campaign's primary email activity. It must have contact lists or segments (Campaign Activity > Update) and " +
			'be a draft, sent (resend to new contacts) or failed.',
	},
	...scheduleFields(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			segmentField({
				displayName: 'Send To Segment Name or ID',
				description:
					'Send to this segment of the account instead of the contact lists the activity has (its recipients are ' +
					'changed before it is scheduled). Choose from the list, or specify an ID using an <a ' +
					'href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const now = sendsNow.call(this, itemIndex);
	const scheduledDate = now ? SEND_NOW : readScheduledDate.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const segments = readSegmentChange.call(this, { segment: options.segment }, itemIndex, 'Send To Segment Name or ID');
	if (segments) await putActivity.call(this, id, { segment_ids: segments }, itemIndex);
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
