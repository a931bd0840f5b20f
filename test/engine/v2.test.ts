import { DateTime } from 'luxon';

import { byId, byUrl, jsonOf, uniqueName, v2, World } from './world';

let world: World;
beforeAll(async () => {
	world = await World.start();
});
afterAll(async () => await world.close());

const newCampaign = (overrides: Record<string, unknown> = {}) => ({
	...v2,
	resource: 'campaign',
	operation: 'create',
	name: uniqueName('v2 promo'),
	subject: 'Deals',
	fromName: 'Garden Shop',
	fromEmail: world.verifiedEmail(),
	replyToEmail: world.verifiedEmail(),
	emailContent: '<html><body>Deals</body></html>',
	emailContentFormat: 'HTML',
	textContent: 'Deals',
	contactListIds: world.v2ListIds().slice(0, 1),
	additionalFields: {
		greetingName: 'FIRST_NAME',
		messageFooter: {
			footer: {
				organization_name: 'Garden Shop',
				address_line_1: '1 Main St',
				city: 'Boston',
				state: 'MA',
				country: 'US',
				postal_code: '02110',
			},
		},
	},
	...overrides,
});

async function created(overrides: Record<string, unknown> = {}): Promise<string> {
	const [c] = jsonOf(await world.run(newCampaign(overrides)));
	return String(c.id);
}

describe('v2 campaign', () => {
	test('create sends the full body with lists and footer', async () => {
		const name = uniqueName('v2 promo');
		const [c] = jsonOf(await world.run(newCampaign({ name })));
		expect(c).toMatchObject({ name, status: 'DRAFT', greeting_name: 'FIRST_NAME' });
		const stored = world.sandbox.v2Campaign(String(c.id))!;
		expect(stored.data.sent_to_contact_lists).toEqual([{ id: world.v2ListIds()[0] }]);
		expect(stored.data.message_footer).toMatchObject({ organization_name: 'Garden Shop', city: 'Boston' });
	});

	test('get by ID and by URL', async () => {
		const id = await created();
		for (const campaignId of [
			byId(id),
			byUrl(`https://ui.constantcontact.com/rnavmap/emcf/email/view?flow=view&campaign=${id}`),
		]) {
			const [c] = jsonOf(await world.run({ ...v2, resource: 'campaign', operation: 'get', campaignId }));
			expect(c.id).toBe(id);
		}
	});

	test('getMany filters by status and follows next links over many pages', async () => {
		world.draftCampaigns('v2', 1600);
		const notDeleted = world.sandbox.v2Campaigns().filter((c) => c.status !== 'DELETED').length;
		const mark = world.mark;
		const all = jsonOf(await world.run({ ...v2, resource: 'campaign', operation: 'getMany', returnAll: true }));
		expect(all).toHaveLength(notDeleted);
		const pages = world.accepted('GET', /^\/v2\/emailmarketing\/campaigns$/, mark);
		expect(pages.length).toBeGreaterThan(3);
		expect(pages.slice(1).every((p) => Object.keys(p.query).sort().join() === 'api_key,next')).toBe(true);

		const drafts = jsonOf(
			await world.run({ ...v2, resource: 'campaign', operation: 'getMany', limit: 5, filters: { status: 'DRAFT' } }),
		);
		expect(drafts).toHaveLength(5);
		expect(drafts.every((c) => c.status === 'DRAFT')).toBe(true);
	});

	test('update keeps every field it was not asked to change', async () => {
		const id = await created();
		const before = structuredClone(world.sandbox.v2Campaign(id)!.data);
		const [c] = jsonOf(
			await world.run({
				...v2,
				resource: 'campaign',
				operation: 'update',
				campaignId: byId(id),
				updateFields: { subject: 'Bigger deals' },
			}),
		);
		expect(c.subject).toBe('Bigger deals');
		const after = world.sandbox.v2Campaign(id)!.data;
		for (const key of [
			'name',
			'from_name',
			'email_content',
			'text_content',
			'greeting_name',
			'message_footer',
			'sent_to_contact_lists',
		]) {
			expect(after[key]).toEqual(before[key]);
		}
	});

	test('delete marks it deleted', async () => {
		const id = await created();
		const [out] = jsonOf(await world.run({ ...v2, resource: 'campaign', operation: 'delete', campaignId: byId(id) }));
		expect(out).toEqual({ id, deleted: true });
		expect(world.sandbox.v2Campaign(id)?.status).toBe('DELETED');
	});

	test('a wrong API key is answered 401 with what to fix', async () => {
		const result = await world.run(
			{ ...v2, resource: 'campaign', operation: 'get', campaignId: byId(await created()) },
			{
				credentials: { constantContactApi: world.v2Credentials({ apiKey: 'wrong-key' }) },
			},
		);
		expect((result.error as { httpCode?: string }).httpCode).toBe('401');
		expect((result.error as { description?: string }).description).toMatch(/API key and access token/);
	});
});

