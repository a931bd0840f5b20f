import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { V2_LIST_IDS_PER_CALL } from '../../../helpers/limits';
import type { BatchOutcome, OperationOption } from '../../../helpers/types';
import { v2IdXrefs, type XrefSpec } from '../../../helpers/v2IdXrefs';

export const option: OperationOption = {
	name: 'Get by V2 ID',
	description: 'Find the v3 list IDs of legacy v2 contact list IDs',
	action: 'Get contact list IDs by v2 ID',
};

export const endpoints = ['GET /contact_lists/list_id_xrefs'];

const v2IdsField: INodeProperties = {
	displayName: 'V2 List IDs',
	name: 'v2ListIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1, 2, 1995998026',
	description:
		'Contact list IDs of the legacy v2 API, comma-separated or an array from an expression. ' +
		`More than ${V2_LIST_IDS_PER_CALL} are sent in several calls.`,
};

export const properties: INodeProperties[] = [v2IdsField];

const xref: XrefSpec = {
	field: v2IdsField,
	what: 'contact list',
	endpoint: '/contact_lists/list_id_xrefs',
	queryParameter: 'sequence_ids',
	v2IdField: 'sequence_id',
	perCall: V2_LIST_IDS_PER_CALL,
	hint: 'they must be lists of the same Constant Contact account (v2 Contact List → Get Many shows their IDs).',
};

/** One output item per v2 id, paired with its item: `sequence_id` (the v2 id) and `list_id`. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]> {
	return await v2IdXrefs.call(this, xref, itemIndexes);
}
