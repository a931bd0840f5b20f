import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../helpers/types';
import { requiredText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { notFoundSegment, readSegmentId, SEGMENT_NAME_TAKEN, segmentIdField, segmentNameField } from './shared';

export const option: OperationOption = {
	name: 'Rename',
	description: 'Give a segment a new name (its criteria stay)',
	action: 'Rename a segment',
};

export const endpoints = ['PATCH /segments/{segment_id}/name'];

export const properties: INodeProperties[] = [segmentIdField, segmentNameField('New unique name of the segment')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readSegmentId.call(this, itemIndex);
	const name = requiredText.call(this, 'name', 'Name', itemIndex);
	return (await apiRequest.call(this, 'v3', 'PATCH', `/segments/${id}/name`, {
		body: { name },
		notFound: notFoundSegment(id),
		hints: { 409: SEGMENT_NAME_TAKEN },
		itemIndex,
	})) as IDataObject;
}
