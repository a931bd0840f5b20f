/**
 * Generated parameter values for the bad-input sweep, each with what the node must do with it:
 *  - reject: fail the item with an error naming the field, before any request;
 *  - unknown: a well-formed id that does not exist: may reach the API, then fail naming the field;
 *  - either: acceptable input: succeed, or fail with a clean error naming the field.
 */
import * as fc from 'fast-check';
import { expression } from '../world';

export type Verdict = 'reject' | 'unknown' | 'either';

export class Sample {
	constructor(
		/** What the node gets from n8n once the parameter is resolved. */
		readonly value: unknown,
		readonly verdict: Verdict,
		/** Typed into the field, or returned by an expression ({{ }}). */
		readonly viaExpression: boolean,
		readonly note: string,
	) {}

	/** The value as saved workflow JSON holds it. */
	get parameter(): unknown {
		return this.viaExpression ? expression(this.value) : this.value;
	}

	/** How fast-check prints it on failure (never a 100k-character string). */
	[fc.toStringMethod](): string {
		return `${this.verdict}: ${this.note} (${this.viaExpression ? 'from an expression' : 'typed'})`;
	}
}

export type Samples = fc.Arbitrary<Sample>;

/** The generated values for one kind of field, and the ones every field of that kind gets. */
export interface Kind {
	samples: Samples;
	/** Expressions that resolve to null, a list or an object: tried on every field, whatever the seed. */
	examples: Sample[];
}

/** `list`: what [1, 2] is to the field (two v2 ids are a good list of v2 ids). */
function kind(samples: Samples, empty: Verdict, list: Verdict = 'reject'): Kind {
	return {
		samples,
		examples: [
			new Sample(null, empty, true, 'null'),
			new Sample([1, 2], list, true, '[1,2]'),
			new Sample({ a: 1 }, 'reject', true, '{"a":1}'),
		],
	};
}

function shown(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 50 ? `${text.slice(0, 40)}... (${text.length} characters)` : text;
}

/** A value typed in or returned by an expression; objects, lists and null only come from expressions. */
export function deliver(verdict: Verdict, value: unknown, note = shown(value)): Samples {
	const primitive = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
	const huge = typeof value === 'string' && value.length > 1000;
	if (!primitive) return fc.constant(new Sample(value, verdict, true, note));
	if (huge) return fc.constant(new Sample(value, verdict, false, note));
	return fc.boolean().map((viaExpression) => new Sample(value, verdict, viaExpression, note));
}

const oneOf = (...values: unknown[]) => fc.constantFrom(...values);
const each = (verdict: Verdict, values: fc.Arbitrary<unknown>) => values.chain((v) => deliver(verdict, v));
const rare = (arbitrary: Samples) => ({ arbitrary, weight: 1 });
const often = (arbitrary: Samples) => ({ arbitrary, weight: 3 });

/** Values no text, id, date or number field takes. */
const NOT_TEXT = [true, false, [1, 2], [], { a: 1 }, {}];
const whitespace = fc.constantFrom(' ', '   ', '\t', ' \n ');

/** Text longer than `max`, just over it or huge (at least 100,000 characters). */
function hugeText(max: number | undefined): fc.Arbitrary<string> {
	const huge = fc.constant(Math.max(100_000, 2 * (max ?? 0)));
	const length = max === undefined ? huge : fc.oneof(fc.integer({ min: max + 1, max: max + 20 }), huge);
	return fc.tuple(length, fc.constantFrom('x', 'é', '<')).map(([n, c]) => c.repeat(n));
}

const wordish = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,!-]{0,28}[A-Za-z0-9]$/);

export function text(options: { required: boolean; max?: number; acceptable?: boolean }): Kind {
	const empty: Verdict = options.required ? 'reject' : 'either';
	const arbitraries = [
		often(each(empty, oneOf('', null))),
		often(each(empty, whitespace)),
		often(hugeText(options.max).chain((t) => deliver(options.max === undefined ? 'either' : 'reject', t))),
		often(each('reject', oneOf(...NOT_TEXT))),
	];
	if (options.acceptable !== false) {
		arbitraries.push(rare(each('either', fc.integer({ min: -1000, max: 1_000_000 }))), rare(each('either', wordish)));
	}
	return kind(fc.oneof(...arbitraries), empty);
}

const MALFORMED_EMAILS = [
	'not-an-email',
	'ann@example',
	'@example.com',
	'ann@',
	'ann@@example.com',
	'ann example@example.com',
	'ann@exa mple.com',
	'ann@example.c',
	'ann@example..com',
	'ann@example.com,bob@example.com',
	'ann(at)example.com',
];

