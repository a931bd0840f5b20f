import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { V2_CONTACT_IDS_PER_CALL } from '../../../helpers/limits';
import type { BatchOutcome, OperationOption } from '../../../helpers/types';
import { v2IdXrefs, type XrefSpec } from '../../../helpers/v2IdXrefs';

export const option: OperationOption = {
	name: 'Get by V2 ID',
	description: 'Find the v3 contact IDs of legacy v2 contact IDs',
	action: 'Get contact IDs by v2 ID',
};

export const endpoints = ['GET /contacts/contact_id_xrefs'];

const v2IdsField: INodeProperties = {
	displayName: 'V2 Contact IDs',
	name: 'v2ContactIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1995998026, 1882999944',
	description:
		'Contact IDs of the legacy v2 API, comma-separated or an array from an expression. ' +
		`More than ${V2_CONTACT_IDS_PER_CALL} are sent in several calls.`,
};

export const properties: INodeProperties[] = [v2IdsField];

const xref: XrefSpec = {
	field: v2IdsField,
	what: 'contact',
	endpoint: '/contacts/contact_id_xrefs',
	queryParameter: 'sequence_ids',
	v2IdField: 'sequence_id',
	perCall: V2_CONTACT_IDS_PER_CALL,
	hint: 'they must be contacts of the same Constant Contact account.',
};

/** One output item per v2 id, paired with its item: `sequence_id` (the v2 id) and `contact_id`. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]> {
	return await v2IdXrefs.call(this, xref, itemIndexes);
}
