import { errorOf, jsonOf, uniqueName, useWorld, v3 } from './world';

const world = useWorld();

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const tag = (operation: string, parameters: Record<string, unknown> = {}) => ({
	...v3,
	resource: 'tag',
	operation,
	...parameters,
});

describe('v3 tag', () => {
	test('create makes the tag, with its source', async () => {
		const name = uniqueName('Gold card member');
		const [created] = jsonOf(await world.run(tag('create', { name, additionalFields: { tagSource: 'Etsy' } })));
		expect(created).toMatchObject({ name, tag_id: expect.any(String) });
		expect(world.tags().find((t) => t.tag_id === created.tag_id)).toMatchObject({ name, tag_source: 'Etsy' });
	});

	test('get reads the tag, with its contacts count when asked', async () => {
		const [seeded] = world.addTags(1);
		const [plain] = jsonOf(await world.run(tag('get', { tagId: seeded.tagId })));
		expect(plain).toMatchObject({ tag_id: seeded.tagId, name: seeded.name });
		expect(plain.contacts_count).toBeUndefined();
		const [counted] = jsonOf(await world.run(tag('get', { tagId: seeded.tagId, includeCount: true })));
		expect(counted).toMatchObject({ tag_id: seeded.tagId, contacts_count: 0 });
	});

	test('update renames the tag in one request', async () => {
		const [seeded] = world.addTags(1);
		const newName = uniqueName('Silver card member');
		const mark = world.mark;
		const [updated] = jsonOf(await world.run(tag('update', { tagId: seeded.tagId, name: newName })));
		expect(updated).toMatchObject({ tag_id: seeded.tagId, name: newName });
		expect(world.tags().find((t) => t.tag_id === seeded.tagId)?.name).toBe(newName);
		expect(world.acceptedSince(mark).map((r) => `${r.method} ${r.path}`)).toEqual([
			`PUT /v3/contact_tags/${seeded.tagId}`,
		]);
	});

	test('delete starts the activity that untags contacts and deletes the tag, and outputs its id', async () => {
		const [seeded] = world.addTags(1);
		const [out] = jsonOf(await world.run(tag('delete', { tagId: seeded.tagId })));
		expect(out).toEqual({ tag_id: seeded.tagId, deleted: true, activity_id: expect.any(String) });
		expect(world.activity(String(out.activity_id))).toMatchObject({ kind: 'tag_delete' });
		// Once the activity is done, the tag is gone.
		world.sandbox.clock.advance(5_000);
		expect(world.activity(String(out.activity_id))?.state).toBe('completed');
		expect(world.tags().map((t) => t.tag_id)).not.toContain(seeded.tagId);
	});

	test('getMany follows the cursor over every page with Return All and stops at Limit', async () => {
		world.addTags(1200);
		const all = world.tags();
		let mark = world.mark;
		const got = jsonOf(await world.run(tag('getMany', { returnAll: true })));
		expect(got.map((t) => t.tag_id).sort()).toEqual(all.map((t) => t.tag_id).sort());
		const pages = world.accepted('GET', /^\/v3\/contact_tags$/, mark);
		expect(pages).toHaveLength(Math.ceil(all.length / 500));
		expect(pages.length).toBeGreaterThan(2);

		mark = world.mark;
		const some = jsonOf(await world.run(tag('getMany', { returnAll: false, limit: 7, includeCount: true })));
		expect(some).toHaveLength(7);
		expect(some[0]).toHaveProperty('contacts_count');
		expect(world.accepted('GET', /^\/v3\/contact_tags$/, mark)).toHaveLength(1);
	});

	test('a name in use gives a 409 that says tag names are unique; nothing is created or renamed', async () => {
		const [first, second] = world.addTags(2);
		const before = world.tags().length;
		const clash = await world.run(tag('create', { name: first.name }));
		expect(errorOf(clash).httpCode).toBe('409');
		expect(errorOf(clash).description).toMatch(/"Name" already exists.*unique/);
		const renamed = await world.run(tag('update', { tagId: second.tagId, name: first.name }));
		expect(errorOf(renamed).httpCode).toBe('409');
		expect(errorOf(renamed).description).toMatch(/"Name" already exists/);
		expect(world.tags().length).toBe(before);
		expect(world.tags().find((t) => t.tag_id === second.tagId)?.name).toBe(second.name);
	});

	test('an empty or too long name is refused before any request', async () => {
		const mark = world.mark;
		expect((await world.run(tag('create', { name: '  ' }))).error?.message).toBe('"Name" is required');
		expect((await world.run(tag('create', { name: 'x'.repeat(256) }))).error?.message).toBe(
			'"Name" is 256 characters long; Constant Contact allows at most 255',
		);
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);
	});

	test('an unknown tag ID gives a 404 naming it on get, update and delete; a non-ID is refused before any request', async () => {
		for (const operation of ['get', 'update', 'delete']) {
			const result = await world.run(tag(operation, { tagId: UNKNOWN, name: uniqueName('x') }));
			expect(errorOf(result).httpCode).toBe('404');
			expect(errorOf(result).description).toBe(
				`No tag with ID "${UNKNOWN}" exists in this Constant Contact account (or it was deleted).`,
			);
		}
		const mark = world.mark;
		const bad = await world.run(tag('get', { tagId: 'gold members' }));
		expect(bad.error?.message).toBe('"Tag" is not a valid ID: "gold members"');
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);
	});

	test('with Continue On Fail, a bad item becomes an error item paired with it, and the others are read', async () => {
		const [a, b] = world.addTags(2);
		const result = await world.run(tag('get', { tagId: '={{ $json.id }}' }), {
			input: [{ id: a.tagId }, { id: 'nope' }, { id: UNKNOWN }, { id: b.tagId }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.pairedItem, item.json.tag_id ?? item.json.error])).toEqual([
			[{ item: 0 }, a.tagId],
			[{ item: 1 }, '"Tag" is not a valid ID: "nope"'],
			[{ item: 2 }, expect.any(String)],
			[{ item: 3 }, b.tagId],
		]);
		expect(result.items[2].json.httpCode).toBe('404');
	});
});
