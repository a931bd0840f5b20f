import { jsonOf, uniqueName, useWorld, v2, v3 } from './world';

const world = useWorld();

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const list = (operation: string, parameters: Record<string, unknown> = {}) => ({
	...v3,
	resource: 'contactList',
	operation,
	...parameters,
});

async function createdList(name = uniqueName('Customers')): Promise<string> {
	const [created] = jsonOf(await world.run(list('create', { name })));
	return String(created.list_id);
}

const liveLists = () => world.sandbox.contactLists().filter((l) => !l.deleted_at);

describe('v3 contact list', () => {
	test('create makes the list with its description and favorite flag', async () => {
		const name = uniqueName('Newsletter');
		const [created] = jsonOf(
			await world.run(list('create', { name, additionalFields: { description: 'Weekly', favorite: true } })),
		);
		expect(created).toMatchObject({ name, description: 'Weekly', favorite: true, list_id: expect.any(String) });
		expect(world.sandbox.contactList(String(created.list_id))).toMatchObject({
			name,
			description: 'Weekly',
			favorite: true,
		});
	});

	test('get reads the list, with its membership count when asked', async () => {
		const id = world.v3ListIds()[0];
		const stored = world.sandbox.contactList(id)!;
		const members = world.sandbox.contacts().filter((c) => c.listIds.has(id)).length;
		const [got] = jsonOf(await world.run(list('get', { listId: id, includeMembershipCount: true })));
		expect(got).toMatchObject({ list_id: id, name: stored.name, membership_count: members });
		expect(members).toBeGreaterThan(0);
	});

	test('update changes only the fields given (read, modify, write)', async () => {
		const name = uniqueName('Partners');
		const [created] = jsonOf(
			await world.run(list('create', { name, additionalFields: { description: 'B2B', favorite: true } })),
		);
		const id = String(created.list_id);
		const newName = uniqueName('Partners renamed');
		const mark = world.mark;
		const [updated] = jsonOf(await world.run(list('update', { listId: id, updateFields: { name: newName } })));
		expect(updated).toMatchObject({ list_id: id, name: newName, description: 'B2B', favorite: true });
		expect(world.sandbox.contactList(id)).toMatchObject({ name: newName, description: 'B2B', favorite: true });
		expect(world.acceptedSince(mark).map((r) => r.method)).toEqual(['GET', 'PUT']);
	});

	test('delete removes the list and its memberships', async () => {
		const id = await createdList();
		const [out] = jsonOf(await world.run(list('delete', { listId: id })));
		expect(out).toEqual({ list_id: id, deleted: true, activity_id: expect.any(String) });
		expect(world.sandbox.contactList(id)?.deleted_at).toBeDefined();
		expect(world.v3ListIds()).not.toContain(id);
	});

	test('getMany follows the cursor over every page with Return All and stops at Limit', async () => {
		world.addLists(1600);
		const live = liveLists();
		let mark = world.mark;
		const all = jsonOf(await world.run(list('getMany', { returnAll: true })));
		expect(all.map((l) => l.list_id).sort()).toEqual(live.map((l) => l.list_id).sort());
		const pages = world.accepted('GET', /^\/v3\/contact_lists$/, mark);
		expect(pages).toHaveLength(Math.ceil(live.length / 500));
		expect(pages.length).toBeGreaterThan(3);

		mark = world.mark;
		const some = jsonOf(await world.run(list('getMany', { returnAll: false, limit: 7 })));
		expect(some).toHaveLength(7);
		expect(world.accepted('GET', /^\/v3\/contact_lists$/, mark)).toHaveLength(1);
	});

	test('getMany finds a list by name', async () => {
		const name = uniqueName('Findable');
		const id = await createdList(name);
		const found = jsonOf(await world.run(list('getMany', { returnAll: true, filters: { name } })));
		expect(found).toEqual([expect.objectContaining({ list_id: id, name })]);
	});

	test('an empty name, a name in use, or nothing to update say so; nothing is created', async () => {
		const before = liveLists().length;
		const mark = world.mark;
		const empty = await world.run(list('create', { name: '  ' }));
		expect(empty.error?.message).toBe('"Name" is required');
		const emptyNew = await world.run(list('update', { listId: world.v3ListIds()[0], updateFields: { name: '' } }));
		expect(emptyNew.error?.message).toBe('"Name" cannot be empty');
		const nothing = await world.run(list('update', { listId: world.v3ListIds()[0], updateFields: {} }));
		expect(nothing.error?.message).toBe('Nothing to update: add at least one field under "Update Fields"');
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);

		const taken = world.sandbox.contactList(world.v3ListIds()[0])!.name;
		const clash = await world.run(list('create', { name: taken }));
		expect((clash.error as { httpCode?: string }).httpCode).toBe('409');
		expect((clash.error as { description?: string }).description).toMatch(/unique/);
		expect(liveLists().length).toBe(before);
	});

	test('an unknown list ID gives a 404 naming it on get, update and delete; a non-ID is refused before any request', async () => {
		for (const operation of ['get', 'update', 'delete']) {
			const result = await world.run(list(operation, { listId: UNKNOWN, updateFields: { name: 'x' } }));
			expect((result.error as { httpCode?: string }).httpCode).toBe('404');
			expect((result.error as { description?: string }).description).toBe(
				`No contact list with ID "${UNKNOWN}" exists in this Constant Contact account (or it was deleted).`,
			);
		}
		const mark = world.mark;
		const bad = await world.run(list('get', { listId: 'my list' }));
		expect(bad.error?.message).toBe('"Contact List" is not a valid ID: "my list"');
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);
	});
});

describe('v2 contact list', () => {
	test('getMany returns every list; Limit trims', async () => {
		const expected = world.sandbox.contactLists().filter((l) => !l.deleted_at);
		const all = jsonOf(await world.run({ ...v2, resource: 'contactList', operation: 'getMany', returnAll: true }));
		expect(all.map((l) => l.id).sort()).toEqual(expected.map((l) => l.v2Id).sort());
		expect(all[0]).toMatchObject({
			id: expect.any(String),
			name: expect.any(String),
			contact_count: expect.any(Number),
		});

		const mark = world.mark;
		const some = jsonOf(
			await world.run({ ...v2, resource: 'contactList', operation: 'getMany', returnAll: false, limit: 2 }),
		);
		expect(some).toHaveLength(2);
		expect(world.accepted('GET', /^\/v2\/lists$/, mark)).toHaveLength(1);
	});

	test('getMany filters by modified since', async () => {
		const since = new Date(Date.now() - 1000).toISOString();
		const [fresh] = world.addLists(1);
		const rows = jsonOf(
			await world.run({
				...v2,
				resource: 'contactList',
				operation: 'getMany',
				returnAll: true,
				filters: { modifiedSince: since },
			}),
		);
		expect(rows.map((l) => l.id)).toContain(fresh.v2Id);
		expect(rows.every((l) => Date.parse(String(l.modified_date)) >= Date.parse(since))).toBe(true);
	});
});
