import {
	checkBoolean,
	checkEmail,
	optionalText,
	readEmailList,
	readIdList,
	readLimit,
	readTextChanges,
	requiredText,
} from '../../nodes/ConstantContact/helpers/validators';
import { executeContext, thrown } from './context';

const ctx = executeContext();

describe('readLimit', () => {
	const limit = (parameters: Record<string, unknown>, itemIndex = 0) =>
		readLimit.call(executeContext(parameters), itemIndex);

	test('Return All: no limit', () => {
		expect(limit({ returnAll: true, limit: 5 })).toBeUndefined();
		expect(limit({ returnAll: 'true' })).toBeUndefined();
	});

	test('otherwise the limit, 50 by default, also as text', () => {
		expect(limit({})).toBe(50);
		expect(limit({ returnAll: false, limit: 1 })).toBe(1);
		expect(limit({ returnAll: 'false', limit: '250' })).toBe(250);
		expect(limit({ limit: 100_000 })).toBe(100_000);
	});

	test.each([
		[0, '0'],
		[-3, '-3'],
		[2.5, '2.5'],
		['', 'an empty value'],
		['  ', '"  "'],
		['ten', '"ten"'],
		[true, 'true'],
		[null, 'an empty value'],
	])('limit %p is refused', (value, shown) => {
		const error = thrown(() => limit({ limit: value }, 2));
		expect(error.message).toBe(`"Limit" must be a whole number of at least 1, not ${shown}`);
		expect(error.context?.itemIndex).toBe(2);
	});

	test('a Return All that is not a boolean is refused', () => {
		expect(thrown(() => limit({ returnAll: 'yes' })).message).toBe('"Return All" must be true or false, not "yes"');
	});
});

describe('checkBoolean', () => {
	test('booleans and their text', () => {
		expect(checkBoolean.call(ctx, true, 'Flag', 0)).toBe(true);
		expect(checkBoolean.call(ctx, 'false', 'Flag', 0)).toBe(false);
	});

	test.each([
		[1, '1'],
		['TRUE', '"TRUE"'],
		[undefined, 'an empty value'],
	])('%p is refused', (value, shown) => {
		expect(thrown(() => checkBoolean.call(ctx, value, 'Flag', 0)).message).toBe(
			`"Flag" must be true or false, not ${shown}`,
		);
	});
});

describe('readIdList', () => {
	test('text, lists and objects; trimmed, deduplicated', () => {
		expect(readIdList.call(ctx, ' 1, 2,,1 ', 'IDs', 0)).toEqual(['1', '2']);
		expect(readIdList.call(ctx, [3, { id: 4 }, '3'], 'IDs', 0)).toEqual(['3', '4']);
		expect(readIdList.call(ctx, 7, 'IDs', 0)).toEqual(['7']);
	});

	test('names what it expected', () => {
		expect(thrown(() => readIdList.call(ctx, [{}], 'To', 1, 'email addresses')).message).toBe(
			'"To" must be email addresses, not {}',
		);
	});
});

