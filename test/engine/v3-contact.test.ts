import { randomUUID } from 'crypto';

import type { SeededContact } from '../sandbox';
import { jsonOf, uniqueName, useWorld, v3 } from './world';

const world = useWorld();

const CUSTOM_FIELD = '1618ae62-4752-11e9-9c8a-fa163e6b01c1';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const uniqueEmail = () => `${uniqueName('c').replace(/\W/g, '').toLowerCase()}@example.com`;
const contactsWithEmail = (email: string) =>
	world.sandbox.contacts().filter((c) => c.email.toLowerCase() === email.toLowerCase());

const upsert = (email: string, overrides: Record<string, unknown> = {}) => ({
	...v3,
	resource: 'contact',
	operation: 'upsert',
	email,
	contactListIds: world.v3ListIds().slice(0, 1),
	...overrides,
});

describe('v3 contact upsert', () => {
	test('creates a contact with its lists, names, phone, company, job title and custom fields', async () => {
		const email = uniqueEmail();
		const lists = world.v3ListIds().slice(0, 2);
		const [out] = jsonOf(
			await world.run(
				upsert(email, {
					contactListIds: lists,
					additionalFields: {
						firstName: 'Ada',
						lastName: 'Lovelace',
						phoneNumber: '+1 555 0100',
						companyName: 'Analytical Engines',
						jobTitle: 'Programmer',
						customFields: { field: [{ customFieldId: CUSTOM_FIELD, value: 'gold' }] },
					},
				}),
			),
		);
		expect(out).toEqual({ contact_id: expect.any(String), action: 'created', email_address: email });
		const stored = world.sandbox.contact(String(out.contact_id));
		expect(stored).toMatchObject({
			email,
			first_name: 'Ada',
			last_name: 'Lovelace',
			phone_number: '+1 555 0100',
			company_name: 'Analytical Engines',
			job_title: 'Programmer',
			custom_fields: { [CUSTOM_FIELD]: 'gold' },
		});
		expect([...stored!.listIds].sort()).toEqual([...lists].sort());
	});

	test('the same email twice updates the contact and never duplicates it', async () => {
		const email = uniqueEmail();
		const [first, second] = world.v3ListIds();
		const [created] = jsonOf(
			await world.run(
				upsert(email, { contactListIds: [first], additionalFields: { firstName: 'Grace', lastName: 'Brewster' } }),
			),
		);
		const [updated] = jsonOf(
			await world.run(upsert(email, { contactListIds: [second], additionalFields: { lastName: 'Hopper' } })),
		);
		expect(created.action).toBe('created');
		expect(updated).toEqual({ contact_id: created.contact_id, action: 'updated', email_address: email });
		expect(contactsWithEmail(email)).toHaveLength(1);
		const stored = contactsWithEmail(email)[0];
		// Only the fields given change; memberships are added to, not replaced.
		expect(stored).toMatchObject({ first_name: 'Grace', last_name: 'Hopper' });
		expect([...stored.listIds].sort()).toEqual([first, second].sort());
	});

	test('lists given by expression as comma-separated text', async () => {
		const email = uniqueEmail();
		const lists = world.v3ListIds().slice(0, 2);
		const [out] = jsonOf(await world.run(upsert(email, { contactListIds: `={{ "${lists.join(', ')}" }}` })));
		expect([...world.sandbox.contact(String(out.contact_id))!.listIds].sort()).toEqual([...lists].sort());
	});

	test('a bad email is refused before any request', async () => {
		const mark = world.mark;
		const result = await world.run(upsert('not-an-email'));
		expect(result.error?.message).toBe('"Email" is not an email address: "not-an-email"');
		expect(world.requests('POST', /^\/v3\/contacts/, mark)).toHaveLength(0);
	});

	test('no list, a list ID that is not an ID, or too long a name are refused before any request', async () => {
		const mark = world.mark;
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ contactListIds: '={{ [] }}' }, '"Contact Lists" is required: choose at least one list to add the contact to'],
			[{ contactListIds: ['abc'] }, '"Contact Lists" is not a valid ID: "abc"'],
			[
				{ additionalFields: { firstName: 'x'.repeat(51) } },
				'"First Name" is 51 characters long; Constant Contact allows at most 50',
			],
			[
				{ additionalFields: { customFields: { field: [{ customFieldId: 'colour', value: 'red' }] } } },
				'"Custom Field ID" is not a valid ID: "colour"',
			],
		];
		for (const [overrides, message] of cases) {
			const result = await world.run(upsert(uniqueEmail(), overrides));
			expect(result.error?.message).toBe(message);
		}
		expect(world.requests('POST', /^\/v3\/contacts/, mark)).toHaveLength(0);
	});

	test('an unknown list gives the API message naming it, and no contact is created', async () => {
		const email = uniqueEmail();
		const result = await world.run(upsert(email, { contactListIds: [UNKNOWN] }));
		expect(result.error?.message).toContain(UNKNOWN);
		expect((result.error as { httpCode?: string }).httpCode).toBe('400');
		expect(contactsWithEmail(email)).toHaveLength(0);
	});
});