export function email(options: { required: boolean; max: number }): Kind {
	const empty: Verdict = options.required ? 'reject' : 'either';
	const samples = fc.oneof(
		each(empty, oneOf('', null)),
		each(empty, whitespace),
		each('reject', oneOf(...MALFORMED_EMAILS)),
		each('reject', fc.stringMatching(/^[a-z0-9.]{1,20}$/)),
		fc
			.integer({ min: options.max - 11, max: options.max + 200 })
			.chain((n) => deliver('reject', `${'a'.repeat(n)}@example.com`)),
		each('reject', oneOf(42, ...NOT_TEXT)),
	);
	return kind(samples, empty);
}

const address = (i: number) => `reviewer${i}@example.com`;

/** Test-send recipients: 1 to `max` addresses, comma-separated or a list. */
export function emailList(max: number): Kind {
	const addresses = (n: number) => Array.from({ length: n }, (_, i) => address(i));
	const tooMany = fc.integer({ min: max + 1, max: max + 4 }).map(addresses);
	const samples = fc.oneof(
		often(each('reject', oneOf('', ' , ', null, [], [null, '']))),
		// (Two addresses separated by a comma are a good list here.)
		often(
			each(
				'reject',
				oneOf(...MALFORMED_EMAILS.filter((e) => !e.includes(',')), `${address(1)}, nope`, [address(1), 'nope']),
			),
		),
		often(
			each(
				'reject',
				fc.oneof(
					tooMany,
					tooMany.map((list) => list.join(', ')),
				),
			),
		),
		often(each('reject', oneOf(42, true, [1, 2], [{ a: 1 }], { a: 1 }))),
		often(hugeText(undefined).chain((t) => deliver('reject', t))),
		rare(
			each(
				'either',
				fc.integer({ min: 1, max }).map((n) => addresses(n).join(',')),
			),
		),
	);
	return kind(samples, 'reject');
}

const MALFORMED_DATES = [
	'2026-13-45',
	'2026-02-30',
	'tomorrow',
	'next tuesday-ish',
	'31/12/2026',
	'25:61',
	'not a date',
	'+275760-09-13T00:00:00Z',
	'10000-01-01T00:00:00Z',
	'0999-12-31T00:00:00Z',
];
// Epoch milliseconds that are valid dates for luxon but not four-digit years (or not dates at all).
const OUT_OF_RANGE_MILLIS = fc.oneof(
	fc.double({ min: 2.6e14, max: 8.64e15, noNaN: true }),
	fc.double({ min: -8.64e15, max: -3.2e13, noNaN: true }),
	fc.constantFrom(1e20, -1e20),
);

/** A date filter (`required: false`), or a send date that must be in the future. */
export function date(options: { future: boolean }): Kind {
	const unset: Verdict = options.future ? 'reject' : 'either';
	const past = fc.date({
		min: new Date('1971-01-01T00:00:00Z'),
		max: new Date('2020-12-31T00:00:00Z'),
		noInvalidDate: true,
	});
	const samples = fc.oneof(
		often(each('reject', oneOf(...MALFORMED_DATES))),
		often(each('reject', fc.stringMatching(/^[a-z]{2,12}$/))),
		often(each('reject', OUT_OF_RANGE_MILLIS)),
		often(each('reject', oneOf(true, [1, 2], [], { a: 1 }, {}))),
		often(each('reject', whitespace)),
		often(hugeText(undefined).chain((t) => deliver('reject', t))),
		rare(each(unset, oneOf('', null, false))),
		rare(
			each(
				unset,
				past.map((d) => d.toISOString()),
			),
		),
		rare(
			each(
				unset,
				past.map((d) => d.getTime()),
			),
		),
	);
	return kind(samples, unset);
}

const UUIDS = fc.uuid();
const MALFORMED_UUIDS = fc.oneof(
	fc.constantFrom('abc', '12345', 'not-a-uuid', '{}', 'null'),
	UUIDS.map((u) => `${u}x`),
	UUIDS.map((u) => u.replace(/-/g, '')),
	UUIDS.map((u) => u.slice(0, -1)),
);

/** One v3 id (a UUID). */
export function uuid(options: { unknown?: boolean } = {}): Kind {
	const arbitraries = [
		often(each('reject', oneOf('', null))),
		often(each('reject', whitespace)),
		often(each('reject', MALFORMED_UUIDS)),
		often(
			each(
				'reject',
				UUIDS.map((u) => `${u},${u}`),
			),
		),
		often(hugeText(undefined).chain((t) => deliver('reject', t))),
		often(each('reject', oneOf(42, ...NOT_TEXT))),
	];
	if (options.unknown !== false) arbitraries.push(rare(each('unknown', UUIDS)));
	return kind(fc.oneof(...arbitraries), 'reject');
}

