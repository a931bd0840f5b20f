import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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

/** undefined = every record. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = Number(this.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(this.getNode(), `"Limit" must be a whole number of at least 1, not ${limit}`, {
			itemIndex,
		});
	}
	return limit;
}

export function contactListsField(
	api: 'v2' | 'v3',
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Contact List Names or IDs',
		name: 'contactListIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: api === 'v3' ? 'getContactLists' : 'getV2ContactLists' },
		default: [],
		description:
			'The contact lists that receive the email. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	} as INodeProperties;
}

/** Contact list ids from a multi-select, an array expression or a comma-separated string. */
export function readIdList(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string[] {
	const raw = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value];
	const ids = raw
		.filter((v) => v !== null && v !== undefined && v !== '')
		.map((v) => {
			if (typeof v === 'object' && v !== null && 'id' in (v as IDataObject)) return String((v as IDataObject).id);
			if (typeof v !== 'string' && typeof v !== 'number') {
				throw new NodeOperationError(this.getNode(), `"${label}" must be IDs, got ${JSON.stringify(v)}`, {
					itemIndex,
				});
			}
			return String(v).trim();
		})
		.filter((v) => v !== '');
	return [...new Set(ids)];
}

/** Text fields that must not be empty, with a message naming the field. */
export function requiredText(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	maxLength?: number,
): string {
	const value = this.getNodeParameter(name, itemIndex, '') as unknown;
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!text) {
		throw new NodeOperationError(this.getNode(), `"${label}" is required`, { itemIndex });
	}
	if (maxLength && text.length > maxLength) {
		throw new NodeOperationError(
			this.getNode(),
			`"${label}" is ${text.length} characters long; Constant Contact allows at most ${maxLength}`,
			{ itemIndex },
		);
	}
	return text;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requiredEmail(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const email = requiredText.call(this, name, label, itemIndex);
	return checkEmail.call(this, email, label, itemIndex);
}

export function checkEmail(this: IExecuteFunctions, email: string, label: string, itemIndex: number): string {
	if (!EMAIL.test(email)) {
		throw new NodeOperationError(this.getNode(), `"${label}" is not an email address: "${email}"`, { itemIndex });
	}
	return email;
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

/** The values of newCampaignFields(), checked, in the API's names. */
export function readNewCampaignFields(this: IExecuteFunctions, i: number): { name: string } & IDataObject {
	return {
		name: requiredText.call(this, 'name', 'Campaign Name', i, 80),
		subject: requiredText.call(this, 'subject', 'Subject', i),
		from_name: requiredText.call(this, 'fromName', 'From Name', i, 100),
		from_email: requiredEmail.call(this, 'fromEmail', 'From Email', i),
		reply_to_email: requiredEmail.call(this, 'replyToEmail', 'Reply-To Email', i),
	};
}

/** Email addresses from comma-separated text or an array expression, each checked: 1 to `max`. */
export function readEmailList(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number, max: number): string[] {
	const emails = readIdList.call(this, value, label, itemIndex).map((e) => checkEmail.call(this, e, label, itemIndex));
	if (emails.length === 0) throw new NodeOperationError(this.getNode(), `"${label}" is required`, { itemIndex });
	if (emails.length > max) {
		throw new NodeOperationError(
			this.getNode(),
			`"${label}" has ${emails.length} addresses; Constant Contact allows at most ${max}`,
			{ itemIndex },
		);
	}
	return emails;
}
