import type { SeededCustomField, SeededTag } from '../sandbox';
import { jsonOf, uniqueName, useWorld, v3, World } from './world';

// The node's own limit (helpers/limits.ts IMPORT_BODY_BYTES_MAX): the contract drops what lies past 4 MB.
const BODY_BYTES_MAX = 4_000_000;

const world = useWorld();
let tiers: SeededCustomField;
let regions: SeededCustomField;
let vip: SeededTag;
beforeAll(() => {
	[tiers, regions] = world.addCustomFields([uniqueName('Tier'), uniqueName('Region')]);
	[vip] = world.addTags([uniqueName('VIP')]);
});

const batchName = () => uniqueName('crm').replace(/\W/g, '').toLowerCase();

type CrmContact = {
	email: string;
	first: string;
	street: string;
	tier: string;
	region: string;
};

const crmContacts = (n: number, street = 'Main Street 1'): CrmContact[] => {
	const batch = batchName();
	return Array.from({ length: n }, (_, i) => ({
		email: `${batch}.${i}@example.com`,
		first: `First${i}`,
		street,
		tier: i % 2 ? 'gold' : 'silver',
		region: `R${i % 7}`,
	}));
};

const importOf = (lists: string[], overrides: Record<string, unknown> = {}) => ({
	...v3,
	resource: 'contact',
	operation: 'import',
	email: '={{ $json.email }}',
	contactListIds: lists,
	additionalFields: {
		firstName: '={{ $json.first }}',
		addresses: { address: [{ kind: 'main', street: '={{ $json.street }}', city: 'Anytown' }] },
		customFields: {
			field: [
				{ customFieldId: tiers.customFieldId, value: '={{ $json.tier }}' },
				{ customFieldId: regions.customFieldId, value: '={{ $json.region }}' },
			],
		},
	},
	...overrides,
});

const LONG_ADDRESS = { street: 'x'.repeat(250), street2: 'y'.repeat(250), city: 'Anytown', zip: '01234' };

const importRequests = (since: number) => world.accepted('POST', /\/activities\/contacts_json_import$/, since);

