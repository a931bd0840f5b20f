import type { INodeProperties } from 'n8n-workflow';
import type { OperationOption } from '../../../helpers/types';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { notFoundActivity } from './shared';

export const option: OperationOption = {
	name: 'Get Send History',
	description: 'Get each time the email was sent: date, lists, count, status',
	action: 'Get the send history of a campaign activity',
};

export const properties: INodeProperties[] = [v3CampaignActivityLocator];

/** One item per send of the activity (a resend is a new send), with the activity's id. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = locatorId.call(this, v3CampaignActivityLocator, i);
	const sends = await apiRequest.call(this, 'v3', 'GET', `/emails/activities/${encodeURIComponent(id)}/send_history`, {
		notFound: notFoundActivity(id),
		itemIndex: i,
	});
	return (Array.isArray(sends) ? (sends as IDataObject[]) : []).map((send) => ({ campaign_activity_id: id, ...send }));
}
