import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { readResends } from './shared';

export const option: OperationOption = {
	name: 'Get Resends',
	description: "Get the email's resend to non-openers: subject, delay, status",
	action: 'Get the resends to non-openers of a campaign activity',
};

export const endpoints = ['GET /emails/activities/{campaign_activity_id}/non_opener_resends'];

export const properties: INodeProperties[] = [v3CampaignActivityLocator];

/** One item per resend (a campaign has at most one; none: no item), with the activity's id. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const resends = await readResends.call(this, id, itemIndex);
	return resends.map((resend) => ({ campaign_activity_id: id, ...resend }));
}