describe('v3 contact import', () => {
	test('2,000 contacts: as few requests as 4 MB allows, every contact with its lists, tags and custom fields, paired, a refused row on its own item', async () => {
		const lists = world.addLists(2).map((l) => l.v3Id);
		// A contact already on 50 lists cannot join one more: Constant Contact refuses its row.
		const full = world.addLists(49).map((l) => l.v3Id);
		const [crowded] = world.addContacts(1, { lists: [...full, lists[0]] });
		const input: Array<Partial<CrmContact>> = crmContacts(1999);
		input.splice(700, 0, { ...input[0], email: crowded.email, first: 'Crowded' });
		const since = world.mark;
		const result = await world.run(
			importOf(lists, {
				additionalFields: {
					...importOf(lists).additionalFields,
					// Four full addresses make the 2,000 contacts more than one 4 MB request.
					addresses: { address: ['main', 'home', 'work', 'other'].map((kind) => ({ kind, ...LONG_ADDRESS })) },
					tagIds: [vip.tagId],
					jobTitle: 'Buyer',
				},
			}),
			{ input, continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2000);
		result.items.forEach((item, n) => expect(item.pairedItem).toEqual({ item: n }));

		// Requests: each body within 4 MB, and each request as full as the next contact allows.
		const imports = importRequests(since);
		const bytes = imports.map((r) => r.bodyBytes);
		expect(imports.length).toBeGreaterThan(1);
		expect(Math.max(...bytes)).toBeLessThanOrEqual(BODY_BYTES_MAX);
		expect(imports.length).toBe(Math.ceil(bytes.reduce((a, b) => a + b, 0) / BODY_BYTES_MAX));

		const refused = result.items[700].json;
		expect(refused.error).toContain(`did not import contact "${crowded.email}"`);
		expect(refused.error).toContain('50 lists');
		for (const [n, item] of result.items.entries()) {
			if (n === 700) continue;
			const contact = input[n];
			expect(item.json).toMatchObject({ email_address: contact.email, state: 'completed', list_ids: lists });
			expect(item.json.contact_id).toEqual(expect.any(String));
			expect(item.json.tag_ids).toEqual([vip.tagId]);
			const stored = world.contactByEmail(contact.email as string);
			expect(stored).toBeDefined();
			expect([...stored!.listIds]).toEqual(expect.arrayContaining(lists));
			expect([...stored!.tagIds]).toEqual([vip.tagId]);
			expect(stored!.custom_fields).toEqual({
				[tiers.customFieldId]: contact.tier,
				[regions.customFieldId]: contact.region,
			});
			expect(stored).toMatchObject({ first_name: contact.first, job_title: 'Buyer', contact_id: item.json.contact_id });
		}
		expect([...world.contactByEmail(crowded.email)!.listIds]).not.toContain(lists[1]);
	});

	test('re-running the same import creates no second contact and updates the fields given', async () => {
		const [list] = world.addLists(1).map((l) => l.v3Id);
		const input = crmContacts(5);
		jsonOf(await world.run(importOf([list]), { input }));
		const second = input.map((c) => ({ ...c, first: `${c.first}-again` }));
		const out = jsonOf(await world.run(importOf([list]), { input: second }));
		expect(out).toHaveLength(5);
		for (const contact of second) {
			expect(world.sandbox.contacts().filter((c) => c.email === contact.email)).toHaveLength(1);
			expect(world.contactByEmail(contact.email)!.first_name).toBe(contact.first);
		}
	});

	test('without waiting: one item per import request, paired with every item it carries', async () => {
		const [list] = world.addLists(1).map((l) => l.v3Id);
		const input = crmContacts(30);
		const result = await world.run(importOf([list], { waitForCompletion: false }), { input });
		const out = jsonOf(result);
		expect(out).toEqual([{ activity_id: expect.any(String), state: 'initialized', contacts: 30 }]);
		expect(result.items[0].pairedItem).toEqual(input.map((_, item) => ({ item })));
		expect(world.activity(String(out[0].activity_id))).toBeDefined();
	});

	test('continueOnFail marks only the items with a bad field; the others are imported', async () => {
		const [list] = world.addLists(1).map((l) => l.v3Id);
		const input = crmContacts(6);
		input[1].email = '';
		input[4].email = 'not-an-email';
		const result = await world.run(importOf([list]), { input, continueOnFail: true });
		const out = result.items.map((item) => item.json);
		expect(out[1].error).toBe('The contact needs an "Email" or an "SMS Number"');
		expect(out[4].error).toContain('"Email" is not an email address');
		for (const n of [0, 2, 3, 5]) {
			expect(out[n]).toMatchObject({ email_address: input[n].email, state: 'completed' });
			expect(world.contactByEmail(input[n].email)).toBeDefined();
		}
	});

	test('without continueOnFail a bad item fails the run before anything is sent', async () => {
		const [list] = world.addLists(1).map((l) => l.v3Id);
		const input = crmContacts(4);
		input[2].email = 'not-an-email';
		const since = world.mark;
		const result = await world.run(importOf([list]), { input });
		expect(result.error?.message).toContain('"Email" is not an email address');
		expect(importRequests(since)).toHaveLength(0);
		expect(world.contactByEmail(input[0].email)).toBeUndefined();
	});

	describe('each bad input names its field and sends nothing for its item', () => {
		const cases: Array<[string, (list: string) => Record<string, unknown>, string]> = [
			[
				'no lists (from an expression)',
				() => importOf([], { contactListIds: '={{ [] }}' }),
				'"Contact Lists" is required',
			],
			[
				'an unknown custom field',
				(list) =>
					importOf([list], {
						additionalFields: {
							customFields: { field: [{ customFieldId: '00000000-0000-4000-8000-000000000000', value: 'x' }] },
						},
					}),
				'"Custom Fields": the account has no custom field with ID "00000000-0000-4000-8000-000000000000"',
			],
			[
				'26 custom fields',
				(list) =>
					importOf([list], {
						additionalFields: {
							customFields: {
								field: Array.from({ length: 26 }, () => ({ customFieldId: tiers.customFieldId, value: 'x' })),
							},
						},
					}),
				'"Custom Fields" has 26 fields; Constant Contact allows at most 25 per contact',
			],
			['no email and no SMS number', (list) => importOf([list], { email: '' }), 'needs an "Email" or an "SMS Number"'],
		];
		test.each(cases)('%s', async (_name, parameters, message) => {
			const [list] = world.addLists(1).map((l) => l.v3Id);
			const input = crmContacts(2);
			const since = world.mark;
			const result = await world.run(parameters(list), { input, continueOnFail: true });
			for (const item of result.items) expect(item.json.error).toContain(message);
			expect(importRequests(since)).toHaveLength(0);
			for (const contact of input) expect(world.contactByEmail(contact.email)).toBeUndefined();
		});
	});

	test('waiting is bounded: past Max Wait the error names the activity to look up later', async () => {
		const slow = await World.start({ activityItemsPerSecond: 1, activityStartLatencyMs: 60_000 });
		try {
			const [list] = slow.addLists(1).map((l) => l.v3Id);
			const result = await slow.run(
				{ ...importOf([list]), additionalFields: {}, maxWaitSeconds: 2 },
				{ input: crmContacts(3) },
			);
			const error = result.error as Error & { description?: string };
			expect(error.message).toMatch(/^Constant Contact is still processing bulk activity "[0-9a-f-]{36}" \(/);
			expect(error.message).toContain('after 2 s');
			expect(error.description).toContain('Bulk Activity > Get');
			const activityId = /"([0-9a-f-]{36})"/.exec(error.message)![1];
			expect(slow.activity(activityId)).toBeDefined();
			// The polls back off: a 2 s wait makes a handful, not one per moment.
			expect(slow.requests('GET', /\/activities\/[0-9a-f-]{36}$/).length).toBeLessThanOrEqual(3);
		} finally {
			await slow.close();
		}
	});
});
