import { jsonOf, useWorld, v3 } from './world';

const world = useWorld();

const listXrefs = (v2ListIds: unknown) => ({ ...v3, resource: 'contactList', operation: 'getByV2Id', v2ListIds });
const contactXrefs = (v2ContactIds: unknown) => ({ ...v3, resource: 'contact', operation: 'getByV2Id', v2ContactIds });

const paired = (items: Array<{ pairedItem?: unknown }>) => items.map((item) => JSON.stringify(item.pairedItem));

describe('v3 contact list: get by v2 id', () => {
	test('one item per v2 id in the order given, each with its v3 list ID', async () => {
		const lists = world.addLists(3);
		const given = [lists[2], lists[0], lists[1]];
		const mark = world.mark;
		const rows = jsonOf(await world.run(listXrefs(given.map((l) => l.v2Id).join(', '))));
		expect(rows).toEqual(given.map((l) => ({ sequence_id: l.v2Id, list_id: l.v3Id })));
		expect(world.accepted('GET', /list_id_xrefs$/, mark)).toHaveLength(1);
		for (const row of rows) expect(world.sandbox.contactList(String(row.list_id))?.v2Id).toBe(row.sequence_id);
	});

	test('1,100 ids (an array from an expression) go in 3 calls of at most 500, the API limit', async () => {
		const lists = world.addLists(1100);
		const mark = world.mark;
		const rows = jsonOf(await world.run(listXrefs(`={{ ${JSON.stringify(lists.map((l) => l.v2Id))} }}`)));
		expect(rows.map((r) => r.list_id)).toEqual(lists.map((l) => l.v3Id));
		const calls = world.accepted('GET', /list_id_xrefs$/, mark);
		expect(calls.map((c) => c.query.sequence_ids.split(',').length)).toEqual([500, 500, 100]);
	});

	test('bad ids: none or not numbers are refused before any request; unknown ones are named', async () => {
		const mark = world.mark;
		expect((await world.run(listXrefs('={{ [] }}'))).error?.message).toBe('"V2 List IDs" is required');
		expect((await world.run(listXrefs('1, abc'))).error?.message).toBe(
			'"V2 List IDs" has an ID that is not a v2 contact list ID: "abc"',
		);
		expect(world.mark).toBe(mark);
		const [list] = world.addLists(1);
		const unknown = await world.run(listXrefs(`${list.v2Id},987654321`));
		expect(unknown.error?.message).toBe('No v3 contact list found for v2 contact list ID "987654321"');
		expect((unknown.error as Error & { description?: string }).description).toMatch(/^Check "V2 List IDs"/);
	});
});

describe('v3 contact: get by v2 id', () => {
	test('items sharing ids are answered by one call, each row paired with its item', async () => {
		const contacts = world.addContacts(3);
		const [a, b, c] = contacts;
		const mark = world.mark;
		const result = await world.run(contactXrefs('={{ $json.ids }}'), {
			input: [{ ids: [a.v2Id, b.v2Id] }, { ids: 'x' }, { ids: [b.v2Id, c.v2Id] }],
			continueOnFail: true,
		});
		expect(world.accepted('GET', /contact_id_xrefs$/, mark)).toHaveLength(1);
		expect(
			world
				.accepted('GET', /contact_id_xrefs$/, mark)[0]
				.query.sequence_ids.split(',')
				.sort(),
		).toEqual([a.v2Id, b.v2Id, c.v2Id].sort());
		expect(jsonOf(result).map((r) => r.contact_id ?? r.error)).toEqual([
			a.contactId,
			b.contactId,
			'"V2 Contact IDs" has an ID that is not a v2 contact ID: "x"',
			b.contactId,
			c.contactId,
		]);
		expect(paired(result.items)).toEqual(['{"item":0}', '{"item":0}', '{"item":1}', '{"item":2}', '{"item":2}']);
		for (const contact of contacts) expect(world.contact(contact.contactId)?.v2Id).toBe(contact.v2Id);
	});

	test('502 distinct ids go in 2 calls (500 and 2); an unknown id fails only its own item', async () => {
		const contacts = world.addContacts(501);
		const mark = world.mark;
		const result = await world.run(contactXrefs('={{ $json.ids }}'), {
			input: [{ ids: contacts.map((c) => c.v2Id) }, { ids: ['987654321'] }],
			continueOnFail: true,
		});
		const calls = world.accepted('GET', /contact_id_xrefs$/, mark);
		expect(calls.map((c) => c.query.sequence_ids.split(',').length)).toEqual([500, 2]);
		const json = jsonOf(result);
		expect(json.slice(0, 501).map((r) => r.contact_id)).toEqual(contacts.map((c) => c.contactId));
		expect(json[501].error).toBe('No v3 contact found for v2 contact ID "987654321"');
		expect(paired(result.items).slice(-1)).toEqual(['{"item":1}']);
	});
});