describe('v3 contact get', () => {
	test('by ID and by email, with the parts asked for', async () => {
		const email = uniqueEmail();
		const lists = world.v3ListIds().slice(0, 1);
		const [created] = jsonOf(
			await world.run(
				upsert(email, {
					contactListIds: lists,
					additionalFields: {
						firstName: 'Alan',
						phoneNumber: '555-0199',
						customFields: { field: [{ customFieldId: CUSTOM_FIELD, value: 'blue' }] },
					},
				}),
			),
		);
		const id = String(created.contact_id);
		const include = ['custom_fields', 'list_memberships', 'phone_numbers'];
		const byId = jsonOf(
			await world.run({ ...v3, resource: 'contact', operation: 'get', getBy: 'id', contactId: id, include }),
		);
		const byEmail = jsonOf(
			await world.run({ ...v3, resource: 'contact', operation: 'get', getBy: 'email', email, include }),
		);
		for (const found of [byId, byEmail]) {
			expect(found).toHaveLength(1);
			expect(found[0]).toMatchObject({
				contact_id: id,
				email_address: { address: email },
				first_name: 'Alan',
				list_memberships: lists,
				phone_numbers: [{ phone_number: '555-0199' }],
				custom_fields: [{ custom_field_id: CUSTOM_FIELD, value: 'blue' }],
			});
		}
	});

	test('an unknown ID gives a 404 that names it', async () => {
		const result = await world.run({ ...v3, resource: 'contact', operation: 'get', getBy: 'id', contactId: UNKNOWN });
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
		expect((result.error as { description?: string }).description).toBe(
			`No contact with ID "${UNKNOWN}" exists in this Constant Contact account (or it was deleted). Check "Contact ID".`,
		);
	});

	test('an ID that is not an ID, and an unknown email, say so', async () => {
		const mark = world.mark;
		const bad = await world.run({ ...v3, resource: 'contact', operation: 'get', getBy: 'id', contactId: '12345' });
		expect(bad.error?.message).toBe('"Contact ID" is not a valid ID: "12345"');
		expect(world.requests('GET', /^\/v3\/contacts/, mark)).toHaveLength(0);

		const email = uniqueEmail();
		const missing = await world.run({ ...v3, resource: 'contact', operation: 'get', getBy: 'email', email });
		expect(missing.error?.message).toBe(`No contact with email "${email}" exists in this Constant Contact account`);
	});

	test('with Continue On Fail, each item gets its own contact or error, paired', async () => {
		const email = uniqueEmail();
		jsonOf(await world.run(upsert(email)));
		const result = await world.run(
			{ ...v3, resource: 'contact', operation: 'get', getBy: 'email', email: '={{ $json.email }}' },
			{ input: [{ email }, { email: 'nobody@example.com' }], continueOnFail: true },
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json).toMatchObject({ email_address: { address: email } });
		expect(result.items[1].json.error).toMatch(/nobody@example\.com/);
	});
});

describe('v3 contact getMany', () => {
	test('Return All follows the cursor over every page; Limit stops after one request', async () => {
		world.addContacts(1600);
		const live = world.sandbox.contacts().filter((c) => c.status !== 'deleted').length;
		let mark = world.mark;
		const all = jsonOf(await world.run({ ...v3, resource: 'contact', operation: 'getMany', returnAll: true }));
		expect(all).toHaveLength(live);
		expect(new Set(all.map((c) => c.contact_id)).size).toBe(live);
		const pages = world.accepted('GET', /^\/v3\/contacts$/, mark);
		expect(pages).toHaveLength(Math.ceil(live / 500));
		expect(pages.length).toBeGreaterThan(3);

		mark = world.mark;
		const some = jsonOf(
			await world.run({ ...v3, resource: 'contact', operation: 'getMany', returnAll: false, limit: 7 }),
		);
		expect(some).toHaveLength(7);
		expect(world.accepted('GET', /^\/v3\/contacts$/, mark)).toHaveLength(1);
	});

	test('filters by list, status and updated since, sending the API its own parameters', async () => {
		const [listId] = jsonOf(
			await world.run({ ...v3, resource: 'contactList', operation: 'create', name: uniqueName('Filter list') }),
		).map((l) => String(l.list_id));
		const old = new Date(Date.now() - 10 * 86400000).toISOString();
		const lists = [listId];
		const [active] = world.addContacts(1, { lists });
		const [unsubscribed] = world.addContacts(1, { lists, status: 'unsubscribed' });
		const [deleted] = world.addContacts(1, { lists, status: 'deleted' });
		const [stale] = world.addContacts(1, { lists, updatedAt: old });
		world.addContacts(2); // on no list

		const ids = (rows: Array<Record<string, unknown>>) => rows.map((c) => c.contact_id).sort();
		const run = async (filters: Record<string, unknown>) =>
			jsonOf(await world.run({ ...v3, resource: 'contact', operation: 'getMany', returnAll: true, filters }));
		const expectIds = (rows: Array<Record<string, unknown>>, contacts: SeededContact[]) =>
			expect(ids(rows)).toEqual(contacts.map((c) => c.contactId).sort());

		// Without a status, every contact but deleted ones, as the API does.
		expectIds(await run({ contactListIds: [listId] }), [active, unsubscribed, stale]);
		expectIds(await run({ contactListIds: [listId], status: ['unsubscribed', 'deleted'] }), [unsubscribed, deleted]);
		expectIds(await run({ contactListIds: [listId], status: ['all'] }), [active, unsubscribed, deleted, stale]);
		const since = new Date(Date.now() - 86400000).toISOString();
		const mark = world.mark;
		expectIds(await run({ contactListIds: [listId], updatedAfter: since }), [active, unsubscribed]);
		expect(world.requests('GET', /^\/v3\/contacts$/, mark)[0].query).toEqual({
			lists: listId,
			updated_after: since,
			limit: '500',
		});
	});

	test('more than 25 lists in the filter is refused before any request', async () => {
		const mark = world.mark;
		const lists = Array.from({ length: 26 }, () => randomUUID());
		const result = await world.run({
			...v3,
			resource: 'contact',
			operation: 'getMany',
			filters: { contactListIds: lists },
		});
		expect(result.error?.message).toBe('"Contact Lists" has 26 IDs; Constant Contact allows at most 25');
		expect(world.requests('GET', /^\/v3\/contacts$/, mark)).toHaveLength(0);
	});
});
