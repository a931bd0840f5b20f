import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { personalMessageFields, readTestSend, testRecipientsField } from '../../../helpers/testSend';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundActivity } from './shared';

export const option: OperationOption = {
	name: 'Send Test',
	description: 'Send a test email to up to 5 addresses',
	action: 'Send a test of a campaign activity',
};

export const endpoints = ['POST /emails/activities/{campaign_activity_id}/tests'];

export const properties: INodeProperties[] = [
	v3CampaignActivityLocator,
	testRecipientsField,
	personalMessageFields('A note shown above the email, e.g. what you want the reviewers to check'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const { emails, message } = readTestSend.call(this, itemIndex);
	const body: IDataObject = { email_addresses: emails };
	if (message) body.personal_message = message;
	await apiRequest.call(this, 'v3', 'POST', `/emails/activities/${encodeURIComponent(id)}/tests`, {
		body,
		notFound: notFoundActivity(id),
		itemIndex,
	});
	return { success: true, campaign_activity_id: id, ...body };
}
