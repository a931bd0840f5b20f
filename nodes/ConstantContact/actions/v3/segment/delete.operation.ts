import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundSegment, readSegmentId, segmentIdField } from './shared';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Delete a segment (not while a scheduled email uses it)',
	action: 'Delete a segment',
};

// The API refuses to delete a segment a scheduled email is sent to.
const IN_USE =
	'A scheduled email may use this segment. Unschedule it (Schedule → Delete) or give it other recipients ' +
	'(Campaign Activity → Update) first.';

export const endpoints = ['DELETE /segments/{segment_id}'];

export const properties: INodeProperties[] = [segmentIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readSegmentId.call(this, itemIndex);
	await apiRequest.call(this, 'v3', 'DELETE', `/segments/${id}`, {
		notFound: notFoundSegment(id),
		hints: { 400: IN_USE, 409: IN_USE },
		itemIndex,
	});
	return { segment_id: id, deleted: true };
}
