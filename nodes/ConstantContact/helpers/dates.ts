import { DateTime } from 'luxon';
import { type INode, NodeOperationError } from 'n8n-workflow';

import { describeValue } from './values';

export const SEND_NOW = '0';

/**
 * The one place dates are read and written. Accepts an ISO-8601 string, a luxon DateTime
 * (n8n's $now, $today...), a JS Date or epoch milliseconds. A value without an offset is read
 * in `zone` (the workflow's time zone). Returns luxon's DateTime in UTC.
 */
export function parseDate(node: INode, value: unknown, field: string, zone: string): DateTime {
	const parsed = toDateTime(value, zone);
	if (!parsed?.isValid || !hasFourDigitYear(parsed)) {
		throw new NodeOperationError(node, `"${field}" is not a date: ${describeValue(value)}`, {
			description:
				'Use an ISO-8601 date such as 2026-05-10T09:00:00 (read in the workflow time zone) or 2026-05-10T09:00:00Z, or ' +
				'an expression that returns a date, e.g. {{ $now.plus({ days: 1 }) }}',
		});
	}
	return parsed.toUTC();
}

/** The API's date format: ISO-8601 in UTC with milliseconds, e.g. 2026-05-10T13:00:00.000Z. */
export function toApiDate(date: DateTime): string {
	return date.toUTC().toISO() as string;
}

export function toUtcIso(node: INode, value: unknown, field: string, zone: string): string {
	return toApiDate(parseDate(node, value, field, zone));
}

/** Refuses a date that is not in the future, before any request is made. */
export function futureDate(
	node: INode,
	value: unknown,
	field: string,
	zone: string,
	now: DateTime = DateTime.utc(),
): string {
	const date = parseDate(node, value, field, zone);
	if (date <= now) {
		throw new NodeOperationError(
			node,
			`"${field}" is in the past: ${date.setZone(zone).toISO()} (${zone}). Constant Contact can only schedule a send ` +
				`in the future.`,
			{ description: 'Pick a later date, or choose "Now" to send at once.' },
		);
	}
	return toApiDate(date);
}

// The API's dates are ISO-8601 with a four-digit year: epoch milliseconds such as 8.64e15
// (year 275760) are valid in luxon but not as a date the API accepts.
function hasFourDigitYear(date: DateTime): boolean {
	const year = date.toUTC().year;
	return year >= 1000 && year <= 9999;
}

function toDateTime(value: unknown, zone: string): DateTime | undefined {
	if (DateTime.isDateTime(value)) return DateTime.fromMillis(value.toMillis(), { zone });
	if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
		return DateTime.fromJSDate(value as Date, { zone });
	}
	if (typeof value === 'number' && Number.isFinite(value)) return DateTime.fromMillis(value, { zone });
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	for (const parse of [DateTime.fromISO, DateTime.fromSQL, DateTime.fromRFC2822]) {
		const date = parse(text, { zone, setZone: false });
		if (date.isValid) return date;
	}
	return undefined;
}

/** Whether an API date names the same second as `expected` (the API drops milliseconds). */
export function sameSecond(actual: unknown, expected: string): boolean {
	if (typeof actual !== 'string') return false;
	const a = DateTime.fromISO(actual, { zone: 'utc' });
	const b = DateTime.fromISO(expected, { zone: 'utc' });
	return a.isValid && b.isValid && Math.floor(a.toMillis() / 1000) === Math.floor(b.toMillis() / 1000);
}

/** When the next UTC day starts (Constant Contact's daily quota resets then), and how long until then. */
export function nextUtcMidnight(now: DateTime = DateTime.utc()): { at: string; in: string } {
	const at = now.toUTC().startOf('day').plus({ days: 1 });
	const minutes = Math.ceil(at.diff(now, 'minutes').minutes);
	return {
		at: at.toISO({ suppressMilliseconds: true }) as string,
		in: `${Math.floor(minutes / 60)} h ${minutes % 60} min`,
	};
}