const V2_IDS = fc.bigInt({ min: 1n, max: 10n ** 13n }).map(String);
const MALFORMED_V2_IDS = fc.oneof(
	fc.constantFrom('abc', '12a', '-5', '1.5', '1e5', '0x1F', '12 3', '+7'),
	fc.integer({ min: 20, max: 100 }).map((n) => '9'.repeat(n)),
	UUIDS,
);

/** One v2 id (a number). */
export function v2Id(): Kind {
	const samples = fc.oneof(
		often(each('reject', oneOf('', null))),
		often(each('reject', whitespace)),
		often(each('reject', MALFORMED_V2_IDS)),
		often(each('reject', oneOf(-5, 1.5, ...NOT_TEXT))),
		often(hugeText(undefined).chain((t) => deliver('reject', t))),
		rare(each('unknown', V2_IDS)),
		rare(each('unknown', V2_IDS.map(Number))),
	);
	return kind(samples, 'reject');
}

/** Several v3 ids: comma-separated text or a list; at least one when required; at most `max`. */
export function uuidList(options: { required: boolean; max?: number; unknown?: boolean }): Kind {
	const empty: Verdict = options.required ? 'reject' : 'either';
	const arbitraries = [
		often(each(empty, oneOf('', ' , ', null, []))),
		often(each('reject', MALFORMED_UUIDS)),
		often(
			each(
				'reject',
				fc.tuple(UUIDS, MALFORMED_UUIDS).map(([u, bad]) => `${u}, ${bad}`),
			),
		),
		often(each('reject', oneOf(42, true, [1, 2], [{ a: 1 }], { a: 1 }, [[]]))),
		often(hugeText(undefined).chain((t) => deliver('reject', t))),
	];
	if (options.max !== undefined) {
		const max = options.max;
		arbitraries.push(often(each('reject', fc.array(UUIDS, { minLength: max + 1, maxLength: max + 3 }))));
	}
	if (options.unknown !== false) {
		const few = fc.array(UUIDS, { minLength: 1, maxLength: 3 });
		arbitraries.push(
			rare(each('unknown', few)),
			rare(
				each(
					'unknown',
					few.map((ids) => ids.join(', ')),
				),
			),
		);
	}
	return kind(fc.oneof(...arbitraries), empty);
}

/** Several v2 ids: comma-separated text or a list. */
export function v2IdList(options: { required: boolean }): Kind {
	const empty: Verdict = options.required ? 'reject' : 'either';
	const few = fc.array(V2_IDS, { minLength: 1, maxLength: 3 });
	const samples = fc.oneof(
		often(each(empty, oneOf('', ' , ', null, []))),
		often(each('reject', MALFORMED_V2_IDS)),
		often(
			each(
				'reject',
				fc.tuple(V2_IDS, MALFORMED_V2_IDS).map(([id, bad]) => `${id}, ${bad}`),
			),
		),
		often(each('reject', oneOf(true, [1.5], [{ a: 1 }], { a: 1 }, [[]]))),
		often(hugeText(undefined).chain((t) => deliver('reject', t))),
		rare(each('unknown', few)),
		rare(
			each(
				'unknown',
				few.map((ids) => ids.join(',')),
			),
		),
	);
	return kind(samples, empty, 'unknown');
}

export function limit(): Kind {
	const samples = fc.oneof(
		often(each('reject', oneOf(0, -1, 1.5, -1e9, 'abc', '', '  ', '1.5', true, false, [5], { a: 1 }, null))),
		often(each('reject', fc.integer({ min: -1000, max: 0 }))),
		rare(each('either', oneOf('7', 1, 3, 1e9))),
	);
	return kind(samples, 'reject');
}

export function boolean(options: { acceptable?: boolean } = {}): Kind {
	const arbitraries = [often(each('reject', oneOf('yes', 'no', '1', '', ' ', 1, 0, [true], { a: 1 }, null)))];
	if (options.acceptable !== false) arbitraries.push(rare(each('either', oneOf(true, false, 'true', 'false'))));
	return kind(fc.oneof(...arbitraries), 'reject');
}

