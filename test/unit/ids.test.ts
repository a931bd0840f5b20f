import { NodeOperationError } from 'n8n-workflow';

import { checkId, checkUuid, checkV2Id, readUuidList, UUID, V2_ID } from '../../nodes/ConstantContact/helpers/ids';
import { executeContext, thrown } from './context';

const ctx = executeContext();
const V2_HINT = 'Constant Contact v2 IDs are numbers, e.g. 1100394165290.';
const V3_HINT = 'Constant Contact v3 IDs look like 2a4b1f6e-3c1d-4c8e-9f70-1b2c3d4e5f60.';
const A = '2a4b1f6e-3c1d-4c8e-9f70-1b2c3d4e5f60';
const B = '91569d46-00e4-4a4d-9a4c-d17d98740d04';

describe('id shapes', () => {
	const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);

	test('UUID: 8-4-4-4-12 hex digits, either case', () => {
		expect(whole(UUID).test(A)).toBe(true);
		expect(whole(UUID).test(A.toUpperCase())).toBe(true);
		expect(whole(UUID).test(A.replace(/-/g, ''))).toBe(false);
		expect(whole(UUID).test(`${A}0`)).toBe(false);
		expect(whole(UUID).test(A.replace('2a4b', '2a4g'))).toBe(false);
	});

	test('V2_ID: 1 to 19 digits', () => {
		expect(whole(V2_ID).test('1')).toBe(true);
		expect(whole(V2_ID).test('9'.repeat(19))).toBe(true);
		expect(whole(V2_ID).test('9'.repeat(20))).toBe(false);
		expect(whole(V2_ID).test('-1')).toBe(false);
		expect(whole(V2_ID).test('12.5')).toBe(false);
	});
});

describe('checkUuid', () => {
	test('returns the id, trimmed', () => {
		expect(checkUuid.call(ctx, A, 'Campaign ID', 0)).toBe(A);
		expect(checkUuid.call(ctx, `  ${A}\t`, 'Campaign ID', 0)).toBe(A);
		expect(checkUuid.call(ctx, A.toUpperCase(), 'Campaign ID', 0)).toBe(A.toUpperCase());
	});

	test.each([
		['undefined', undefined],
		['null', null],
		['an empty string', ''],
		['blank text', '  '],
	])('%s is "empty", with the v3 hint and the item', (_what, value) => {
		const error = thrown(() => checkUuid.call(ctx, value, 'Campaign ID', 4));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('"Campaign ID" is empty');
		expect(error.description).toBe(V3_HINT);
		expect(error.context?.itemIndex).toBe(4);
	});

	test.each([
		[true, 'true'],
		[{ id: A }, `{"id":"${A}"}`],
		[[A], `["${A}"]`],
		[NaN, 'null'],
	])('a non-text value (%p) "must be an ID"', (value, shown) => {
		const error = thrown(() => checkUuid.call(ctx, value, 'Campaign ID', 1));
		expect(error.message).toBe(`"Campaign ID" must be an ID, not ${shown}`);
		expect(error.description).toBe(V3_HINT);
		expect(error.context?.itemIndex).toBe(1);
	});

	test.each([
		['a v2 id', '1100394165290', '"1100394165290"'],
		['a number', 1100394165290, '"1100394165290"'],
		['a UUID without dashes', A.replace(/-/g, ''), `"${A.replace(/-/g, '')}"`],
		['a UUID in a link', `https://cc.com/x/${A}`, `"https://cc.com/x/${A}"`],
		// Values over 60 characters are cut short in the message.
		['two ids', `${A},${B}`, `"${A},91569d46-00e4-4a4d-...`],
	])('%s is "not a valid ID", showing the trimmed value', (_what, value, shown) => {
		const error = thrown(() => checkUuid.call(ctx, value, 'Campaign ID', 0));
		expect(error.message).toBe(`"Campaign ID" is not a valid ID: ${shown}`);
		expect(error.description).toBe(V3_HINT);
	});
});

