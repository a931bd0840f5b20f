import { type IDataObject, type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import { CAMPAIGN_NAME_MAX, EMAIL_MAX, FROM_NAME_MAX } from './limits';
import { describeValue, isText } from './values';

/** undefined = every record. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (readBoolean.call(this, 'returnAll', 'Return All', itemIndex)) return undefined;
	return checkWholeNumber.call(this, this.getNodeParameter('limit', itemIndex, 50), 'Limit', itemIndex);
}

/**
 * A whole number from `min` to `max` (also as text, from an expression), or an error naming the field.
 * `when` names the condition the range depends on (e.g. 'when "Delay Unit" is Days'); `description` is the error's hint.
 */
export function checkWholeNumber(
	this: IExecuteFunctions,
	raw: unknown,
	label: string,
	itemIndex: number,
	min = 1,
	max = Infinity,
	{ when, description }: { when?: string; description?: string } = {},
): number {
	const number = typeof raw === 'number' || (typeof raw === 'string' && raw.trim() !== '') ? Number(raw) : NaN;
	if (!Number.isInteger(number) || number < min || number > max) {
		const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
		throw new NodeOperationError(
			this.getNode(),
			`"${label}" must be a whole number ${range}${when ? ` ${when}` : ''}, not ${describeValue(raw)}`,
			{ itemIndex, description },
		);
	}
	return number;
}

/** A boolean parameter, which an expression can set to anything: true or false (also as text). */
export function readBoolean(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	fallback = false,
): boolean {
	return checkBoolean.call(this, this.getNodeParameter(name, itemIndex, fallback), label, itemIndex);
}

export function checkBoolean(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw new NodeOperationError(this.getNode(), `"${label}" must be true or false, not ${describeValue(value)}`, {
		itemIndex,
	});
}

/** Ids (or `what`) from a multi-select, an array expression or a comma-separated string. */
export function readIdList(
	this: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
	what = 'IDs',
): string[] {
	const raw = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value];
	const ids = raw
		.filter((v) => v !== null && v !== undefined && v !== '')
		.map((v) => {
			const id = typeof v === 'object' && v !== null && 'id' in (v as IDataObject) ? (v as IDataObject).id : v;
			if (!isText(id)) {
				throw new NodeOperationError(this.getNode(), `"${label}" must be ${what}, not ${describeValue(v)}`, {
					itemIndex,
				});
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
	return checkLength.call(this, String(value).trim(), label, itemIndex, maxLength);
}

/** `text` within Constant Contact's `maxLength` for the field (none: any length). */
function checkLength(
	this: IExecuteFunctions,
	text: string,
	label: string,
	itemIndex: number,
	maxLength?: number,
): string {
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
	const text = optionalText.call(
		this,
		this.getNodeParameter(name, itemIndex, '') as unknown,
		label,
		itemIndex,
		maxLength,
	);
	if (!text) {
		throw new NodeOperationError(this.getNode(), `"${label}" is required`, { itemIndex });
	}
	return text;
}

// The address shapes Constant Contact accepts (no quoted or international local parts).
const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export function requiredEmail(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	maxLength?: number,
): string {
	const email = requiredText.call(this, name, label, itemIndex, maxLength);
	return checkEmail.call(this, email, label, itemIndex);
}

export function checkEmail(
	this: IExecuteFunctions,
	email: string,
	label: string,
	itemIndex: number,
	maxLength?: number,
): string {
	if (!EMAIL.test(email)) {
		throw new NodeOperationError(this.getNode(), `"${label}" is not an email address: ${describeValue(email)}`, {
			itemIndex,
		});
	}
	return checkLength.call(this, email, label, itemIndex, maxLength);
}

/** The values of newCampaignFields(), checked, in the API's names. `subjectMax`: v2 has one, v3 none. */
export function readNewCampaignFields(
	this: IExecuteFunctions,
	itemIndex: number,
	subjectMax?: number,
): { name: string } & IDataObject {
	return {
		name: requiredText.call(this, 'name', 'Campaign Name', itemIndex, CAMPAIGN_NAME_MAX),
		subject: requiredText.call(this, 'subject', 'Subject', itemIndex, subjectMax),
		from_name: requiredText.call(this, 'fromName', 'From Name', itemIndex, FROM_NAME_MAX),
		from_email: requiredEmail.call(this, 'fromEmail', 'From Email', itemIndex, EMAIL_MAX),
		reply_to_email: requiredEmail.call(this, 'replyToEmail', 'Reply-To Email', itemIndex, EMAIL_MAX),
	};
}

/** Email addresses from comma-separated text or an array expression, each checked: 1 to `max`. */
export function readEmailList(
	this: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
	max: number,
): string[] {
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

/** An optional text field of an update: our parameter, the API's key, its label and longest value. */
export interface TextField {
	param: string;
	apiKey: string;
	label: string;
	max?: number;
	/** The value must be an email address. */
	email?: boolean;
}

/** The API's changes for the `fields` that are set (an update's collection), each checked. */
export function readTextChanges(
	this: IExecuteFunctions,
	fields: IDataObject,
	specs: TextField[],
	itemIndex: number,
): IDataObject {
	const changes: IDataObject = {};
	for (const { param, apiKey, label, max, email } of specs) {
		const text = optionalText.call(this, fields[param], label, itemIndex, email ? undefined : max);
		if (text) changes[apiKey] = email ? checkEmail.call(this, text, label, itemIndex, max) : text;
	}
	return changes;
}