/** An options parameter: one of `values`. */
export function option(values: string[], options: { acceptable?: boolean } = {}): Kind {
	const arbitraries = [
		often(
			each(
				'reject',
				oneOf(
					'bogus',
					'',
					' ',
					42,
					true,
					null,
					[values[0]],
					{ a: 1 },
					`${values[0]}X`,
					values[0].toUpperCase() === values[0] ? values[0].toLowerCase() : values[0].toUpperCase(),
				),
			),
		),
	];
	if (options.acceptable !== false) arbitraries.push(rare(each('either', oneOf(...values))));
	return kind(fc.oneof(...arbitraries), 'reject');
}

/** A multiOptions parameter: some of `values`, as a list or comma-separated text. */
export function multiOptions(values: string[]): Kind {
	const samples = fc.oneof(
		often(
			each(
				'reject',
				oneOf('bogus', ['bogus'], [42], [null], { a: 1 }, true, 42, [[values[0]]], `${values[0]},bogus`, [
					values[0],
					'bogus',
				]),
			),
		),
		rare(each('either', oneOf([], '', null))),
		rare(each('either', fc.subarray(values, { minLength: 1 }))),
		rare(
			each(
				'either',
				fc.subarray(values, { minLength: 1 }).map((list) => list.join(',')),
			),
		),
	);
	return kind(samples, 'either');
}

/** Where an id sits in a link copied from the Constant Contact app. */
export const LINKS = {
	campaign: (id: string) => `https://app.constantcontact.com/pages/campaigns/email-details/details/${id}`,
	campaignActivity: (id: string) => `https://app.constantcontact.com/pages/campaigns/email-details/activity/${id}`,
	v2Campaign: (id: string) => `https://ui.constantcontact.com/rnavmap/emcf/email/view?campaign=${id}`,
};

type LocatorMode = 'id' | 'list' | 'url';

class LocatorSample extends Sample {
	constructor(
		private readonly inner: Sample,
		private readonly mode: LocatorMode,
	) {
		super(inner.value, inner.verdict, inner.viaExpression, `${inner.note} in "${mode}" mode`);
	}

	get parameter(): unknown {
		return { __rl: true, mode: this.mode, value: this.inner.parameter };
	}
}

/** A resource locator: an id picked from the list, typed as an id, or in a link. */
function locator(
	ids: Kind,
	link: (id: string) => string,
	unknownIds: fc.Arbitrary<string>,
	badIds: fc.Arbitrary<string>,
): Kind {
	const links = fc.oneof(
		each('reject', fc.constantFrom('https://example.com/nothing-here', 'app.constantcontact.com', 'not a link')),
		each('reject', fc.constantFrom('', null, 42, [1, 2], { a: 1 })),
		each('reject', badIds.map(link)),
		each('unknown', unknownIds.map(link)),
	);
	// A huge id comes from an expression: n8n checks a typed one with its regex-with-timeout
	// before the run, which a loaded machine can make time out (n8n's error, not the node's).
	const fromData = (inner: Sample) =>
		typeof inner.value === 'string' && inner.value.length > 1000
			? new Sample(inner.value, inner.verdict, true, inner.note)
			: inner;
	return {
		samples: fc.oneof(
			fc
				.tuple(ids.samples, fc.constantFrom<LocatorMode>('id', 'list'))
				.map(([inner, mode]) => new LocatorSample(fromData(inner), mode)),
			links.map((inner) => new LocatorSample(inner, 'url')),
		),
		examples: ids.examples.map((inner) => new LocatorSample(inner, 'id')),
	};
}

export const v3Locator = (link: (id: string) => string) =>
	locator(
		uuid(),
		link,
		UUIDS,
		fc.oneof(
			fc.constant('abc'),
			UUIDS.map((u) => `${u}ab`),
			UUIDS.map((u) => `ab${u}`),
			UUIDS.map((u) => u.slice(0, -1)),
		),
	);
export const v2Locator = () => locator(v2Id(), LINKS.v2Campaign, V2_IDS, fc.constantFrom('abc', '9'.repeat(25)));

const INT32_MAX = 2_147_483_647;
const MALFORMED_SEGMENT_IDS = fc.oneof(
	fc.constantFrom('abc', '12a', '-5', '1.5', '1e5', '0x1F', '12 3', '+7', '0'),
	fc.integer({ min: 11, max: 40 }).map((n) => '9'.repeat(n)),
	fc.constant(String(INT32_MAX + 1)),
	UUIDS,
);
/** Ids no segment of the sandbox has (its ids count up from 1). */
const UNKNOWN_SEGMENT_IDS = fc.integer({ min: 100_000_000, max: INT32_MAX });

