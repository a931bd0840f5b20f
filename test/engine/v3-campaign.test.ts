import { byId, byUrl, fromList, jsonOf, uniqueName, v3, World } from './world';

let world: World;
beforeAll(async () => {
	world = await World.start();
});
afterAll(async () => await world.close());

const newCampaign = (name = uniqueName('Spring sale')) => ({
	...v3,
	resource: 'campaign',
	operation: 'create',
	name,
	subject: 'Spring is here',
	fromName: 'Garden Shop',
	fromEmail: world.verifiedEmail(),
	replyToEmail: world.verifiedEmail(),
	htmlContent: '<html><body><p>Hello</p></body></html>',
	additionalFields: { preheader: 'Twenty percent off' },
});

describe('v3 campaign', () => {
	test('create makes the campaign and its primary email in one step and outputs the activity id', async () => {
		const name = uniqueName('Spring sale');
		const [campaign] = jsonOf(await world.run(newCampaign(name)));
		expect(campaign).toMatchObject({ name, current_status: 'Draft' });
		const stored = world.sandbox.v3Campaign(String(campaign.campaign_id));
		expect(stored?.name).toBe(name);
		const activity = world.sandbox.v3Activity(String(campaign.primary_campaign_activity_id));
		expect(activity).toMatchObject({
			role: 'primary_email',
			subject: 'Spring is here',
			preheader: 'Twenty percent off',
		});
		expect(activity?.html_content).toContain('[[trackingImage]]');
		expect(world.sandbox.contractViolations).toEqual([]);
	});

	test('get reads a campaign by ID, by URL and from the list', async () => {
		const [created] = jsonOf(await world.run(newCampaign()));
		const id = String(created.campaign_id);
		for (const campaignId of [
			byId(id),
			byUrl(`https://app.constantcontact.com/pages/campaigns/email-details/details/${id}`),
			fromList(id),
		]) {
			const [got] = jsonOf(await world.run({ ...v3, resource: 'campaign', operation: 'get', campaignId }));
			expect(got).toMatchObject({
				campaign_id: id,
				primary_campaign_activity_id: created.primary_campaign_activity_id,
			});
		}
	});

	test('getMany follows cursor pages with Return All and stops at Limit', async () => {
		world.draftCampaigns('v3', 1600);
		const live = world.sandbox.v3Campaigns().filter((c) => c.current_status !== 'Removed').length;
		let mark = world.mark;
		const all = jsonOf(await world.run({ ...v3, resource: 'campaign', operation: 'getMany', returnAll: true }));
		expect(all).toHaveLength(live);
		expect(new Set(all.map((c) => c.campaign_id)).size).toBe(live);
		const pages = world.accepted('GET', /^\/v3\/emails$/, mark);
		expect(pages.length).toBe(Math.ceil(world.sandbox.v3Campaigns().length / 500));
		expect(pages.length).toBeGreaterThan(3);

		mark = world.mark;
		const some = jsonOf(
			await world.run({ ...v3, resource: 'campaign', operation: 'getMany', returnAll: false, limit: 7 }),
		);
		expect(some).toHaveLength(7);
		expect(world.accepted('GET', /^\/v3\/emails$/, mark)).toHaveLength(1);
	});

	test('update renames; a duplicate name is refused with the API message and a hint', async () => {
		const [a] = jsonOf(await world.run(newCampaign()));
		const [b] = jsonOf(await world.run(newCampaign()));
		const newName = uniqueName('Renamed');
		const [renamed] = jsonOf(
			await world.run({
				...v3,
				resource: 'campaign',
				operation: 'update',
				campaignId: byId(String(a.campaign_id)),
				name: newName,
			}),
		);
		expect(renamed.name).toBe(newName);
		expect(world.sandbox.v3Campaign(String(a.campaign_id))?.name).toBe(newName);

		const clash = await world.run({
			...v3,
			resource: 'campaign',
			operation: 'update',
			campaignId: byId(String(b.campaign_id)),
			name: newName,
		});
		expect(clash.error?.message).toMatch(/name/i);
		expect((clash.error as { description?: string }).description).toMatch(/unique/);
		expect((clash.error as { httpCode?: string }).httpCode).toBe('409');
	});

	test('delete removes the campaign', async () => {
		const [created] = jsonOf(await world.run(newCampaign()));
		const id = String(created.campaign_id);
		const [out] = jsonOf(await world.run({ ...v3, resource: 'campaign', operation: 'delete', campaignId: byId(id) }));
		expect(out).toEqual({ campaign_id: id, deleted: true });
		expect(world.sandbox.v3Campaign(id)?.current_status).toBe('Removed');
	});

	test('an unknown id gives a 404 that names it', async () => {
		const id = '00000000-0000-4000-8000-000000000000';
		const result = await world.run({ ...v3, resource: 'campaign', operation: 'get', campaignId: byId(id) });
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
		expect((result.error as { description?: string }).description).toContain(id);
	});

	test('an 81-character name is refused before any request', async () => {
		const mark = world.mark;
		const result = await world.run(newCampaign('x'.repeat(81)));
		expect(result.error?.message).toMatch(/"Campaign Name" is 81 characters long; Constant Contact allows at most 80/);
		expect(world.requests('POST', /^\/v3\/emails$/, mark)).toHaveLength(0);
	});

	test('a malformed from address is refused before any request', async () => {
		const mark = world.mark;
		const result = await world.run({ ...newCampaign(), fromEmail: 'not-an-email' });
		expect(result.error?.message).toBe('"From Email" is not an email address: "not-an-email"');
		expect(world.requests('POST', /^\/v3\/emails$/, mark)).toHaveLength(0);
	});
});
