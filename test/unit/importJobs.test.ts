import { packImports } from '../../nodes/ConstantContact/actions/v3/contact/importJobs';
import type { ImportRow } from '../../nodes/ConstantContact/actions/v3/contact/importRows';
import { utf8Bytes } from '../../nodes/ConstantContact/helpers/values';

const LIST_A = '2a4b1f6e-3c1d-4c8e-9f70-1b2c3d4e5f60';
const LIST_B = '91569d46-00e4-4a4d-9a4c-d17d98740d04';

function row(itemIndex: number, fields: Record<string, unknown>, listIds = [LIST_A]): ImportRow {
	const json = JSON.stringify({ email: `c${itemIndex}@example.com`, ...fields });
	return { itemIndex, json, bytes: utf8Bytes(json), email: `c${itemIndex}@example.com`, listIds, tagIds: [] };
}

const bodyBytes = (body: string) => Buffer.byteLength(body, 'utf8');

describe('packImports', () => {
	test('every body is valid JSON of its rows, within the byte limit, and as full as it can be', () => {
		const rows = Array.from({ length: 300 }, (_, n) =>
			row(n, { first_name: 'é'.repeat(n % 40), street: 'x'.repeat(200) }),
		);
		const limit = 10_000;
		const { jobs, tooLarge } = packImports(rows, { bytes: limit, contacts: 40_000 });
		expect(tooLarge).toEqual([]);
		expect(jobs.flatMap((job) => job.rows)).toEqual(rows);
		for (const [n, job] of jobs.entries()) {
			expect(bodyBytes(job.body)).toBeLessThanOrEqual(limit);
			const parsed = JSON.parse(job.body);
			expect(parsed.list_ids).toEqual([LIST_A]);
			expect(parsed.import_data).toEqual(job.rows.map((r) => JSON.parse(r.json)));
			// The next job's first row did not fit in this one.
			const next = jobs[n + 1];
			if (next) expect(bodyBytes(job.body) + 1 + next.rows[0].bytes).toBeGreaterThan(limit);
		}
		// Contiguous requests filled in turn are the fewest that keep the input order.
		expect(jobs.length).toBeGreaterThan(1);
	});

	test('the bytes counted are the bytes of UTF-8 (multi-byte characters count as they go over the wire)', () => {
		const rows = [row(0, { first_name: '日本語😀' })];
		const { jobs } = packImports(rows, { bytes: 4_000_000, contacts: 40_000 });
		expect(rows[0].bytes).toBe(bodyBytes(rows[0].json));
		expect(bodyBytes(jobs[0].body)).toBe(
			bodyBytes('{"import_data":[') + rows[0].bytes + bodyBytes(`],"list_ids":["${LIST_A}"]}`),
		);
	});

	test('at most `contacts` rows per request', () => {
		const rows = Array.from({ length: 25 }, (_, n) => row(n, {}));
		const { jobs } = packImports(rows, { bytes: 4_000_000, contacts: 10 });
		expect(jobs.map((job) => job.rows.length)).toEqual([10, 10, 5]);
	});

	test('rows for other lists or SMS permission go in requests of their own, in input order', () => {
		const rows = [
			row(0, {}),
			row(1, {}, [LIST_B]),
			row(2, {}),
			{ ...row(3, { sms_number: '5555550123' }), smsPermission: 'explicit' },
		];
		const { jobs } = packImports(rows, { bytes: 4_000_000, contacts: 40_000 });
		expect(jobs.map((job) => job.rows.map((r) => r.itemIndex))).toEqual([[0, 2], [1], [3]]);
		expect(JSON.parse(jobs[1].body).list_ids).toEqual([LIST_B]);
		expect(JSON.parse(jobs[2].body).sms_permission_to_send).toBe('explicit');
	});

	test('a row too large for a request on its own is set apart; the others still go', () => {
		const rows = [row(0, {}), row(1, { street: 'x'.repeat(5_000) }), row(2, {})];
		const { jobs, tooLarge } = packImports(rows, { bytes: 1_000, contacts: 40_000 });
		expect(tooLarge.map((r) => r.itemIndex)).toEqual([1]);
		expect(jobs.flatMap((job) => job.rows.map((r) => r.itemIndex))).toEqual([0, 2]);
	});
});
