import { runLoadOptions } from '../harness/run-load-options';
import { errorOf, jsonOf, uniqueName, useWorld, v3, World } from './world';

const world = useWorld();

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const customField = (operation: string, parameters: Record<string, unknown> = {}) => ({
	...v3,
	resource: 'customField',
	operation,
	...parameters,
});

/** A label of at most 50 characters, unique in the account. */
const uniqueLabel = (prefix: string) => uniqueName(prefix).slice(0, 50);
/** `n` new custom fields with labels no field (even a renamed one) has had. */
const seedFields = (w: World, n: number) =>
	w.addCustomFields(Array.from({ length: n }, (_, i) => uniqueLabel(`Seeded ${i + 1}`)));

describe('v3 custom field', () => {
	test('create makes the field with its label and type; its name is made from the label', async () => {
		const label = uniqueLabel('Favorite fruit');
		const [created] = jsonOf(await world.run(customField('create', { label, type: 'string' })));
		expect(created).toMatchObject({ label, type: 'string', custom_field_id: expect.any(String) });
		expect(world.customFields().find((f) => f.custom_field_id === created.custom_field_id)).toMatchObject({
			label,
			type: 'string',
			name: label.replace(/ /g, '_'),
		});
		const [date] = jsonOf(await world.run(customField('create', { label: uniqueLabel('Renewal'), type: 'date' })));
		expect(date).toMatchObject({ type: 'date' });
	});

	test('get reads the field', async () => {
		const [seeded] = seedFields(world, 1);
		const [got] = jsonOf(await world.run(customField('get', { customFieldId: seeded.customFieldId })));
		expect(got).toMatchObject({ custom_field_id: seeded.customFieldId, label: seeded.label, name: seeded.name });
	});

	test('update changes the label (read, then write)', async () => {
		const [seeded] = seedFields(world, 1);
		const label = uniqueLabel('Vehicle');
		const mark = world.mark;
		const [updated] = jsonOf(await world.run(customField('update', { customFieldId: seeded.customFieldId, label })));
		expect(updated).toMatchObject({ custom_field_id: seeded.customFieldId, label });
		expect(world.customFields().find((f) => f.custom_field_id === seeded.customFieldId)?.label).toBe(label);
		expect(world.acceptedSince(mark).map((r) => r.method)).toEqual(['GET', 'PUT']);
	});

	test('delete removes the field', async () => {
		const [seeded] = seedFields(world, 1);
		const [out] = jsonOf(await world.run(customField('delete', { customFieldId: seeded.customFieldId })));
		expect(out).toEqual({ custom_field_id: seeded.customFieldId, deleted: true });
		expect(world.customFields().map((f) => f.custom_field_id)).not.toContain(seeded.customFieldId);
	});

	test('getMany returns every field with Return All, in pages of at most 100, and stops at Limit', async () => {
		seedFields(world, 30);
		const all = world.customFields();
		let mark = world.mark;
		const got = jsonOf(await world.run(customField('getMany', { returnAll: true })));
		expect(got.map((f) => f.custom_field_id).sort()).toEqual(all.map((f) => f.custom_field_id).sort());
		const pages = world.accepted('GET', /^\/v3\/contact_custom_fields$/, mark);
		expect(pages.map((r) => r.query.limit)).toEqual(['100']);

		mark = world.mark;
		const some = jsonOf(await world.run(customField('getMany', { returnAll: false, limit: 7 })));
		expect(some).toHaveLength(7);
		expect(world.accepted('GET', /^\/v3\/contact_custom_fields$/, mark).map((r) => r.query.limit)).toEqual(['7']);
	});

	test('a label in use gives a 409 naming "Label"; nothing is created', async () => {
		const [seeded] = seedFields(world, 1);
		const before = world.customFields().length;
		const clash = await world.run(customField('create', { label: seeded.label, type: 'string' }));
		expect(errorOf(clash).httpCode).toBe('409');
		expect(errorOf(clash).description).toMatch(/"Label" already exists/);
		expect(world.customFields().length).toBe(before);
	});

	test('an empty or too long label, or an unknown type, is refused before any request', async () => {
		const mark = world.mark;
		expect((await world.run(customField('create', { label: '  ', type: 'string' }))).error?.message).toBe(
			'"Label" is required',
		);
		expect((await world.run(customField('create', { label: 'x'.repeat(51), type: 'string' }))).error?.message).toBe(
			'"Label" is 51 characters long; Constant Contact allows at most 50',
		);
		expect((await world.run(customField('create', { label: 'Size', type: '={{ "shoe" }}' }))).error?.message).toBe(
			'"Type" must be one of date, string; not "shoe"',
		);
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);
	});

	test('an unknown custom field ID gives a 404 naming it on get, update and delete; a non-ID is refused before any request', async () => {
		for (const operation of ['get', 'update', 'delete']) {
			const result = await world.run(customField(operation, { customFieldId: UNKNOWN, label: 'x' }));
			expect(errorOf(result).httpCode).toBe('404');
			expect(errorOf(result).description).toBe(
				`No custom field with ID "${UNKNOWN}" exists in this Constant Contact account (or it was deleted).`,
			);
		}
		const mark = world.mark;
		const bad = await world.run(customField('get', { customFieldId: 'Favorite_Fruit' }));
		expect(bad.error?.message).toBe('"Custom Field" is not a valid ID: "Favorite_Fruit"');
		expect(world.sandbox.requests.slice(mark)).toHaveLength(0);
	});

	test('with Continue On Fail, a bad item becomes an error item paired with it, and the others are read', async () => {
		const [a, b] = seedFields(world, 2);
		const result = await world.run(customField('get', { customFieldId: '={{ $json.id }}' }), {
			input: [{ id: a.customFieldId }, { id: UNKNOWN }, { id: 'nope' }, { id: b.customFieldId }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.pairedItem, item.json.custom_field_id ?? item.json.error])).toEqual([
			[{ item: 0 }, a.customFieldId],
			[{ item: 1 }, expect.any(String)],
			[{ item: 2 }, '"Custom Field" is not a valid ID: "nope"'],
			[{ item: 3 }, b.customFieldId],
		]);
		expect(result.items[1].json.httpCode).toBe('404');
	});

	test("getCustomFields lists the account's fields for the editor: label, ID, and name and type", async () => {
		world.addCustomFields(['Shoe size', 'Member since']);
		const { options, error } = await runLoadOptions({
			method: 'getCustomFields',
			parameters: {
				...v3,
				resource: 'contact',
				operation: 'upsert',
				additionalFields: { customFields: { field: [{ customFieldId: '' }] } },
			},
			path: 'parameters.additionalFields.customFields.field[0].customFieldId',
			credentials: { constantContactOAuth2Api: world.v3Credentials() },
		});
		expect(error).toBeUndefined();
		const expected = world
			.customFields()
			.map((f) => ({ name: f.label, value: f.custom_field_id, description: `${f.name} (${f.type})` }))
			.sort((x, y) => x.name.localeCompare(y.name));
		expect(options).toEqual(expected);
		expect(options?.map((o) => o.name)).toEqual(expect.arrayContaining(['Shoe size', 'Member since']));
	});

	test('contact upsert sets a custom field picked from getCustomFields (an ID, as before)', async () => {
		const [field] = seedFields(world, 1);
		const email = `${uniqueName('cf').replace(/\s+/g, '.')}@example.com`;
		const [out] = jsonOf(
			await world.run({
				...v3,
				resource: 'contact',
				operation: 'upsert',
				email,
				contactListIds: [world.v3ListIds()[0]],
				additionalFields: { customFields: { field: [{ customFieldId: field.customFieldId, value: '42' }] } },
			}),
		);
		expect(out).toMatchObject({ action: 'created', email_address: email });
		const contact = world.sandbox.contacts().find((c) => c.contact_id === out.contact_id);
		expect(contact?.custom_fields).toEqual({ [field.customFieldId]: '42' });
	});
});

describe('v3 custom field: the account limit', () => {
	test('the 101st custom field is refused with an error that names the limit; the account keeps 100', async () => {
		const full = await World.start();
		try {
			seedFields(full, 100 - full.customFields().length);
			expect(full.customFields()).toHaveLength(100);
			const result = await full.run(customField('create', { label: 'One too many', type: 'string' }));
			const error = errorOf(result);
			expect(error).toBeDefined();
			expect(`${error.message} ${error.description}`).toMatch(/100/);
			expect(error.description).toMatch(/at most 100 custom fields/);
			expect(full.customFields()).toHaveLength(100);
			expect(full.sandbox.contractViolations).toEqual([]);
		} finally {
			await full.close();
		}
	});
});
