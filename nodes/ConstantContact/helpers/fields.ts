import type { INodeProperties } from 'n8n-workflow';

export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

export function contactListsField(api: 'v2' | 'v3', overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Contact List Names or IDs',
		name: 'contactListIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: api === 'v3' ? 'getContactLists' : 'getV2ContactLists' },
		default: [],
		description:
			'The contact lists that receive the email. Choose from the list, or specify IDs using an <a ' +
			'href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	} as INodeProperties;
}

/** Name, subject and sender of a new campaign: the same fields on both APIs. */
export function newCampaignFields(): INodeProperties[] {
	return [
		{
			displayName: 'Campaign Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Newsletter 2026-W48',
			description: 'Unique name of the campaign (at most 80 characters), shown only to you',
		},
		{ displayName: 'Subject', name: 'subject', type: 'string', required: true, default: '' },
		{ displayName: 'From Name', name: 'fromName', type: 'string', required: true, default: '' },
		{
			displayName: 'From Email',
			name: 'fromEmail',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: 'Must be a verified email address of the Constant Contact account',
		},
		{
			displayName: 'Reply-To Email',
			name: 'replyToEmail',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
		},
	];
}

/**
 * An options parameter filled by a load-options method ("... Name or ID"): the user picks by name,
 * or an expression gives the ID.
 */
export function pickerField(
	displayName: string,
	name: string,
	loadOptionsMethod: string,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod },
		default: '',
		// prettier-ignore
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		...overrides,
	} as INodeProperties;
}

/** One segment of the account as an email's recipients (an activity takes a single segment). */
export function segmentField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return pickerField('Segment Name or ID', 'segment', 'getSegments', overrides);
}
