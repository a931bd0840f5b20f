import { describeValue, isText } from '../../nodes/ConstantContact/helpers/values';

describe('describeValue', () => {
	test('empty values', () => {
		expect(describeValue(undefined)).toBe('an empty value');
		expect(describeValue(null)).toBe('an empty value');
		expect(describeValue('')).toBe('an empty value');
	});

	test('text is quoted, as is; other values as JSON', () => {
		expect(describeValue('abc')).toBe('"abc"');
		expect(describeValue(' ')).toBe('" "');
		expect(describeValue('say "hi"')).toBe('"say "hi""');
		expect(describeValue(0)).toBe('0');
		expect(describeValue(-1.5)).toBe('-1.5');
		expect(describeValue(false)).toBe('false');
		expect(describeValue({ a: 1, b: ['x'] })).toBe('{"a":1,"b":["x"]}');
		expect(describeValue([1, '2'])).toBe('[1,"2"]');
		expect(describeValue(new Date(Date.UTC(2026, 4, 10)))).toBe('"2026-05-10T00:00:00.000Z"');
	});

	test('values JSON cannot show fall back to their type', () => {
		expect(describeValue(() => 1)).toBe('function');
		expect(describeValue(Symbol('s'))).toBe('symbol');
		expect(describeValue(BigInt(12))).toBe('bigint');
		const circular: Record<string, unknown> = {};
		circular.self = circular;
		expect(describeValue(circular)).toBe('object');
	});

	test('numbers JSON has no name for show as null', () => {
		expect(describeValue(NaN)).toBe('null');
		expect(describeValue(Infinity)).toBe('null');
	});

	test('cut to 60 characters, ending in ...', () => {
		expect(describeValue('x'.repeat(58))).toBe(`"${'x'.repeat(58)}"`); // 60 with quotes: kept
		const cut = describeValue('x'.repeat(59));
		expect(cut).toBe(`"${'x'.repeat(56)}...`);
		expect(cut).toHaveLength(60);
		expect(describeValue(Array.from({ length: 40 }, (_, i) => i))).toBe(
			`${JSON.stringify(Array.from({ length: 40 }, (_, i) => i)).slice(0, 57)}...`,
		);
	});
});

describe('isText', () => {
	test.each([
		['text', 'a', true],
		['empty text', '', true],
		['a number', 5, true],
		['zero', 0, true],
		['a negative fraction', -0.5, true],
		['NaN', NaN, false],
		['Infinity', Infinity, false],
		['a boolean', true, false],
		['null', null, false],
		['undefined', undefined, false],
		['an object', { id: 'x' }, false],
		['a list', ['x'], false],
		['a bigint', BigInt(1), false],
	])('%s: %p', (_what, value, expected) => {
		expect(isText(value)).toBe(expected);
	});
});
