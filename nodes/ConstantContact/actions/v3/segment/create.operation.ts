import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SEGMENTS_PAGE_SIZE_MAX } from '../../../helpers/limits';
import type { OperationOption } from '../../../helpers/types';
import { requiredText } from '../../../helpers/validators';
import { apiRequest, apiRequestAllItems } from '../../../transport';
import { readSegmentCriteria, SEGMENT_NAME_TAKEN, segmentCriteriaField, segmentNameField } from './shared';

export const option: OperationOption = {
	name: 'Create',
	description: 'Create a segment of contacts from criteria',
	action: 'Create a segment',
};

export const endpoints = ['POST /segments', 'GET /segments'];

export const properties: INodeProperties[] = [segmentNameField('Unique name of the segment'), segmentCriteriaField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requiredText.call(this, 'name', 'Name', itemIndex);
	const body = { name, segment_criteria: readSegmentCriteria.call(this, itemIndex) };
	return (await apiRequest.call(this, 'v3', 'POST', '/segments', {
		body,
		hints: { 409: SEGMENT_NAME_TAKEN },
		itemIndex,
		// Names are unique: after a lost answer, a segment of this name is the one just made.
		verify: async () => {
			const segments = await apiRequestAllItems.call(this, 'v3', '/segments', {
				itemsKey: 'segments',
				pageSize: SEGMENTS_PAGE_SIZE_MAX,
				itemIndex,
			});
			const made = segments.find((s) => s.name === name);
			return made
				? { processed: true, result: { ...made, segment_criteria: body.segment_criteria } }
				: { processed: false };
		},
	})) as IDataObject;
}
