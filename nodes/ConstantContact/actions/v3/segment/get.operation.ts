import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundSegment, readSegmentId, segmentIdField } from './shared';

export const option: OperationOption = {
	name: 'Get',
	description: 'Get a segment with its criteria',
	action: 'Get a segment',
};

export const endpoints = ['GET /segments/{segment_id}'];

export const properties: INodeProperties[] = [segmentIdField];

/** The segment: name, `segment_criteria` (JSON text), dates. A deleted segment can still be read. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readSegmentId.call(this, itemIndex);
	return (await apiRequest.call(this, 'v3', 'GET', `/segments/${id}`, {
		notFound: notFoundSegment(id),
		itemIndex,
	})) as IDataObject;
}
