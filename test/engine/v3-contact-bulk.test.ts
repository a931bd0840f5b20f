import type { SeededContact } from '../sandbox';
import { jsonOf, useWorld, v3 } from './world';

const world = useWorld();

const UNKNOWN_EMAIL = 'nobody.at.all@example.com';
const byIdInput = (contacts: SeededContact[]) => contacts.map((c) => ({ id: c.contactId, email: c.email }));
const activityPosts = (kind: string, since: number) =>
	world.accepted('POST', new RegExp(`/activities/${kind}$`), since);

const bulk = (operation: string, overrides: Record<string, unknown> = {}) => ({
	...v3,
	resource: 'contact',
	operation,
	contactBy: 'id',
	contactId: '={{ $json.id }}',
	email: '={{ $json.email }}',
	...overrides,
});

describe('v3 contact bulk activities', () => {
	test('Add to Lists: 600 contacts in 2 activities (500 per request), each item its own result', async () => {
		const [list] = world.addLists(1);
		const contacts = world.addContacts(600);
		const since = world.mark;
		const result = await world.run(bulk('addToLists', { contactListIds: [list.v3Id] }), {
			input: byIdInput(contacts),
		});
		const out = jsonOf(result);
		expect(activityPosts('add_list_memberships', since)).toHaveLength(2);
		expect(out).toHaveLength(600);
		out.forEach((json, n) => {
			expect(json).toMatchObject({ contact_id: contacts[n].contactId, list_ids: [list.v3Id], state: 'completed' });
			expect(result.items[n].pairedItem).toEqual({ item: n });
		});
		for (const c of contacts) expect(world.sandbox.contact(c.contactId)!.listIds.has(list.v3Id)).toBe(true);

		const back = await world.run(bulk('removeFromLists', { contactListIds: [list.v3Id] }), {
			input: byIdInput(contacts.slice(0, 10)),
		});
		expect(jsonOf(back)).toHaveLength(10);
		for (const [n, c] of contacts.entries())
			expect(world.sandbox.contact(c.contactId)!.listIds.has(list.v3Id)).toBe(n >= 10);
	});

	test('by email: one lookup each; an unknown email fails only its own item', async () => {
		const [list] = world.addLists(1);
		const contacts = world.addContacts(3);
		const input = [...byIdInput(contacts), { email: UNKNOWN_EMAIL }];
		const result = await world.run(bulk('addToLists', { contactBy: 'email', contactListIds: [list.v3Id] }), {
			input,
			continueOnFail: true,
		});
		const out = result.items.map((item) => item.json);
		expect(out[3].error).toBe(`No contact with email "${UNKNOWN_EMAIL}" exists in this account`);
		for (const [n, c] of contacts.entries()) {
			expect(out[n]).toMatchObject({ contact_id: c.contactId, email_address: c.email, state: 'completed' });
			expect(world.sandbox.contact(c.contactId)!.listIds.has(list.v3Id)).toBe(true);
		}
	});

	test('Add Tags and Remove Tags', async () => {
		const [tag] = world.addTags(1);
		const contacts = world.addContacts(4);
		jsonOf(await world.run(bulk('addTags', { tagIds: [tag.tagId] }), { input: byIdInput(contacts) }));
		for (const c of contacts) expect([...world.sandbox.contact(c.contactId)!.tagIds]).toEqual([tag.tagId]);
		const out = jsonOf(
			await world.run(bulk('removeTags', { tagIds: [tag.tagId] }), { input: byIdInput(contacts.slice(0, 2)) }),
		);
		expect(out.map((json) => json.tag_ids)).toEqual([[tag.tagId], [tag.tagId]]);
		expect(contacts.map((c) => world.sandbox.contact(c.contactId)!.tagIds.size)).toEqual([0, 0, 1, 1]);
	});

	test('without waiting: one item per activity, paired with all the items it carries', async () => {
		const [list] = world.addLists(1);
		const contacts = world.addContacts(3);
		const result = await world.run(bulk('addToLists', { contactListIds: [list.v3Id], waitForCompletion: false }), {
			input: byIdInput(contacts),
		});
		expect(jsonOf(result)).toEqual([
			{ activity_id: expect.any(String), state: 'initialized', contacts: 3, list_ids: [list.v3Id] },
		]);
		expect(result.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('Delete: one contact by its own request, many by the contact_delete activity', async () => {
		const contacts = world.addContacts(3);
		const since = world.mark;
		const [one] = jsonOf(await world.run(bulk('delete'), { input: byIdInput(contacts.slice(0, 1)) }));
		expect(one).toEqual({ contact_id: contacts[0].contactId, deleted: true });
		expect(world.accepted('DELETE', /\/contacts\/[0-9a-f-]{36}$/, since)).toHaveLength(1);
		const many = jsonOf(await world.run(bulk('delete'), { input: byIdInput(contacts.slice(1)) }));
		expect(many.map((json) => json.state)).toEqual(['completed', 'completed']);
		expect(activityPosts('contact_delete', since)).toHaveLength(1);
		for (const c of contacts) expect(world.sandbox.contact(c.contactId)!.status).toBe('deleted');
	});

	test('Export: the CSV arrives as binary data with a row per contact of the list', async () => {
		const [list] = world.addLists(1);
		const contacts = world.addContacts(5, { lists: [list], firstName: 'Exported' });
		const result = await world.run({
			...v3,
			resource: 'contact',
			operation: 'export',
			contactListIds: [list.v3Id],
			binaryPropertyName: 'file',
			options: { fields: ['email_address', 'first_name'], fileName: 'members.csv' },
		});
		const [item] = result.items;
		expect(result.error).toBeUndefined();
		expect(item.json).toMatchObject({ state: 'completed', contacts: 5 });
		const file = item.binary!.file;
		expect(file).toMatchObject({ fileName: 'members.csv', mimeType: 'text/csv' });
		const csv = Buffer.from(file.data, 'base64').toString('utf8');
		const [header, ...rows] = csv.trim().split(/\r?\n/);
		expect(header).toBe('email_address,first_name');
		expect(rows.sort()).toEqual(contacts.map((c) => `${c.email},Exported`).sort());
	});
});
