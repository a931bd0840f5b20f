import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';

import {
	futureDate,
	parseDate,
	SEND_NOW,
	sameSecond,
	toApiDate,
	toUtcIso,
} from '../../nodes/ConstantContact/helpers/dates';
import { node, thrown } from './context';

const NY = 'America/New_York';
const HINT =
	'Use an ISO-8601 date such as 2026-05-10T09:00:00 (read in the workflow time zone) or 2026-05-10T09:00:00Z, or an expression that returns a date, e.g. {{ $now.plus({ days: 1 }) }}';

const iso = (value: unknown, zone = NY) => toUtcIso(node, value, 'Scheduled Date', zone);

describe('parseDate / toUtcIso', () => {
	test('SEND_NOW is the API value "0"', () => {
		expect(SEND_NOW).toBe('0');
	});

	test('a date without an offset is read in the workflow time zone, summer and winter', () => {
		expect(iso('2026-05-10T09:00:00')).toBe('2026-05-10T13:00:00.000Z'); // EDT, UTC-4
		expect(iso('2026-01-10T09:00:00')).toBe('2026-01-10T14:00:00.000Z'); // EST, UTC-5
		expect(iso('2026-05-10T09:00:00', 'Europe/Berlin')).toBe('2026-05-10T07:00:00.000Z');
		expect(iso('2026-05-10T09:00:00', 'Asia/Kolkata')).toBe('2026-05-10T03:30:00.000Z');
		expect(iso('2026-05-10T09:00:00', 'UTC')).toBe('2026-05-10T09:00:00.000Z');
	});

	test('daylight saving: a skipped local time moves forward, a repeated one is read in standard time', () => {
		// 2026-03-08 02:30 does not exist in New York (clocks jump 02:00 -> 03:00 EDT).
		expect(iso('2026-03-08T02:30:00')).toBe('2026-03-08T07:30:00.000Z');
		// 2026-11-01 01:30 happens twice (EDT, then EST): luxon takes the second one, in EST.
		expect(iso('2026-11-01T01:30:00')).toBe('2026-11-01T06:30:00.000Z');
	});

	test('a date-only value is midnight in the workflow time zone', () => {
		expect(iso('2026-05-10')).toBe('2026-05-10T04:00:00.000Z');
	});

	test('an explicit offset or Z wins over the workflow time zone', () => {
		expect(iso('2026-05-10T09:00:00Z')).toBe('2026-05-10T09:00:00.000Z');
		expect(iso('2026-05-10T09:00:00+02:00')).toBe('2026-05-10T07:00:00.000Z');
		expect(iso('2026-05-10T09:00:00.250-07:00', 'Asia/Tokyo')).toBe('2026-05-10T16:00:00.250Z');
	});

	test('surrounding spaces are ignored', () => {
		expect(iso('  2026-05-10T09:00:00Z \n')).toBe('2026-05-10T09:00:00.000Z');
	});

	test('SQL and RFC 2822 forms are accepted too', () => {
		expect(iso('2026-05-10 09:00:00')).toBe('2026-05-10T13:00:00.000Z');
		expect(iso('Sun, 10 May 2026 09:00:00 +0200')).toBe('2026-05-10T07:00:00.000Z');
	});

	test('a luxon DateTime ($now, $today) keeps its instant, whatever its zone', () => {
		const tokyo = DateTime.fromISO('2026-05-10T09:00:00', { zone: 'Asia/Tokyo' });
		expect(iso(tokyo)).toBe('2026-05-10T00:00:00.000Z');
		expect(iso(DateTime.fromISO('2026-05-10T09:00:00.123Z'), 'Europe/Berlin')).toBe('2026-05-10T09:00:00.123Z');
	});

	test('a JS Date and epoch milliseconds are instants', () => {
		expect(iso(new Date(Date.UTC(2026, 4, 10, 9, 0, 0)))).toBe('2026-05-10T09:00:00.000Z');
		expect(iso(0)).toBe('1970-01-01T00:00:00.000Z');
		expect(iso(1778403600000)).toBe('2026-05-10T09:00:00.000Z');
	});

	test('parseDate returns a UTC DateTime', () => {
		const date = parseDate(node, '2026-05-10T09:00:00', 'Scheduled Date', 'Europe/Berlin');
		expect(date.zoneName).toBe('UTC');
		expect(date.toISO()).toBe('2026-05-10T07:00:00.000Z');
	});

	test.each([
		['malformed text', 'next tuesday', '"next tuesday"'],
		['an impossible month', '2026-13-01T09:00:00', '"2026-13-01T09:00:00"'],
		['an impossible day', '2026-02-30', '"2026-02-30"'],
		['an empty string', '', 'an empty value'],
		['blank text', '   ', '"   "'],
		['undefined', undefined, 'an empty value'],
		['null', null, 'an empty value'],
		['a boolean', true, 'true'],
		['an object', { date: '2026-05-10' }, '{"date":"2026-05-10"}'],
		['a list', ['2026-05-10'], '["2026-05-10"]'],
		['an invalid JS Date', new Date('not a date'), 'null'],
		['NaN', NaN, 'null'],
		['Infinity', Infinity, 'null'],
	])('refuses %s, naming the field and showing the value', (_what, value, shown) => {
		const error = thrown(() => parseDate(node, value, 'Scheduled Date', NY));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(`"Scheduled Date" is not a date: ${shown}`);
		expect(error.description).toBe(HINT);
	});

	test('refuses dates without a four-digit year (the API cannot take them)', () => {
		// 8.64e15 ms is a valid luxon date in the year 275760.
		expect(thrown(() => iso(8.64e15)).message).toBe('"Scheduled Date" is not a date: 8640000000000000');
		expect(thrown(() => iso(-62198755200000)).message).toBe('"Scheduled Date" is not a date: -62198755200000'); // year -1
		expect(thrown(() => iso('0999-12-31T00:00:00Z')).message).toBe(
			'"Scheduled Date" is not a date: "0999-12-31T00:00:00Z"',
		);
		expect(iso('1000-01-01T00:00:00Z')).toBe('1000-01-01T00:00:00.000Z');
		expect(iso('9999-12-31T23:59:59Z')).toBe('9999-12-31T23:59:59.000Z');
	});

	test('the year is checked in UTC: late on 31 Dec 9999 west of UTC is year 10000', () => {
		expect(thrown(() => iso('9999-12-31T23:00:00-05:00')).message).toBe(
			'"Scheduled Date" is not a date: "9999-12-31T23:00:00-05:00"',
		);
	});

	test('an invalid luxon DateTime is refused', () => {
		expect(thrown(() => iso(DateTime.invalid('broken'))).message).toMatch(/^"Scheduled Date" is not a date: /);
	});

	test('a long value is cut short in the message', () => {
		const long = `2026-05-10${'x'.repeat(100)}`;
		expect(thrown(() => iso(long)).message).toBe(`"Scheduled Date" is not a date: "${long.slice(0, 56)}...`);
	});
});

