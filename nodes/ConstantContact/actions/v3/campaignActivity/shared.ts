import { type IDataObject, type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import { checkSegmentId } from '../../../helpers/ids';
import { SEGMENTS_PER_ACTIVITY } from '../../../helpers/limits';
import { readIdList } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';

export const notFoundActivity = (id: string) =>
	`No campaign activity with ID "${id}" exists in this Constant Contact account (or it was deleted).`;

// The activity's fields a PUT may carry; the rest are read-only. Omitted subresources
// (html_content, physical_address_in_footer, document_properties) are kept by the API.
const WRITABLE = [
	'contact_list_ids',
	'segment_ids',
	'from_email',
	'from_name',
	'reply_to_email',
	'subject',
	'preheader',
];

/**
 * Changes an activity: the API's PUT takes the whole activity, so its current writable fields
 * are read first and `changes` go on top. New lists replace its segment and a segment its lists
 * (an email goes to one or the other).
 */
export async function putActivity(
	this: IExecuteFunctions,
	id: string,
	changes: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const path = `/emails/activities/${encodeURIComponent(id)}`;
	const current = (await apiRequest.call(this, 'v3', 'GET', path, {
		notFound: notFoundActivity(id),
		itemIndex,
	})) as IDataObject;
	const body: IDataObject = {};
	for (const key of WRITABLE) if (current[key] !== undefined && current[key] !== null) body[key] = current[key];
	if (changes.contact_list_ids) delete body.segment_ids;
	if (changes.segment_ids) delete body.contact_list_ids;
	Object.assign(body, changes);
	return (await apiRequest.call(this, 'v3', 'PUT', path, {
		body,
		notFound: notFoundActivity(id),
		itemIndex,
	})) as IDataObject;
}

/**
 * `segment_ids` from the segment picker (`segment`) and/or the typed "Segment IDs" (`segmentIds`),
 * or undefined when neither is set. An email goes to a single segment.
 */
export function readSegmentChange(
	this: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
	pickerLabel = 'Segment Name or ID',
): number[] | undefined {
	const picked = fields.segment === undefined || fields.segment === '' ? [] : [fields.segment];
	const typed =
		fields.segmentIds === undefined || fields.segmentIds === ''
			? []
			: readIdList.call(this, fields.segmentIds, 'Segment IDs', itemIndex);
	if (picked.length && typed.length) {
		throw new NodeOperationError(
			this.getNode(),
			`Set either "${pickerLabel}" or "Segment IDs", not both: an email goes to a single segment`,
			{ itemIndex },
		);
	}
	const label = picked.length ? pickerLabel : 'Segment IDs';
	const ids = [...new Set([...picked, ...typed].map((s) => checkSegmentId.call(this, s, label, itemIndex)))];
	if (ids.length === 0) return undefined;
	if (ids.length > SEGMENTS_PER_ACTIVITY) {
		throw new NodeOperationError(
			this.getNode(),
			`"${label}" has ${ids.length} segments; Constant Contact sends an email to a single segment`,
			{ itemIndex, description: 'Give one segment ID, or combine the criteria into one segment (Segment → Create).' },
		);
	}
	return ids;
}

export const resendsPath = (id: string) => `/emails/activities/${encodeURIComponent(id)}/non_opener_resends`;
export const abTestPath = (id: string) => `/emails/activities/${encodeURIComponent(id)}/abtest`;

/** The resends to non-openers of an activity (at most one: one per campaign). */
export async function readResends(this: IExecuteFunctions, id: string, itemIndex: number): Promise<IDataObject[]> {
	const resends = await apiRequest.call(this, 'v3', 'GET', resendsPath(id), {
		notFound: notFoundActivity(id),
		itemIndex,
	});
	return Array.isArray(resends) ? (resends as IDataObject[]) : [];
}

export const noAbTest = (id: string) =>
	`No A/B test found for campaign activity "${id}": the email has none, or it does not exist in this Constant ` +
	'Contact account.';

/**
 * The activity's A/B test, or undefined when it has none (the API's 404). Any other failure is
 * thrown: a lost create must not be taken for "not made" because the check itself failed.
 */
export async function findAbTest(
	this: IExecuteFunctions,
	id: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const noTest = async (error: unknown) =>
		(error as { httpCode?: unknown }).httpCode === '404' ? undefined : await Promise.reject(error);
	return (await apiRequest.call(this, 'v3', 'GET', abTestPath(id), { itemIndex }).catch(noTest)) as
		| IDataObject
		| undefined;
}