describe('optionalText / requiredText', () => {
	test('text or a number, trimmed; unset is undefined', () => {
		expect(optionalText.call(ctx, '  hi ', 'Name', 0)).toBe('hi');
		expect(optionalText.call(ctx, 12, 'Name', 0)).toBe('12');
		expect(optionalText.call(ctx, undefined, 'Name', 0)).toBeUndefined();
		expect(optionalText.call(ctx, null, 'Name', 0)).toBeUndefined();
		expect(optionalText.call(ctx, '', 'Name', 0)).toBe('');
	});

	test('anything else is refused, naming the field', () => {
		expect(thrown(() => optionalText.call(ctx, { a: 1 }, 'Name', 0)).message).toBe('"Name" must be text, not {"a":1}');
	});

	test('the longest value counts after trimming', () => {
		expect(optionalText.call(ctx, ` ${'x'.repeat(80)} `, 'Campaign Name', 0, 80)).toBe('x'.repeat(80));
		const error = thrown(() => optionalText.call(ctx, 'x'.repeat(81), 'Campaign Name', 3, 80));
		expect(error.message).toBe('"Campaign Name" is 81 characters long; Constant Contact allows at most 80');
		expect(error.context?.itemIndex).toBe(3);
	});

	test('required: empty or blank is refused', () => {
		const context = executeContext({ name: '   ' });
		expect(thrown(() => requiredText.call(context, 'name', 'Campaign Name', 0)).message).toBe(
			'"Campaign Name" is required',
		);
		expect(thrown(() => requiredText.call(executeContext(), 'name', 'Campaign Name', 0)).message).toBe(
			'"Campaign Name" is required',
		);
		expect(requiredText.call(executeContext({ name: ' Spring ' }), 'name', 'Campaign Name', 0)).toBe('Spring');
	});
});

describe('checkEmail / readEmailList', () => {
	test.each(['a@b.co', "o'neil+tag@mail.example.org", 'first.last%x@sub-domain.example.com'])(
		'%s is an address',
		(email) => {
			expect(checkEmail.call(ctx, email, 'From Email', 0)).toBe(email);
		},
	);

	test.each(['a@b', 'a@b.c', '@b.co', 'a b@c.co', 'a@b..co', '"a"@b.co', 'ü@b.co'])('%s is not', (email) => {
		expect(thrown(() => checkEmail.call(ctx, email, 'From Email', 0)).message).toBe(
			`"From Email" is not an email address: "${email}"`,
		);
	});

	test('the longest address', () => {
		const long = `${'a'.repeat(75)}@b.co`; // 80
		expect(checkEmail.call(ctx, long, 'From Email', 0, 80)).toBe(long);
		expect(thrown(() => checkEmail.call(ctx, `a${long}`, 'From Email', 0, 80)).message).toBe(
			'"From Email" is 81 characters long; Constant Contact allows at most 80',
		);
	});

	test('a list: 1 to max addresses, each checked', () => {
		expect(readEmailList.call(ctx, 'a@b.co, c@d.co', 'To', 0, 5)).toEqual(['a@b.co', 'c@d.co']);
		expect(thrown(() => readEmailList.call(ctx, '', 'To', 1, 5)).message).toBe('"To" is required');
		expect(thrown(() => readEmailList.call(ctx, 'a@b.co,c@d.co', 'To', 0, 1)).message).toBe(
			'"To" has 2 addresses; Constant Contact allows at most 1',
		);
		expect(thrown(() => readEmailList.call(ctx, 'a@b.co,nope', 'To', 0, 5)).message).toBe(
			'"To" is not an email address: "nope"',
		);
	});
});

describe('readTextChanges', () => {
	const specs = [
		{ param: 'name', apiKey: 'name', label: 'Campaign Name', max: 80 },
		{ param: 'fromEmail', apiKey: 'from_email', label: 'From Email', max: 80, email: true },
		{ param: 'preheader', apiKey: 'preheader', label: 'Preheader', max: 200 },
	];

	test('only the fields that are set (empty text is not a change), in API names', () => {
		expect(readTextChanges.call(ctx, { name: ' New ', fromEmail: 'a@b.co', preheader: '' }, specs, 0)).toEqual({
			name: 'New',
			from_email: 'a@b.co',
		});
		expect(readTextChanges.call(ctx, {}, specs, 0)).toEqual({});
	});

	test('each checked, naming its field', () => {
		expect(thrown(() => readTextChanges.call(ctx, { fromEmail: 'x' }, specs, 0)).message).toBe(
			'"From Email" is not an email address: "x"',
		);
		expect(thrown(() => readTextChanges.call(ctx, { preheader: 'p'.repeat(201) }, specs, 0)).message).toBe(
			'"Preheader" is 201 characters long; Constant Contact allows at most 200',
		);
	});
});
