import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { segmentField } from '../../../helpers/fields';
import { checkSegmentId } from '../../../helpers/ids';
import { SEGMENT_CRITERIA_MAX } from '../../../helpers/limits';
import { describeValue } from '../../../helpers/values';

export const notFoundSegment = (id: number) =>
	`No segment with ID "${id}" exists in this Constant Contact account (or it was deleted).`;

/** The 409 hint: segment names are unique in the account. */
export const SEGMENT_NAME_TAKEN =
	'A segment with this "Name" already exists in the account: segment names must be unique. Choose another name, or ' +
	'use the existing segment (Segment → Get Many lists them).';

export const segmentIdField = segmentField({ name: 'segmentId', required: true });

export const segmentNameField = (description: string): INodeProperties => ({
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Did not open the last 5 campaigns',
	description,
});

export function readSegmentId(this: IExecuteFunctions, itemIndex: number): number {
	return checkSegmentId.call(this, this.getNodeParameter('segmentId', itemIndex, ''), 'Segment', itemIndex);
}

/** The contract's example: contacts who did not open any of the last 5 campaigns. */
const EXAMPLE_CRITERIA = {
	version: '1.0.0',
	criteria: {
		type: 'and',
		group: [
			{ source: 'tracking', field: 'not_opened', op: 'contains-any', const_value: 'last-n-campaigns', param: '5' },
		],
	},
};

export const segmentCriteriaField: INodeProperties = {
	displayName: 'Segment Criteria',
	name: 'segmentCriteria',
	type: 'json',
	required: true,
	default: JSON.stringify(EXAMPLE_CRITERIA, null, 2),
	description:
		'Which contacts the segment holds, as Constant Contact\'s criteria JSON: {"version": "1.0.0", "criteria": {"type": ' +
		'"and", "group": [...]}}. Each group entry is a condition (its "source": tracking, contact, list_membership or ' +
		'tags) or a nested group ("type" and / or, with its own "group"). The example: contacts who did not open any of ' +
		'the last 5 campaigns.',
};

const SOURCES = ['tracking', 'contact', 'list_membership', 'tags'];
const LABEL = 'Segment Criteria';
const SHAPE_HINT =
	'The criteria are a JSON object like {"version": "1.0.0", "criteria": {"type": "and", "group": [{"source": ' +
	'"tracking", "field": "not_opened", "op": "contains-any", "const_value": "last-n-campaigns", "param": "5"}]}}.';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The criteria as the API takes them (one string of JSON), checked before sending: valid JSON
 * (typed, or an object from an expression; an escaped JSON string is read too), the shape the
 * contract requires (a top-level "and" group of conditions and nested groups, each condition
 * naming its data source), and at most SEGMENT_CRITERIA_MAX characters as sent.
 */
export function readSegmentCriteria(this: IExecuteFunctions, itemIndex: number): string {
	const raw = this.getNodeParameter('segmentCriteria', itemIndex, '') as unknown;
	const fail = (message: string): never => {
		throw new NodeOperationError(this.getNode(), `"${LABEL}" ${message}`, { itemIndex, description: SHAPE_HINT });
	};
	let criteria: unknown = raw;
	for (let depth = 0; typeof criteria === 'string' && depth < 2; depth++) {
		const text: string = criteria.trim();
		if (text === '') fail('is required');
		try {
			criteria = JSON.parse(text);
		} catch (error) {
			fail(`is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (criteria === undefined || criteria === null || criteria === '') fail('is required');
	if (!isObject(criteria)) fail(`must be a JSON object, not ${describeValue(criteria)}`);
	const top = criteria as IDataObject;
	if (top.version !== undefined && typeof top.version !== 'string') fail('has a "version" that is not text');
	if (!isObject(top.criteria)) fail('needs a "criteria" object');
	const group = top.criteria as IDataObject;
	if (group.type !== 'and') fail(`needs "criteria.type" "and" (the top-level group), not ${describeValue(group.type)}`);
	checkGroup(group, 'criteria', fail);
	const text = JSON.stringify(top);
	if (text.length > SEGMENT_CRITERIA_MAX) {
		fail(`is ${text.length} characters long as JSON; Constant Contact allows at most ${SEGMENT_CRITERIA_MAX}`);
	}
	return text;
}

function checkGroup(group: IDataObject, where: string, fail: (message: string) => never): void {
	if (group.type !== 'and' && group.type !== 'or') {
		fail(`needs "${where}.type" "and" or "or", not ${describeValue(group.type)}`);
	}
	if (!Array.isArray(group.group) || group.group.length === 0) {
		fail(`needs "${where}.group": a list of at least one condition`);
	}
	(group.group as unknown[]).forEach((entry, n) => {
		const at = `${where}.group[${n}]`;
		if (!isObject(entry)) return fail(`has "${at}" that is not an object: ${describeValue(entry)}`);
		if (entry.group !== undefined) return checkGroup(entry, at, fail);
		if (typeof entry.source !== 'string' || !SOURCES.includes(entry.source)) {
			fail(`has "${at}.source" ${describeValue(entry.source)}; it must be one of ${SOURCES.join(', ')}`);
		}
	});
}
