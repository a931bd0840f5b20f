import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { readMultiOptions } from '../../../helpers/options';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundActivity } from './shared';

const includeField: INodeProperties = {
	displayName: 'Include',
	name: 'include',
	type: 'multiOptions',
	default: [],
	description: 'Extra parts of the activity to return',
	options: [
		{ name: 'Document Properties', value: 'document_properties' },
		{ name: 'HTML Content', value: 'html_content' },
		{ name: 'Permalink URL', value: 'permalink_url' },
		{ name: 'Physical Address in Footer', value: 'physical_address_in_footer' },
	],
};

export const option: OperationOption = {
	name: 'Get',
	description: "Get a campaign's email",
	action: 'Get a campaign activity',
};

export const endpoints = ['GET /emails/activities/{campaign_activity_id}'];

export const properties: INodeProperties[] = [v3CampaignActivityLocator, includeField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const include = readMultiOptions.call(this, includeField, itemIndex);
	return (await apiRequest.call(this, 'v3', 'GET', `/emails/activities/${encodeURIComponent(id)}`, {
		qs: include.length ? { include: include.join(',') } : undefined,
		notFound: notFoundActivity(id),
		itemIndex,
	})) as IDataObject;
}
