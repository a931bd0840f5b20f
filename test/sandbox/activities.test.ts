/** Bulk activities, contact tags and custom fields of the sandbox, over real HTTP (plain fetch, no n8n). */
import { IMPORT_BODY_LIMIT_BYTES, Sandbox } from './index';
import { useSandbox } from './self-test';

jest.setTimeout(120_000);

const { sb, call, get, post } = useSandbox();

/** Lets every queued activity complete (sandbox clock). */
const settle = (): void => sb.clock.advance(120_000);

/** POSTs an activity, lets it complete, and returns it as GET /activities/{id} shows it. */
async function completed(path: string, body: unknown): Promise<any> {
	const r = await post(path, body);
	expect(r.status).toBe(201);
	settle();
	return (await get(`/activities/${r.body.activity_id}`)).body;
}

const importing = (importData: unknown[], listIds: string[]) =>
	completed('/activities/contacts_json_import', { import_data: importData, list_ids: listIds });

describe('an activity moves along the sandbox clock', () => {
	test('initialized -> processing -> completed; its effects only at completion', async () => {
		const [list] = sb.addLists(1);
		const rows = Array.from({ length: 999 }, (_, i) => ({ email: `life${i}@example.com` }));
		const r = await post('/activities/contacts_json_import', { import_data: rows, list_ids: [list.v3Id] });
		expect(r.status).toBe(201);
		const id = r.body.activity_id;
		expect(r.body).toMatchObject({
			activity_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			state: 'initialized',
			percent_done: 0,
			created_at: expect.any(String),
			_links: { self: { href: `/v3/activities/${id}` } },
			status: { items_total_count: 1000, person_count: 999, error_count: 0 },
		});
		// 300 ms start latency, then 1000 items at 2000 items/s: 500 ms.
		sb.clock.advance(550);
		const midway = (await get(`/activities/${id}`)).body;
		expect(midway.state).toBe('processing');
		expect(midway.percent_done).toBeGreaterThanOrEqual(40);
		expect(midway.percent_done).toBeLessThan(100);
		expect(midway.started_at).toBeDefined();
		expect(sb.contactByEmail('life0@example.com')).toBeUndefined();
		sb.clock.advance(300);
		const done = (await get(`/activities/${id}`)).body;
		expect(done).toMatchObject({ state: 'completed', percent_done: 100, activity_errors: [] });
		expect(done.status).toMatchObject({ items_total_count: 1000, items_completed_count: 1000 });
		expect(sb.contactByEmail('LIFE0@example.com')?.listIds.has(list.v3Id)).toBe(true);
		expect(sb.activity(id)?.state).toBe('completed');
	});

	test('GET of an unknown activity: 404 in the API error format', async () => {
		const r = await get('/activities/4d88f172-21d1-11ea-b5ae-fa163e56c9b0');
		expect(r.status).toBe(404);
		expect(r.body).toEqual([
			{ error_key: 'contacts.api.not_found', error_message: expect.stringMatching(/not found/) },
		]);
	});

	test('GET /activities: newest first, limit and cursor paging, state filter', async () => {
		const [list] = sb.addLists(1);
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) {
			const r = await post('/activities/contacts_json_import', {
				import_data: [{ email: `page${i}@example.com` }],
				list_ids: [list.v3Id],
			});
			ids.push(r.body.activity_id);
			sb.clock.advance(10);
		}
		settle();
		const late = await post('/activities/contact_delete', {
			contact_ids: [sb.contactByEmail('page0@example.com')!.contact_id],
		});
		const seen: string[] = [];
		let page = await get('/activities?limit=2');
		for (;;) {
			expect(page.body.activities.length).toBeLessThanOrEqual(2);
			seen.push(...page.body.activities.map((a: any) => a.activity_id));
			if (!page.body._links?.next) break;
			page = await get(page.body._links.next.href.replace(/^\/v3/, ''));
		}
		const newestFirst = [...ids].reverse();
		expect(seen).toEqual([late.body.activity_id, ...newestFirst]);
		const done = await get('/activities?state=completed');
		expect(done.body.activities.map((a: any) => a.activity_id)).toEqual(newestFirst);
		expect((await get('/activities?state=processing')).body.activities).toEqual([]);
	});

	test('more than the queued activities allowed: 429', async () => {
		const small = await Sandbox.start({ rateLimitPerSecond: false, maxQueuedActivities: 2, seed: false });
		try {
			const t = small.issueTokens().access_token;
			const [list] = small.addLists(1);
			const send = () =>
				fetch(`${small.v3BaseUrl}/activities/contact_delete`, {
					method: 'POST',
					headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
					body: JSON.stringify({ list_ids: [list.v3Id] }),
				});
			expect((await send()).status).toBe(201);
			expect((await send()).status).toBe(201);
			const refused = await send();
			expect(refused.status).toBe(429);
			expect(await refused.json()).toEqual([
				{ error_key: 'too_many_requests', error_message: expect.stringMatching(/exceeded 2 queued activities/) },
			]);
			small.clock.advance(60_000);
			expect((await send()).status).toBe(201);
		} finally {
			await small.close();
		}
	});
});