describe('checkV2Id', () => {
	test('takes text or a number, returns text', () => {
		expect(checkV2Id.call(ctx, '1100394165290', 'Campaign ID', 0)).toBe('1100394165290');
		expect(checkV2Id.call(ctx, 1100394165290, 'Campaign ID', 0)).toBe('1100394165290');
		expect(checkV2Id.call(ctx, ' 42 ', 'Campaign ID', 0)).toBe('42');
		expect(checkV2Id.call(ctx, 0, 'Campaign ID', 0)).toBe('0');
	});

	test.each([
		['a UUID', A, `"${A}"`],
		['a negative number', -5, '"-5"'],
		['a fraction', 1.5, '"1.5"'],
		['an exponent', 1e21, '"1e+21"'],
		['20 digits', '12345678901234567890', '"12345678901234567890"'],
		['digits with spaces inside', '1100 394', '"1100 394"'],
	])('%s is "not a valid ID", with the v2 hint', (_what, value, shown) => {
		const error = thrown(() => checkV2Id.call(ctx, value, 'Campaign ID', 2));
		expect(error.message).toBe(`"Campaign ID" is not a valid ID: ${shown}`);
		expect(error.description).toBe(V2_HINT);
		expect(error.context?.itemIndex).toBe(2);
	});

	test('empty gets the v2 hint', () => {
		const error = thrown(() => checkV2Id.call(ctx, '', 'Schedule ID', 0));
		expect(error.message).toBe('"Schedule ID" is empty');
		expect(error.description).toBe(V2_HINT);
	});

	// A number above Number.MAX_SAFE_INTEGER from an expression has already lost digits: String()
	// would give another id that still has the shape of one.
	test('a number that is not a safe integer is refused instead of becoming another id', () => {
		expect(() => checkV2Id.call(ctx, Number('1234567890123456789'), 'Campaign ID', 0)).toThrow('"Campaign ID"');
	});
});

describe('checkId', () => {
	test('any pattern and hint', () => {
		expect(checkId.call(ctx, 'AB12', 'Code', 0, '[A-Z]{2}[0-9]{2}', 'Two letters, two digits.')).toBe('AB12');
		const error = thrown(() => checkId.call(ctx, 'AB123', 'Code', 3, '[A-Z]{2}[0-9]{2}', 'Two letters, two digits.'));
		expect(error.message).toBe('"Code" is not a valid ID: "AB123"');
		expect(error.description).toBe('Two letters, two digits.');
	});

	test('the pattern must match the whole id, also with alternatives', () => {
		expect(() => checkId.call(ctx, 'xa', 'Code', 0, 'a|b', '')).toThrow('"Code" is not a valid ID: "xa"');
		expect(() => checkId.call(ctx, 'ax', 'Code', 0, 'a|b', '')).toThrow('"Code" is not a valid ID: "ax"');
		expect(checkId.call(ctx, 'b', 'Code', 0, 'a|b', '')).toBe('b');
	});
});

describe('readUuidList', () => {
	const read = (value: unknown, max = 10, itemIndex = 0) => readUuidList.call(ctx, value, 'Lists', itemIndex, max);

	test('comma-separated text, trimmed, blanks skipped', () => {
		expect(read(` ${A} ,${B}, ,`)).toEqual([A, B]);
	});

	test('a list, of ids or of objects with an id (multi-select, expressions)', () => {
		expect(read([A, B])).toEqual([A, B]);
		expect(read([{ id: A, name: 'x' }, { id: B }])).toEqual([A, B]);
	});

	test('one id; duplicates once, in first-seen order', () => {
		expect(read(A)).toEqual([A]);
		expect(read([B, A, B, `${A} `])).toEqual([B, A]);
	});

	test('nothing is an empty list', () => {
		expect(read('')).toEqual([]);
		expect(read([])).toEqual([]);
		expect(read(undefined)).toEqual([]);
		expect(read(null)).toEqual([]);
		expect(read([null, '', undefined])).toEqual([]);
	});

	test('each id is checked, naming the field', () => {
		const error = thrown(() => read(`${A},1100394165290`, 10, 3));
		expect(error.message).toBe('"Lists" is not a valid ID: "1100394165290"');
		expect(error.description).toBe(V3_HINT);
		expect(error.context?.itemIndex).toBe(3);
	});

	test('an entry that is not text is refused', () => {
		expect(thrown(() => read([A, true])).message).toBe('"Lists" must be IDs, not true');
		expect(thrown(() => read([{ name: 'no id' }])).message).toBe('"Lists" must be IDs, not {"name":"no id"}');
		expect(thrown(() => read([{ id: { nested: 1 } }])).message).toBe('"Lists" must be IDs, not {"id":{"nested":1}}');
	});

	test('at most `max` distinct ids', () => {
		expect(read([A, B], 2)).toEqual([A, B]);
		expect(read([A, A, A], 1)).toEqual([A]);
		const error = thrown(() => read([A, B], 1, 5));
		expect(error.message).toBe('"Lists" has 2 IDs; Constant Contact allows at most 1');
		expect(error.context?.itemIndex).toBe(5);
	});
});
