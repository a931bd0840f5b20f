import type { OperationOption } from '../../../helpers/types';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { readMultiOptions } from '../../../helpers/options';
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

export const properties: INodeProperties[] = [v3CampaignActivityLocator, includeField];


export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, i);
	const include = readMultiOptions.call(this, includeField, i);
	return (await apiRequest.call(this, 'v3', 'GET', `/emails/activities/${encodeURIComponent(id)}`, {
		qs: include.length ? { include: include.join(',') } : undefined,
		notFound: notFoundActivity(id),
		itemIndex: i,
	})) as IDataObject;
}
