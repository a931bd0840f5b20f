import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { abTestPath, noAbTest } from './shared';

export const option: OperationOption = {
	name: 'Get A/B Test',
	description: "Get the email's A/B test: alternative subject, test size, wait",
	action: 'Get the A/B test of a campaign activity',
};

export const endpoints = ['GET /emails/activities/{campaign_activity_id}/abtest'];

export const properties: INodeProperties[] = [v3CampaignActivityLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const test = (await apiRequest.call(this, 'v3', 'GET', abTestPath(id), {
		notFound: noAbTest(id),
		itemIndex,
	})) as IDataObject;
	return { campaign_activity_id: id, ...test };
}