/** One segment id (a whole number, int32); optional where "not set" keeps the current recipients. */
export function segmentId(options: { required?: boolean; unknown?: boolean } = {}): Kind {
	const empty: Verdict = options.required === false ? 'either' : 'reject';
	const arbitraries = [
		often(each(empty, oneOf('', null))),
		often(each('reject', MALFORMED_SEGMENT_IDS)),
		often(each('reject', oneOf(-5, 0, 1.5, 1e12, true, [1, 2], { a: 1 }, {}))),
		often(hugeText(undefined).chain((t) => deliver('reject', t))),
	];
	if (options.unknown !== false) {
		arbitraries.push(
			rare(each('unknown', UNKNOWN_SEGMENT_IDS)),
			rare(each('unknown', UNKNOWN_SEGMENT_IDS.map(String))),
		);
	}
	return kind(fc.oneof(...arbitraries), empty);
}

/** A whole number from `min` to `max` (a percentage, a delay). */
export function wholeNumber(options: { min: number; max: number }): Kind {
	const { min, max } = options;
	const samples = fc.oneof(
		often(each('reject', oneOf('', ' ', 'abc', '1.5', true, false, [min], { a: 1 }, null))),
		often(each('reject', fc.integer({ min: -1000, max: min - 1 }))),
		often(each('reject', fc.integer({ min: max + 1, max: max + 1000 }))),
		often(
			each(
				'reject',
				fc.double({ min, max, noNaN: true }).filter((n) => !Number.isInteger(n)),
			),
		),
		rare(each('either', fc.integer({ min, max }))),
		rare(each('either', fc.integer({ min, max }).map(String))),
	);
	return kind(samples, 'reject');
}

const RULE = { source: 'contact', field: 'email_address', op: 'is-not-empty' };
const GOOD_CRITERIA = [
	{ version: '1.0.0', criteria: { type: 'and', group: [RULE] } },
	{ criteria: { type: 'and', group: [{ type: 'or', group: [RULE, { ...RULE, op: 'is-empty' }] }] } },
	{
		version: '1.0.0',
		criteria: {
			type: 'and',
			group: [
				{ source: 'tracking', field: 'not_opened', op: 'contains-any', const_value: 'last-n-campaigns', param: '5' },
			],
		},
	},
];
const BAD_CRITERIA = [
	{},
	[],
	{ criteria: {} },
	{ criteria: { type: 'or', group: [RULE] } },
	{ criteria: { type: 'and', group: [] } },
	{ criteria: { type: 'and', group: RULE } },
	{ criteria: { type: 'and', group: [42] } },
	{ criteria: { type: 'and', group: [{ ...RULE, source: 'weather' }] } },
	{ criteria: { type: 'and', group: [{ type: 'xor', group: [RULE] }] } },
	{ version: 1, criteria: { type: 'and', group: [RULE] } },
	{ version: '1.0.0', criteria: { type: 'and', group: [{ ...RULE, note: 'x'.repeat(20_000) }] } },
];

/** Segment criteria: JSON text (or an object from an expression) of the shape the contract requires. */
export function segmentCriteria(): Kind {
	const samples = fc.oneof(
		often(each('reject', oneOf('', ' ', null, 'not json', '{', '{"criteria": ', 'null', '42', '"text"', true, 42))),
		often(each('reject', oneOf(...BAD_CRITERIA.map((c) => JSON.stringify(c))))),
		often(each('reject', oneOf(...BAD_CRITERIA.filter((c) => !Array.isArray(c) || c.length > 0)))),
		often(hugeText(undefined).chain((t) => deliver('reject', t))),
		rare(each('either', oneOf(...GOOD_CRITERIA.map((c) => JSON.stringify(c, null, 2))))),
		rare(each('either', oneOf(...GOOD_CRITERIA))),
	);
	return {
		samples,
		examples: [
			new Sample(null, 'reject', true, 'null'),
			new Sample([1, 2], 'reject', true, '[1,2]'),
			new Sample({ a: 1 }, 'reject', true, '{"a":1}'),
		],
	};
}

/** A resend's id: empty (the node looks it up), DRAFT or a number; anything else is refused. */
export function resendRequestId(): Kind {
	const samples = fc.oneof(
		often(each('reject', oneOf('next one', 'abc', '-1', '1.5', 'DRAFT 2', '12/3', true, [1, 2], { a: 1 }))),
		often(
			each(
				'reject',
				fc.integer({ min: 20, max: 60 }).map((n) => '9'.repeat(n)),
			),
		),
		often(hugeText(undefined).chain((t) => deliver('reject', t))),
		rare(each('either', oneOf('', ' ', null, 'DRAFT', 'draft'))),
		rare(each('unknown', fc.bigInt({ min: 1n, max: 10n ** 12n }).map(String))),
	);
	return kind(samples, 'either');
}
