import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeValue, isText } from './values';

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
	if (readBoolean.call(this, 'returnAll', 'Return All', itemIndex)) return undefined;
	const raw = this.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = typeof raw === 'number' || (typeof raw === 'string' && raw.trim() !== '') ? Number(raw) : NaN;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(this.getNode(), `"Limit" must be a whole number of at least 1, not ${describeValue(raw)}`, {
			itemIndex,
		});
	}
	return limit;
}

/** A boolean parameter, which an expression can set to anything: true or false (also as text). */
export function readBoolean(this: IExecuteFunctions, name: string, label: string, itemIndex: number, fallback = false): boolean {
	return checkBoolean.call(this, this.getNodeParameter(name, itemIndex, fallback), label, itemIndex);
}

export function checkBoolean(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw new NodeOperationError(this.getNode(), `"${label}" must be true or false, not ${describeValue(value)}`, { itemIndex });
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

/** Ids (or `what`) from a multi-select, an array expression or a comma-separated string. */
export function readIdList(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number, what = 'IDs'): string[] {
	const raw = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value];
	const ids = raw
		.filter((v) => v !== null && v !== undefined && v !== '')
		.map((v) => {
			const id = typeof v === 'object' && v !== null && 'id' in (v as IDataObject) ? (v as IDataObject).id : v;
			if (!isText(id)) {
				throw new NodeOperationError(this.getNode(), `"${label}" must be ${what}, not ${describeValue(v)}`, { itemIndex });
			}
			return String(id).trim();
		})
		.filter((v) => v !== '');
	return [...new Set(ids)];
}

/**
 * Optional text: a string or a number, trimmed; undefined when not set (null or undefined).
 * Anything else (true, an object or a list from an expression) is refused, naming the field.
 */
export function optionalText(
	this: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
	maxLength?: number,
): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (!isText(value)) {
		throw new NodeOperationError(this.getNode(), `"${label}" must be text, not ${describeValue(value)}`, { itemIndex });
	}
	const text = String(value).trim();
	if (maxLength !== undefined && text.length > maxLength) {
		throw new NodeOperationError(
			this.getNode(),
			`"${label}" is ${text.length} characters long; Constant Contact allows at most ${maxLength}`,
			{ itemIndex },
		);
	}
	return text;
}

/** Text fields that must not be empty, with a message naming the field. */
export function requiredText(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	maxLength?: number,
): string {
	const text = optionalText.call(this, this.getNodeParameter(name, itemIndex, '') as unknown, label, itemIndex, maxLength);
	if (!text) {
		throw new NodeOperationError(this.getNode(), `"${label}" is required`, { itemIndex });
	}
	return text;
}

// The address shapes Constant Contact accepts (no quoted or international local parts).
const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/** Constant Contact's longest email address (sender and reply-to: EmailCampaignActivityInput). */
export const EMAIL_MAX = 80;

export function requiredEmail(this: IExecuteFunctions, name: string, label: string, itemIndex: number, maxLength?: number): string {
	const email = requiredText.call(this, name, label, itemIndex, maxLength);
	return checkEmail.call(this, email, label, itemIndex);
}

export function checkEmail(this: IExecuteFunctions, email: string, label: string, itemIndex: number, maxLength?: number): string {
	if (!EMAIL.test(email)) {
		throw new NodeOperationError(this.getNode(), `"${label}" is not an email address: ${describeValue(email)}`, { itemIndex });
	}
	if (maxLength !== undefined && email.length > maxLength) {
		throw new NodeOperationError(
			this.getNode(),
			`"${label}" is ${email.length} characters long; Constant Contact allows at most ${maxLength}`,
			{ itemIndex },
		);
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

/** Constant Contact's longest campaign name and sender name, on both APIs. */
export const CAMPAIGN_NAME_MAX = 80;
export const FROM_NAME_MAX = 100;

/** The values of newCampaignFields(), checked, in the API's names. `subjectMax`: v2 has one, v3 none. */
export function readNewCampaignFields(this: IExecuteFunctions, i: number, subjectMax?: number): { name: string } & IDataObject {
	return {
		name: requiredText.call(this, 'name', 'Campaign Name', i, CAMPAIGN_NAME_MAX),
		subject: requiredText.call(this, 'subject', 'Subject', i, subjectMax),
		from_name: requiredText.call(this, 'fromName', 'From Name', i, FROM_NAME_MAX),
		from_email: requiredEmail.call(this, 'fromEmail', 'From Email', i, EMAIL_MAX),
		reply_to_email: requiredEmail.call(this, 'replyToEmail', 'Reply-To Email', i, EMAIL_MAX),
	};
}

/** Email addresses from comma-separated text or an array expression, each checked: 1 to `max`. */
export function readEmailList(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number, max: number): string[] {
	const emails = readIdList
		.call(this, value, label, itemIndex, 'email addresses')
		.map((e) => checkEmail.call(this, e, label, itemIndex, EMAIL_MAX));
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
