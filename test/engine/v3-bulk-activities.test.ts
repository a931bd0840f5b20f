import { errorOf, jsonOf, useWorld, v3 } from './world';

const world = useWorld();

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const bulkActivity = (operation: string, parameters: Record<string, unknown> = {}) => ({
	...v3,
	resource: 'bulkActivity',
	operation,
	...parameters,
});

/** Deletes `n` new tags through the node: each delete starts a bulk activity. Their ids. */
async function tagDeletes(n: number): Promise<string[]> {
	const tags = world.addTags(n);
	const out = jsonOf(
		await world.run(
			{ ...v3, resource: 'tag', operation: 'delete', tagId: '={{ $json.id }}' },
			{ input: tags.map((t) => ({ id: t.tagId })) },
		),
	);
	// On the sandbox clock, the activities are done (their state no longer moves during a test).
	world.sandbox.clock.advance(5_000);
	return out.map((o) => String(o.activity_id));
}

/** What the API itself answers for an activity (the node must output exactly that). */
async function apiActivity(id: string): Promise<Record<string, unknown>> {
	const answer = await world.callV3(`/activities/${id}`);
	expect(answer.status).toBe(200);
	return (await answer.json()) as Record<string, unknown>;
}

describe('v3 bulk activity', () => {
	test('get outputs the activity as the API returns it', async () => {
		const [id] = await tagDeletes(1);
		const [got] = jsonOf(await world.run(bulkActivity('get', { activityId: id })));
		expect(got).toMatchObject({ activity_id: id, state: 'completed', percent_done: 100 });
		expect(world.activity(id)).toMatchObject({ state: 'completed', kind: 'tag_delete' });
		expect(got).toEqual(await apiActivity(id));
	});

	test('getMany returns every activity with Return All, and stops at Limit', async () => {
		await tagDeletes(3);
		const all = world.activities();
		let mark = world.mark;
		const got = jsonOf(await world.run(bulkActivity('getMany', { returnAll: true })));
		expect(got.map((a) => a.activity_id).sort()).toEqual(all.map((a) => a.activity_id).sort());
		expect(world.accepted('GET', /^\/v3\/activities$/, mark).length).toBeGreaterThan(0);

		mark = world.mark;
		const some = jsonOf(await world.run(bulkActivity('getMany', { returnAll: false, limit: 2 })));
		expect(some).toHaveLength(2);
		const pages = world.accepted('GET', /^\/v3\/activities$/, mark);
		expect(pages.map((r) => r.query.limit)).toEqual(['2']);
	});

	test('getMany with a Status filter returns only the activities in that state', async () => {
		await tagDeletes(2);
		for (const state of ['completed', 'failed'] as const) {
			const mark = world.mark;
			const got = jsonOf(await world.run(bulkActivity('getMany', { returnAll: true, filters: { state } })));
			const [request] = world.accepted('GET', /^\/v3\/activities$/, mark);
			expect(request.query.state).toBe(state);
			expect(got.every((a) => a.state === state)).toBe(true);
			const expected = world
				.activities()
				.filter((a) => a.state === state)
				.map((a) => a.activity_id);
			expect(got.map((a) => a.activity_id).sort()).toEqual(expected.sort());
		}
	});

	test('an unknown activity ID gives a 404 naming it; a non-ID is refused before any request', async () => {
		const unknown = await world.run(bulkActivity('get', { activityId: UNKNOWN }));
		expect(errorOf(unknown).httpCode).toBe('404');
		expect(errorOf(unknown).description).toMatch(`No bulk activity with ID "${UNKNOWN}"`);
		const mark = world.mark;
		const bad = await world.run(bulkActivity('get', { activityId: 'last import' }));
		expect(bad.error?.message).toBe('"Activity ID" is not a valid ID: "last import"');
		const state = await world.run(bulkActivity('getMany', { returnAll: true, filters: { state: '={{ "done" }}' } }));
		expect(state.error?.message).toBe(
			'"Status" must be one of cancelled, completed, failed, processing, timed_out; not "done"',
		);
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);
	});

	test('with Continue On Fail, a bad item becomes an error item paired with it, and the others are read', async () => {
		const [a, b] = await tagDeletes(2);
		const result = await world.run(bulkActivity('get', { activityId: '={{ $json.id }}' }), {
			input: [{ id: a }, { id: UNKNOWN }, { id: '' }, { id: b }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.pairedItem, item.json.activity_id ?? item.json.error])).toEqual([
			[{ item: 0 }, a],
			[{ item: 1 }, expect.any(String)],
			[{ item: 2 }, '"Activity ID" is empty'],
			[{ item: 3 }, b],
		]);
		expect(result.items[1].json.httpCode).toBe('404');
	});
});
