import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../helpers/types';
import { apiRequest } from '../../../transport';
import { notFoundTag, readTagId, tagIdField } from './shared';

export const option: OperationOption = {
	name: 'Delete',
	description: 'Delete a contact tag and remove it from every contact',
	action: 'Delete a tag',
};

export const endpoints = ['DELETE /contact_tags/{tag_id}'];

export const properties: INodeProperties[] = [tagIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readTagId.call(this, itemIndex);
	// Constant Contact answers 202 with a bulk activity that untags the contacts and deletes the
	// tag; its id is passed on (Bulk Activity → Get follows it).
	const activity = (await apiRequest.call(this, 'v3', 'DELETE', `/contact_tags/${encodeURIComponent(id)}`, {
		notFound: notFoundTag(id),
		itemIndex,
	})) as IDataObject | undefined;
	return { tag_id: id, deleted: true, activity_id: activity?.activity_id ?? null };
}
