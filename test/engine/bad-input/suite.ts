import { World } from '../world';
import { fieldsOf, operationsOf, type Api } from './node';
import { sweepField, sweepPaired, type OperationCase, type PairedCase } from './sweep';

/** Continue On Fail runs per resource (each has a good and a bad item). */
const PAIRED_RUNS = 3;

/**
 * The bad-input tests of one API: its cases must cover every operation and field the built node
 * shows (a new operation or field without cases fails), then each field is swept.
 */
export function badInputSuite<F>(
	api: Api,
	cases: Record<string, OperationCase<F>>,
	paired: Record<string, PairedCase<F>>,
	makeFixtures: (world: World) => Promise<F>,
): void {
	let world: World;
	let fixtures: F;
	beforeAll(async () => {
		world = await World.start();
		fixtures = await makeFixtures(world);
	});
	afterAll(async () => await world.close());

	describe(`${api}: every operation and field has bad-input cases`, () => {
		test('every operation of the node has cases, and no case is for an operation it lacks', () => {
			expect(Object.keys(cases).sort()).toEqual(operationsOf(api).sort());
		});

		test.each(operationsOf(api))('%s: every field of the operation has a case', (key) => {
			const covered = (cases[key]?.fields ?? []).map((f) => f.path);
			const missing = [...fieldsOf(api, key).keys()].filter(
				(path) => !covered.some((c) => c === path || c.startsWith(`${path}.`)),
			);
			expect(missing).toEqual([]);
		});

		test('every resource has a Continue On Fail case', () => {
			const resources = new Set(operationsOf(api).map((key) => key.split('.')[0]));
			expect(Object.keys(paired).sort()).toEqual([...resources].sort());
		});
	});

	describe.each(Object.keys(cases))(`${api} %s: bad input`, (key) => {
		const [resource, operation] = key.split('.');
		test.each(cases[key].fields.map((f) => f.path))('%s', async (path) => {
			const field = cases[key].fields.find((f) => f.path === path)!;
			await sweepField(world, { api, resource, operation }, cases[key], field, fixtures);
		});
	});

	describe(`${api}: with Continue On Fail, a bad item loses nothing`, () => {
		test.each(Object.keys(paired))('%s', async (resource) => {
			await sweepPaired(world, api, resource, paired[resource], fixtures, PAIRED_RUNS);
		});
	});
}
