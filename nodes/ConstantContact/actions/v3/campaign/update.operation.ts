import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CAMPAIGN_NAME_MAX } from '../../../helpers/limits';
import { locatorId, v3CampaignLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { requiredText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { notFoundCampaign, withPrimaryActivity } from './shared';

export const option: OperationOption = {
	name: 'Update',
	description: 'Rename a campaign',
	action: 'Rename a campaign',
};

export const endpoints = ['PATCH /emails/{campaign_id}'];

export const properties: INodeProperties[] = [
	v3CampaignLocator,
	{
		displayName: 'New Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description:
			'The new, unique name of the campaign (at most 80 characters). To change the email itself, use Campaign ' +
			'Activity > Update.',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignLocator, itemIndex);
	const name = requiredText.call(this, 'name', 'New Name', itemIndex, CAMPAIGN_NAME_MAX);
	const campaign = (await apiRequest.call(this, 'v3', 'PATCH', `/emails/${encodeURIComponent(id)}`, {
		body: { name },
		notFound: notFoundCampaign(id),
		itemIndex,
	})) as IDataObject;
	return withPrimaryActivity(campaign);
}