describe('contacts_json_import', () => {
	test('per-row errors "Line N: …" (import_data[k] is line k + 2); the other rows are imported', async () => {
		const [list] = sb.addLists(1);
		const fields = sb.addCustomFields(26);
		const tooMany = Object.fromEntries(fields.map((f) => [`cf:${f.name}`, 'x']));
		const a = await importing(
			[
				{ email: 'ok1@example.com', first_name: 'Ann', [`cf:${fields[0].name}`]: 'gold' },
				{ email: 'not-an-email' },
				{ first_name: 'Nobody' },
				{ email: 'cf@example.com', 'cf:no_such_field': 'x' },
				{ email: 'many@example.com', ...tooMany },
				{ sms_number: '508-123-1235', first_name: 'Sms' },
			],
			[list.v3Id],
		);
		expect(a.state).toBe('completed');
		expect(a.activity_errors).toEqual([
			"Line 3: invalid email address 'not-an-email'",
			'Line 4: an email or an sms_number is required',
			"Line 5: unknown custom field 'cf:no_such_field' (no custom field named 'no_such_field' in the account)",
			'Line 6: more than 25 custom fields (26) on the contact',
		]);
		expect(a.status).toMatchObject({ items_total_count: 7, person_count: 6, error_count: 4 });
		const ok = sb.contactByEmail('ok1@example.com')!;
		expect(ok.custom_fields).toEqual({ [fields[0].customFieldId]: 'gold' });
		expect(sb.contactByEmail('cf@example.com')).toBeUndefined();
		expect(sb.contacts().find((c) => c.sms_number === '508-123-1235')?.first_name).toBe('Sms');
		const shown = await get(`/contacts/${ok.contact_id}?include=custom_fields,list_memberships`);
		expect(shown.body.custom_fields).toEqual([{ custom_field_id: fields[0].customFieldId, value: 'gold' }]);
		expect(shown.body.list_memberships).toEqual([list.v3Id]);
	});

	test('a re-import of an email (any case) updates only the properties it gives; no second contact', async () => {
		const [a, b] = sb.addLists(2);
		await importing([{ email: 'same@example.com', first_name: 'Ann', last_name: 'Lee', job_title: 'Chef' }], [a.v3Id]);
		await importing([{ email: 'SAME@example.com', first_name: 'Anna' }], [b.v3Id]);
		const all = sb.contacts().filter((c) => c.email.toLowerCase() === 'same@example.com');
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({ first_name: 'Anna', last_name: 'Lee', job_title: 'Chef' });
		expect([...all[0].listIds].sort()).toEqual([a.v3Id, b.v3Id].sort());
	});

	test('a contact cannot be on more than 50 lists: a row error, counted in cannot_add_to_list_count', async () => {
		const lists = sb.addLists(51);
		const [full] = sb.addContacts(1, { lists: lists.slice(0, 50) });
		const a = await importing([{ email: full.email }, { email: 'fine@example.com' }], [lists[50].v3Id]);
		expect(a.activity_errors).toEqual(['Line 2: the contact would be on more than 50 lists (51)']);
		expect(a.status).toMatchObject({ error_count: 1, cannot_add_to_list_count: 1 });
		expect(sb.contact(full.contactId)?.listIds.size).toBe(50);
		expect(sb.contactByEmail('fine@example.com')?.listIds.has(lists[50].v3Id)).toBe(true);
	});

	test('request-level errors (400, nothing imported): over 40,000 contacts, an unknown list', async () => {
		const [list] = sb.addLists(1);
		const rows = Array.from({ length: 40_001 }, (_, i) => ({ email: `c${i}@x.co` }));
		const tooMany = await post('/activities/contacts_json_import', { import_data: rows, list_ids: [list.v3Id] });
		expect(tooMany.status).toBe(400);
		expect(tooMany.body[0].error_message).toMatch(/at most 40,000 contacts/);
		const unknown = await post('/activities/contacts_json_import', {
			import_data: [{ email: 'a@example.com' }],
			list_ids: ['4d88f172-21d1-11ea-b5ae-fa163e56c9b0'],
		});
		expect(unknown.status).toBe(400);
		expect(sb.activities()).toEqual([]);
	});

	test('a body over 4 MB: only the contacts ending within its first 4,000,000 bytes are imported, silently', async () => {
		const [list] = sb.addLists(1);
		// Multi-byte characters: the limit counts bytes, not characters.
		const rows = Array.from({ length: 32_000 }, (_, i) => ({
			email: `big${i}@example.com`,
			first_name: `Zoë ${i}`,
			last_name: 'Ñandú-'.repeat(8),
		}));
		const body = JSON.stringify({ list_ids: [list.v3Id], import_data: rows });
		let end = Buffer.byteLength(`{"list_ids":["${list.v3Id}"],"import_data":[`);
		let expected = 0;
		for (const row of rows) {
			end += Buffer.byteLength(JSON.stringify(row));
			if (end > IMPORT_BODY_LIMIT_BYTES) break;
			expected++;
			end += 1; // the comma
		}
		expect(Buffer.byteLength(body)).toBeGreaterThan(IMPORT_BODY_LIMIT_BYTES);
		expect(expected).toBeGreaterThan(0);
		expect(expected).toBeLessThan(rows.length);
		const a = await completed('/activities/contacts_json_import', body);
		expect(a.activity_errors).toEqual([]);
		expect(a.status.person_count).toBe(expected);
		expect(sb.contacts()).toHaveLength(expected);
		expect(sb.contactByEmail(`big${expected - 1}@example.com`)).toBeDefined();
		expect(sb.contactByEmail(`big${expected}@example.com`)).toBeUndefined();
		const key = 'POST /v3/activities/contacts_json_import';
		expect(sb.maxBodyBytes.get(key)).toBe(Buffer.byteLength(body));
		expect(sb.requests.at(-2)?.bodyBytes).toBe(Buffer.byteLength(body));
	});

	test('a 10,000-contact import of about 3 MB is validated and queued', async () => {
		const [list] = sb.addLists(1);
		const rows = Array.from({ length: 10_000 }, (_, i) => ({
			email: `speed${i}@example.com`,
			first_name: `First name ${i}`,
			last_name: `Last name ${i}`.padEnd(60, '.').slice(0, 50),
			job_title: 'Head of everything that matters here',
			company_name: 'Example Holdings International',
			phone: '555-123-4567',
			city: 'Springfield',
			street: '123 Maple Street, Suite 400',
		}));
		const body = JSON.stringify({ import_data: rows, list_ids: [list.v3Id] });
		expect(Buffer.byteLength(body)).toBeGreaterThan(3_000_000);
		const r = await post('/activities/contacts_json_import', body);
		expect(r.status).toBe(201);
	});
});