describe('toApiDate', () => {
	test('always UTC with milliseconds', () => {
		expect(toApiDate(DateTime.fromISO('2026-05-10T09:00:00+02:00', { setZone: true }))).toBe(
			'2026-05-10T07:00:00.000Z',
		);
		expect(toApiDate(DateTime.fromMillis(1, { zone: 'Asia/Tokyo' }))).toBe('1970-01-01T00:00:00.001Z');
	});
});

describe('futureDate', () => {
	const now = DateTime.fromISO('2026-05-10T12:00:00Z', { zone: 'utc' });

	test('a future date is returned in the API format', () => {
		expect(futureDate(node, '2026-05-10T09:00:01', 'Scheduled Date', NY, now)).toBe('2026-05-10T13:00:01.000Z');
		expect(futureDate(node, now.plus({ milliseconds: 1 }), 'Scheduled Date', NY, now)).toBe('2026-05-10T12:00:00.001Z');
	});

	test('a past date is refused, shown in the workflow time zone', () => {
		const error = thrown(() => futureDate(node, '2026-05-10T07:59:59', 'Scheduled Date', NY, now));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'"Scheduled Date" is in the past: 2026-05-10T07:59:59.000-04:00 (America/New_York). Constant Contact can only schedule a send in the future.',
		);
		expect(error.description).toBe('Pick a later date, or choose "Now" to send at once.');
	});

	test('exactly now counts as the past', () => {
		expect(thrown(() => futureDate(node, now, 'Send At', 'UTC', now)).message).toBe(
			'"Send At" is in the past: 2026-05-10T12:00:00.000Z (UTC). Constant Contact can only schedule a send in the future.',
		);
	});

	test('a malformed date gets the not-a-date error, not the past-date one', () => {
		expect(thrown(() => futureDate(node, 'soon', 'Send At', NY, now)).message).toBe('"Send At" is not a date: "soon"');
	});

	test('defaults to the real clock', () => {
		expect(futureDate(node, DateTime.utc().plus({ hours: 1 }).toISO(), 'Send At', NY)).toMatch(
			/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
		);
		expect(() => futureDate(node, DateTime.utc().minus({ seconds: 1 }), 'Send At', NY)).toThrow(
			'"Send At" is in the past',
		);
	});
});

describe('sameSecond', () => {
	test('the API drops milliseconds: the same second matches', () => {
		expect(sameSecond('2026-05-10T13:00:00Z', '2026-05-10T13:00:00.999Z')).toBe(true);
		expect(sameSecond('2026-05-10T13:00:00.000Z', '2026-05-10T13:00:00.000Z')).toBe(true);
	});

	test('the same instant in another offset matches', () => {
		expect(sameSecond('2026-05-10T15:00:00+02:00', '2026-05-10T13:00:00.500Z')).toBe(true);
	});

	test('another second does not', () => {
		expect(sameSecond('2026-05-10T13:00:01Z', '2026-05-10T13:00:00.999Z')).toBe(false);
		expect(sameSecond('2026-05-10T12:59:59.999Z', '2026-05-10T13:00:00.000Z')).toBe(false);
	});

	test('non-strings and invalid dates never match', () => {
		expect(sameSecond(undefined, '2026-05-10T13:00:00Z')).toBe(false);
		expect(sameSecond(1778418000000, '2026-05-10T13:00:00Z')).toBe(false);
		expect(sameSecond('garbage', '2026-05-10T13:00:00Z')).toBe(false);
		expect(sameSecond('2026-05-10T13:00:00Z', 'garbage')).toBe(false);
	});
});