describe('v2 schedule', () => {
	const inDays = (days: number) => DateTime.utc().plus({ days }).toISO();

	test('create, get, getMany, update and delete a schedule', async () => {
		const id = await created();
		const [s] = jsonOf(
			await world.run({
				...v2,
				resource: 'schedule',
				operation: 'create',
				campaignId: byId(id),
				scheduleType: 'date',
				scheduledDate: inDays(4),
			}),
		);
		expect(s).toMatchObject({ campaign_id: id });
		expect(world.sandbox.v2Campaign(id)?.status).toBe('SCHEDULED');
		const scheduleId = String(s.id);

		const [got] = jsonOf(
			await world.run({ ...v2, resource: 'schedule', operation: 'get', campaignId: byId(id), scheduleId }),
		);
		expect(String(got.id)).toBe(scheduleId);
		const many = jsonOf(
			await world.run({ ...v2, resource: 'schedule', operation: 'getMany', campaignId: byId(id), returnAll: true }),
		);
		expect(many).toHaveLength(1);

		const later = DateTime.utc().plus({ days: 6 }).startOf('second');
		const [moved] = jsonOf(
			await world.run({
				...v2,
				resource: 'schedule',
				operation: 'update',
				campaignId: byId(id),
				scheduleId,
				scheduledDate: later.toISO(),
			}),
		);
		expect(DateTime.fromISO(String(moved.scheduled_date)).toMillis()).toBe(later.toMillis());

		const [deleted] = jsonOf(
			await world.run({ ...v2, resource: 'schedule', operation: 'delete', campaignId: byId(id), scheduleId }),
		);
		expect(deleted).toEqual({ campaign_id: id, id: scheduleId, deleted: true });
		expect(world.sandbox.v2Campaign(id)?.status).toBe('DRAFT');
	});

	test('send now posts an empty schedule and the campaign is sent', async () => {
		const id = await created();
		const mark = world.mark;
		jsonOf(
			await world.run({ ...v2, resource: 'schedule', operation: 'create', campaignId: byId(id), scheduleType: 'now' }),
		);
		const posts = world.requests('POST', /\/schedules$/, mark);
		expect(posts).toHaveLength(1);
		expect(posts[0].body).toEqual({});
		world.sandbox.clock.advance(5000);
		expect(world.sandbox.v2Campaign(id)?.status).toBe('SENT');
	});

	test('a past date is refused before any request', async () => {
		const id = await created();
		const mark = world.mark;
		const result = await world.run({
			...v2,
			resource: 'schedule',
			operation: 'create',
			campaignId: byId(id),
			scheduleType: 'date',
			scheduledDate: '2019-05-01T10:00:00Z',
		});
		expect(result.error?.message).toMatch(/^"Scheduled Date" is in the past/);
		expect(world.sandbox.requests.length).toBe(mark);
	});

	test('a campaign without lists cannot be scheduled; the API says why', async () => {
		const id = await created({ contactListIds: [] });
		const result = await world.run({
			...v2,
			resource: 'schedule',
			operation: 'create',
			campaignId: byId(id),
			scheduleType: 'now',
		});
		expect((result.error as { httpCode?: string }).httpCode).toBe('400');
		expect(world.sandbox.v2Campaign(id)?.status).toBe('DRAFT');
	});
});