describe('list memberships and contact delete', () => {
	test('add and remove list memberships; an unknown contact is an error, the others are done', async () => {
		const [from, to] = sb.addLists(2);
		const members = sb.addContacts(3, { lists: [from] });
		const unknown = '4d88f172-21d1-11ea-b5ae-fa163e56c9b0';
		const added = await completed('/activities/add_list_memberships', {
			source: { contact_ids: [members[0].contactId, unknown] },
			list_ids: [to.v3Id],
		});
		expect(added.activity_errors).toEqual([`Contact ${unknown} not found`]);
		expect(added.status).toMatchObject({ items_total_count: 2, list_count: 1 });
		expect(sb.contact(members[0].contactId)?.listIds.has(to.v3Id)).toBe(true);
		const byList = await completed('/activities/add_list_memberships', {
			source: { list_ids: [from.v3Id] },
			list_ids: [to.v3Id],
		});
		expect(byList.status.items_total_count).toBe(3);
		expect(members.every((m) => sb.contact(m.contactId)?.listIds.has(to.v3Id))).toBe(true);
		const removed = await completed('/activities/remove_list_memberships', {
			source: { contact_ids: [members[1].contactId] },
			list_ids: [to.v3Id, from.v3Id],
		});
		expect(removed.activity_errors).toEqual([]);
		expect(sb.contact(members[1].contactId)?.listIds.size).toBe(0);
		const missingList = await post('/activities/remove_list_memberships', {
			source: { contact_ids: [members[1].contactId] },
			list_ids: [unknown],
		});
		expect(missingList.status).toBe(404);
	});

	test('add_list_memberships keeps the 50-lists limit', async () => {
		const lists = sb.addLists(51);
		const [full] = sb.addContacts(1, { lists: lists.slice(0, 50) });
		const a = await completed('/activities/add_list_memberships', {
			source: { contact_ids: [full.contactId] },
			list_ids: [lists[50].v3Id],
		});
		expect(a.state).toBe('failed');
		expect(a.activity_errors).toEqual([`Contact ${full.contactId} cannot be on more than 50 lists (51)`]);
	});

	test('DELETE /contacts/{id}: 204; GET shows deleted_at, GET /contacts leaves it out', async () => {
		const [one, other] = sb.addContacts(2);
		expect((await call('DELETE', `/contacts/${one.contactId}`)).status).toBe(204);
		const shown = await get(`/contacts/${one.contactId}`);
		expect(shown.status).toBe(200);
		expect(shown.body.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const ids = (await get('/contacts')).body.contacts.map((c: any) => c.contact_id);
		expect(ids).toEqual([other.contactId]);
		expect((await get('/contacts?status=deleted')).body.contacts.map((c: any) => c.contact_id)).toEqual([
			one.contactId,
		]);
		expect((await call('DELETE', '/contacts/4d88f172-21d1-11ea-b5ae-fa163e56c9b0')).status).toBe(404);
	});

	test('contact_delete by contact_ids and by list_ids, when the activity completes', async () => {
		const [list] = sb.addLists(1);
		const onList = sb.addContacts(2, { lists: [list] });
		const [loose] = sb.addContacts(1);
		const unknown = '4d88f172-21d1-11ea-b5ae-fa163e56c9b0';
		const r = await post('/activities/contact_delete', { contact_ids: [loose.contactId, unknown] });
		expect(r.status).toBe(201);
		expect(sb.contact(loose.contactId)?.status).toBeUndefined();
		settle();
		expect(sb.contact(loose.contactId)?.status).toBe('deleted');
		expect(sb.activity(r.body.activity_id)?.activity_errors).toEqual([`Contact ${unknown} not found`]);
		const byList = await completed('/activities/contact_delete', { list_ids: [list.v3Id] });
		expect(byList.status).toMatchObject({ items_total_count: 2, list_count: 1 });
		expect(onList.every((c) => sb.contact(c.contactId)?.status === 'deleted')).toBe(true);
		expect((await post('/activities/contact_delete', {})).status).toBe(400);
	});
});

describe('contact tags and taggings', () => {
	test('POST, a duplicate name (any case) is 409, GET with include_count, PUT, paging', async () => {
		const r = await post('/contact_tags', { name: 'Gold member', tag_source: 'Etsy' });
		expect(r.status).toBe(201);
		expect(r.body).toMatchObject({ tag_id: expect.any(String), name: 'Gold member', tag_source: 'Etsy' });
		const dup = await post('/contact_tags', { name: 'GOLD MEMBER' });
		expect(dup.status).toBe(409);
		const id = r.body.tag_id;
		expect((await call('PUT', `/contact_tags/${id}`, { name: 'Platinum' })).body.name).toBe('Platinum');
		sb.addTags(4);
		const names: string[] = [];
		let page = await get('/contact_tags?limit=2&include_count=true');
		for (;;) {
			names.push(...page.body.tags.map((t: any) => t.name));
			expect(page.body.tags.every((t: any) => t.contacts_count === 0)).toBe(true);
			if (!page.body._links?.next) break;
			page = await get(page.body._links.next.href.replace(/^\/v3/, ''));
		}
		expect(names).toEqual(['Platinum', 'Tag 1', 'Tag 2', 'Tag 3', 'Tag 4']);
		expect((await get('/contact_tags/4d88f172-21d1-11ea-b5ae-fa163e56c9b0')).status).toBe(404);
	});

	test('taggings add / remove; contacts show them (include=taggings, tags filter); DELETE is a 202 activity', async () => {
		const [gold, silver] = sb.addTags(['Gold', 'Silver']);
		const [list] = sb.addLists(1);
		const contacts = sb.addContacts(3, { lists: [list] });
		const add = await completed('/activities/contacts_taggings_add', {
			source: { list_ids: [list.v3Id] },
			exclude: { contact_ids: [contacts[2].contactId] },
			tag_ids: [gold.tagId, silver.tagId],
		});
		expect(add.status).toMatchObject({ items_total_count: 2, items_completed_count: 2 });
		const shown = await get(`/contacts/${contacts[0].contactId}?include=taggings`);
		expect(shown.body.taggings.sort()).toEqual([gold.tagId, silver.tagId].sort());
		const tagged = await get(`/contacts?tags=${gold.tagId}`);
		expect(tagged.body.contacts.map((c: any) => c.contact_id).sort()).toEqual(
			[contacts[0].contactId, contacts[1].contactId].sort(),
		);
		expect((await get(`/contact_tags/${gold.tagId}?include_count=true`)).body.contacts_count).toBe(2);
		await completed('/activities/contacts_taggings_remove', {
			source: { contact_ids: [contacts[0].contactId] },
			tag_ids: [gold.tagId],
		});
		expect([...sb.contact(contacts[0].contactId)!.tagIds]).toEqual([silver.tagId]);
		const unknown = await post('/activities/contacts_taggings_add', {
			source: { contact_ids: [contacts[0].contactId] },
			tag_ids: ['4d88f172-21d1-11ea-b5ae-fa163e56c9b0'],
		});
		expect(unknown.status).toBe(404);
		const del = await call('DELETE', `/contact_tags/${silver.tagId}`);
		expect(del.status).toBe(202);
		expect(del.body).toMatchObject({ state: 'initialized', activity_errors: [] });
		expect(sb.tags().map((t) => t.tag_id)).toContain(silver.tagId);
		settle();
		expect(sb.tags().map((t) => t.tag_id)).toEqual([gold.tagId]);
		expect(sb.contacts().some((c) => c.tagIds.has(silver.tagId))).toBe(false);
		expect(sb.activity(del.body.activity_id)?.state).toBe('completed');
	});
});

describe('custom fields', () => {
	test('CRUD: name from the label (blanks -> underscores), unique (409), GET paging, PUT, DELETE', async () => {
		const r = await post('/contact_custom_fields', { label: 'Favorite Color', type: 'string' });
		expect(r.status).toBe(201);
		expect(r.body).toMatchObject({ label: 'Favorite Color', name: 'Favorite_Color', type: 'string' });
		expect((await post('/contact_custom_fields', { label: 'favorite  color', type: 'string' })).status).toBe(409);
		expect((await post('/contact_custom_fields', { label: 'Size', type: 'colour' })).status).toBe(400);
		const id = r.body.custom_field_id;
		const put = await call('PUT', `/contact_custom_fields/${id}`, { label: 'Favourite colour' });
		expect(put.body).toMatchObject({ label: 'Favourite colour', name: 'Favorite_Color' });
		sb.addCustomFields(2);
		const first = await get('/contact_custom_fields?limit=2');
		expect(first.body.custom_fields).toHaveLength(2);
		const second = await get(first.body._links.next.href.replace(/^\/v3/, ''));
		expect(second.body.custom_fields.map((f: any) => f.name)).toEqual(['Custom_field_2']);
		expect(second.body._links).toBeUndefined();
		expect((await call('DELETE', `/contact_custom_fields/${id}`)).status).toBe(204);
		expect((await get(`/contact_custom_fields/${id}`)).status).toBe(404);
	});

	test('at most 100 custom fields in an account: the 101st is a 400', async () => {
		sb.addCustomFields(99);
		expect((await post('/contact_custom_fields', { label: 'Number 100', type: 'string' })).status).toBe(201);
		const refused = await post('/contact_custom_fields', { label: 'Number 101', type: 'string' });
		expect(refused.status).toBe(400);
		expect(refused.body[0].error_message).toMatch(/up to 100 custom fields/);
		expect(sb.customFields()).toHaveLength(100);
	});
});

describe('contact_exports', () => {
	test('a CSV of the requested fields, quoted as CSV is, once the export completes (404 before)', async () => {
		const [size] = sb.addCustomFields(['Shoe size']);
		const [list] = sb.addLists(1);
		sb.addContacts(1, { lists: [list], email: () => 'quote@example.com', firstName: 'Ann, "the" chef' });
		sb.addContacts(1, {
			lists: [list],
			email: () => 'plain@example.com',
			firstName: 'Bob',
			customFields: { Shoe_size: '44' },
		});
		sb.addContacts(1, { email: () => 'other@example.com' });
		const r = await post('/activities/contact_exports', {
			list_ids: [list.v3Id],
			fields: ['email', 'first_name', `cf:${size.name}`],
		});
		expect(r.status).toBe(201);
		const file = `/contact_exports/${r.body.activity_id}`;
		expect((await call('GET', file, undefined, 'text/csv')).status).toBe(404);
		settle();
		const a = (await get(`/activities/${r.body.activity_id}`)).body;
		expect(a._links.results.href).toBe(`/v3${file}`);
		const csv = await call('GET', file, undefined, 'text/csv');
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toBe('text/csv');
		expect(csv.text).toBe(
			'email,first_name,cf:Shoe_size\r\nquote@example.com,"Ann, ""the"" chef",\r\nplain@example.com,Bob,44\r\n',
		);
	});

	test('default fields: every contact field, then each custom field as cf:<name>', async () => {
		sb.addCustomFields(['Shoe size']);
		sb.addContacts(2);
		const a = await completed('/activities/contact_exports', {});
		const csv = await call('GET', `/contact_exports/${a.activity_id}`, undefined, '*/*');
		const [header, ...rows] = csv.text.trimEnd().split('\r\n');
		expect(header.split(',').slice(0, 3)).toEqual(['email_address', 'first_name', 'last_name']);
		expect(header.split(',').at(-1)).toBe('cf:Shoe_size');
		expect(rows).toHaveLength(2);
		expect((await post('/activities/contact_exports', { fields: ['shoe'] })).status).toBe(400);
	});
});
