import { byId, jsonOf, v2, World } from './world';

let world: World;
/** The seeded SENT campaign: its tracking rows are Constant Contact's own fixtures. */
const SENT = '1100394165290';
const UNKNOWN = '1100399999999';

beforeAll(async () => {
	world = await World.start();
});
afterAll(async () => await world.close());

const campaign = (operation: string, id: string, extra: Record<string, unknown> = {}) => ({
	...v2,
	resource: 'campaign',
	operation,
	campaignId: byId(id),
	...extra,
});
const tracking = (operation: string, id: string, extra: Record<string, unknown> = {}) => ({
	...v2,
	resource: 'tracking',
	operation,
	campaignId: byId(id),
	...extra,
});

describe('v2 campaign: send test and preview', () => {
	test('send test posts addresses, format and message; outputs what was sent', async () => {
		const id = world.draftCampaign('v2').campaignId;
		const mark = world.mark;
		const [out] = jsonOf(
			await world.run(
				campaign('sendTest', id, {
					emailAddresses: 'ann@example.com,bob@example.com',
					format: 'HTML',
					additionalFields: { personalMessage: 'oh hai there' },
				}),
			),
		);
		expect(out).toEqual({
			campaign_id: id,
			format: 'HTML',
			email_addresses: ['ann@example.com', 'bob@example.com'],
			personal_message: 'oh hai there',
		});
		const [post] = world.accepted('POST', /\/tests$/, mark);
		expect(post.body).toEqual({
			email_addresses: ['ann@example.com', 'bob@example.com'],
			format: 'HTML',
			personal_message: 'oh hai there',
		});
		expect(world.sandbox.v2Campaign(id)?.testSends).toHaveLength(1);
	});

	test('the default format sends both versions', async () => {
		const id = world.draftCampaign('v2').campaignId;
		const [out] = jsonOf(await world.run(campaign('sendTest', id, { emailAddresses: 'ann@example.com' })));
		expect(out).toMatchObject({ format: 'HTML_AND_TEXT', email_addresses: ['ann@example.com'] });
	});

	test('6 addresses, a bad address or a 501-character message are refused before any request', async () => {
		const id = world.draftCampaign('v2').campaignId;
		const mark = world.mark;
		const six = Array.from({ length: 6 }, (_, n) => `r${n}@example.com`);
		let result = await world.run(campaign('sendTest', id, { emailAddresses: `={{ ${JSON.stringify(six)} }}` }));
		expect(result.error?.message).toBe('"Email Addresses" has 6 addresses; Constant Contact allows at most 5');
		result = await world.run(campaign('sendTest', id, { emailAddresses: 'ann@example' }));
		expect(result.error?.message).toBe('"Email Addresses" is not an email address: "ann@example"');
		result = await world.run(
			campaign('sendTest', id, {
				emailAddresses: 'ann@example.com',
				additionalFields: { personalMessage: 'x'.repeat(501) },
			}),
		);
		expect(result.error?.message).toBe(
			'"Personal Message" is 501 characters long; Constant Contact allows at most 500',
		);
		expect(world.mark).toBe(mark);
		expect(world.sandbox.v2Campaign(id)?.testSends).toEqual([]);
	});

	test('preview: the HTML and text versions', async () => {
		const [preview] = jsonOf(await world.run(campaign('getPreview', SENT)));
		expect(preview).toMatchObject({ campaign_id: SENT, subject: expect.any(String), from_email: expect.any(String) });
		expect(preview.preview_email_content).toContain('Visit ConstantContact.com!');
		expect(typeof preview.preview_text_content).toBe('string');
	});

	test('an unknown campaign gives a 404 that names it', async () => {
		for (const params of [
			campaign('getPreview', UNKNOWN),
			campaign('sendTest', UNKNOWN, { emailAddresses: 'ann@example.com' }),
			tracking('getSummary', UNKNOWN),
			tracking('getActivity', UNKNOWN, { trackingType: 'opens' }),
		]) {
			const result = await world.run(params);
			expect((result.error as { httpCode?: string }).httpCode).toBe('404');
			expect((result.error as { description?: string }).description).toContain(UNKNOWN);
		}
	});
});

describe('v2 tracking', () => {
	test('summary: the counts of a sent campaign', async () => {
		const [summary] = jsonOf(await world.run(tracking('getSummary', SENT)));
		expect(summary).toEqual({
			sends: 15,
			opens: 10,
			clicks: 10,
			forwards: 3,
			unsubscribes: 2,
			bounces: 18,
			campaign_id: Number(SENT),
		});
	});

	test('activity of every type: one item per record, as Constant Contact gives them', async () => {
		const expected: Record<string, string> = {
			sends: 'EMAIL_SEND',
			opens: 'EMAIL_OPEN',
			clicks: 'EMAIL_CLICK',
			bounces: 'EMAIL_BOUNCE',
			forwards: 'EMAIL_FORWARD',
			unsubscribes: 'EMAIL_UNSUBSCRIBE',
		};
		for (const [trackingType, activityType] of Object.entries(expected)) {
			const rows = jsonOf(await world.run(tracking('getActivity', SENT, { trackingType, returnAll: true })));
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows)
				expect(row).toMatchObject({ activity_type: activityType, email_address: expect.any(String) });
		}
	});

	test('Return All follows the v2 pages (next=<cursor>): 1,600 sends in 4 pages', async () => {
		const id = world.sentCampaign('v2', { audience: 1600 }).campaignId;
		const mark = world.mark;
		const result = await world.run(tracking('getActivity', id, { trackingType: 'sends', returnAll: true }));
		const rows = jsonOf(result);
		expect(rows).toHaveLength(1600);
		expect(new Set(rows.map((r) => r.email_address)).size).toBe(1600);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const pages = world.accepted('GET', /\/tracking\/sends$/, mark);
		expect(pages).toHaveLength(4);
		expect(pages[0].query).toMatchObject({ limit: '500' });
		for (const p of pages.slice(1)) expect(Object.keys(p.query).sort()).toEqual(['api_key', 'next']);
	});

	test('Limit and Created Since', async () => {
		const id = world.sentCampaign('v2', { audience: 30 }).campaignId;
		const mark = world.mark;
		const rows = jsonOf(await world.run(tracking('getActivity', id, { trackingType: 'sends', limit: 7 })));
		expect(rows).toHaveLength(7);
		expect(world.accepted('GET', /\/tracking\/sends$/, mark).map((r) => r.query.limit)).toEqual(['7']);

		const sentAt = Date.parse(String(rows[0].send_date));
		const later = await world.run(
			tracking('getActivity', id, {
				trackingType: 'sends',
				returnAll: true,
				filters: { createdSince: new Date(sentAt + 1000).toISOString() },
			}),
		);
		expect(jsonOf(later)).toEqual([]);
		const since = world.accepted('GET', /\/tracking\/sends$/, mark).pop();
		expect(since?.query.created_since).toBe(new Date(sentAt + 1000).toISOString());
		const earlier = jsonOf(
			await world.run(
				tracking('getActivity', id, {
					trackingType: 'sends',
					returnAll: true,
					filters: { createdSince: new Date(sentAt - 1000).toISOString() },
				}),
			),
		);
		expect(earlier).toHaveLength(30);
	});

	test('a created-since that is not a date is refused before any request', async () => {
		const mark = world.mark;
		const result = await world.run(
			tracking('getActivity', SENT, { trackingType: 'opens', filters: { createdSince: 'last tuesday' } }),
		);
		expect(result.error?.message).toBe('"Created Since" is not a date: "last tuesday"');
		expect(world.mark).toBe(mark);
	});
});
