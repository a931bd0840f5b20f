import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundActivity } from './shared';

export const option: OperationOption = {
	name: 'Get Send History',
	description: 'Get each time the email was sent: date, lists, count, status',
	action: 'Get the send history of a campaign activity',
};

export const endpoints = ['GET /emails/activities/{campaign_activity_id}/send_history'];

export const properties: INodeProperties[] = [v3CampaignActivityLocator];

/** One item per send of the activity (a resend is a new send), with the activity's id. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const sends = await apiRequest.call(this, 'v3', 'GET', `/emails/activities/${encodeURIComponent(id)}/send_history`, {
		notFound: notFoundActivity(id),
		itemIndex,
	});
	return (Array.isArray(sends) ? (sends as IDataObject[]) : []).map((send) => ({ campaign_activity_id: id, ...send }));
}
