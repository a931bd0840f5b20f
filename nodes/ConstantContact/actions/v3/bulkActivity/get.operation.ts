import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkUuid } from '../../../helpers/ids';
import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get the status of a bulk activity (e.g. the removal of a deleted tag or list)',
	action: 'Get a bulk activity',
};

export const endpoints = ['GET /activities/{activity_id}'];

export const properties: INodeProperties[] = [
	{
		displayName: 'Activity ID',
		name: 'activityId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 86b90820-cc52-11ea-9dad-fa163e3d9194',
		description:
			'The activity_id an operation returned, e.g. Tag → Delete or Contact List → Delete. Constant Contact keeps ' +
			'activities for 10 days.',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = checkUuid.call(this, this.getNodeParameter('activityId', itemIndex, ''), 'Activity ID', itemIndex);
	return (await apiRequest.call(this, 'v3', 'GET', `/activities/${encodeURIComponent(id)}`, {
		notFound:
			`No bulk activity with ID "${id}" exists in this Constant Contact account. Check "Activity ID": ` +
			'activities older than 10 days are no longer kept.',
		itemIndex,
	})) as IDataObject;
}
