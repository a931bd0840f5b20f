import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { requiredText } from '../../../helpers/fields';
import { locatorId, v3CampaignLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { notFoundCampaign, withPrimaryActivity } from './shared';

const properties: INodeProperties[] = [
	v3CampaignLocator,
	{
		displayName: 'New Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description:
			'The new, unique name of the campaign (at most 80 characters). To change the email itself, use Campaign Activity > Update.',
	},
];

export const description = forOperation('v3', 'campaign', 'update', properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignLocator, i);
	const name = requiredText.call(this, 'name', 'New Name', i, 80);
	const campaign = (await apiRequest.call(this, 'v3', 'PATCH', `/emails/${encodeURIComponent(id)}`, {
		body: { name },
		notFound: notFoundCampaign(id),
		itemIndex: i,
	})) as IDataObject;
	return withPrimaryActivity(campaign);
}
