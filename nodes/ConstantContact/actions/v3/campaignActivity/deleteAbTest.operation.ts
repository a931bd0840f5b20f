import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { abTestPath, noAbTest } from './shared';

export const option: OperationOption = {
	name: 'Delete A/B Test',
	description: "Remove a draft email's A/B test (the email keeps its own subject)",
	action: 'Delete the A/B test of a campaign activity',
};

export const endpoints = ['DELETE /emails/activities/{campaign_activity_id}/abtest'];

export const properties: INodeProperties[] = [v3CampaignActivityLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	await apiRequest.call(this, 'v3', 'DELETE', abTestPath(id), {
		notFound: noAbTest(id),
		hints: { 409: 'Constant Contact removes an A/B test only while the email is a draft.' },
		itemIndex,
	});
	return { campaign_activity_id: id, deleted: true };
}
