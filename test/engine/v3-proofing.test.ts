import { campaignActivity, DAY, jsonOf, scheduleCreate, useWorld } from './world';

const world = useWorld();

/** A new draft v3 campaign; returns its primary email's activity id. */
const draftActivity = (html = '<p>Roses are in.</p>') =>
	world.draftCampaign('v3', { subject: 'Roses', fromName: 'Garden Shop', html }).activityId;

describe('v3 campaign activity: send test', () => {
	test('sends to the addresses with the personal message (204) and says what it sent', async () => {
		const id = draftActivity();
		const mark = world.mark;
		const [out] = jsonOf(
			await world.run(
				campaignActivity(id, 'sendTest', {
					emailAddresses: 'ann@example.com, bob@example.com',
					additionalFields: { personalMessage: 'Check the photos' },
				}),
			),
		);
		expect(out).toEqual({
			success: true,
			campaign_activity_id: id,
			email_addresses: ['ann@example.com', 'bob@example.com'],
			personal_message: 'Check the photos',
		});
		const posts = world.accepted('POST', /\/tests$/, mark);
		expect(posts.map((p) => [p.path, p.status])).toEqual([[`/v3/emails/activities/${id}/tests`, 204]]);
		expect(world.sandbox.v3Activity(id)?.testSends.map((t) => t.body)).toEqual([
			{ email_addresses: ['ann@example.com', 'bob@example.com'], personal_message: 'Check the photos' },
		]);
	});

	test('addresses can come as an array from an expression, one test per input item', async () => {
		const id = draftActivity();
		const result = await world.run(campaignActivity(id, 'sendTest', { emailAddresses: '={{ $json.reviewers }}' }), {
			input: [{ reviewers: ['ann@example.com'] }, { reviewers: ['bob@example.com', 'cy@example.com'] }],
		});
		expect(jsonOf(result).map((o) => o.email_addresses)).toEqual([
			['ann@example.com'],
			['bob@example.com', 'cy@example.com'],
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(world.sandbox.v3Activity(id)?.testSends).toHaveLength(2);
	});

	test('6 addresses, a bad address or none are refused before anything is sent', async () => {
		const id = draftActivity();
		const mark = world.mark;
		const six = Array.from({ length: 6 }, (_, n) => `r${n}@example.com`).join(',');
		let result = await world.run(campaignActivity(id, 'sendTest', { emailAddresses: six }));
		expect(result.error?.message).toBe('"Email Addresses" has 6 addresses; Constant Contact allows at most 5');
		result = await world.run(
			campaignActivity(id, 'sendTest', { emailAddresses: 'ann@example.com, bob(at)example.com' }),
		);
		expect(result.error?.message).toBe('"Email Addresses" is not an email address: "bob(at)example.com"');
		result = await world.run(campaignActivity(id, 'sendTest', { emailAddresses: ' , ' }));
		expect(result.error?.message).toBe('"Email Addresses" is required');
		expect(world.mark).toBe(mark);
		expect(world.sandbox.v3Activity(id)?.testSends).toEqual([]);
	});

	test('an unknown activity gives a 404 that names it', async () => {
		const id = '00000000-0000-4000-8000-000000000000';
		const result = await world.run(campaignActivity(id, 'sendTest', { emailAddresses: 'ann@example.com' }));
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
		expect((result.error as { description?: string }).description).toContain(id);
	});

	test('the API itself refuses more than 5 addresses', async () => {
		const id = draftActivity();
		const response = await world.callV3(`/emails/activities/${id}/tests`, {
			method: 'POST',
			body: { email_addresses: Array.from({ length: 6 }, (_, n) => `r${n}@example.com`) },
		});
		expect(response.status).toBe(400);
		world.sandbox.contractViolations.length = 0; // this request broke the contract on purpose
	});
});

describe('v3 campaign activity: preview and send history', () => {
	test('preview: the email in HTML and text, with the sender and subject', async () => {
		const id = draftActivity('<html><body><h1>Roses</h1><p>Fresh today.</p></body></html>');
		const [preview] = jsonOf(await world.run(campaignActivity(id, 'getPreview')));
		expect(preview).toMatchObject({
			campaign_activity_id: id,
			subject: 'Roses',
			from_name: 'Garden Shop',
			from_email: world.verifiedEmail(),
		});
		expect(preview.preview_html_content).toContain('<h1>Roses</h1>');
		expect(preview.preview_html_content).not.toContain('[[trackingImage]]');
		expect(preview.preview_text_content).toBe('Roses Fresh today.');
	});

	test('send history: one item per send, a resend reaching only new contacts', async () => {
		const id = draftActivity();
		const v3ListId = world.addLists(1, { contacts: 12 })[0].v3Id;
		jsonOf(await world.run(campaignActivity(id, 'update', { updateFields: { contactListIds: [v3ListId] } })));
		expect(jsonOf(await world.run(campaignActivity(id, 'getSendHistory')))).toEqual([]);
		const sendNow = scheduleCreate(id, { scheduleType: 'now' });
		jsonOf(await world.run(sendNow));
		world.sandbox.clock.advance(DAY);
		const more = world.addLists(1, { contacts: 5 })[0].v3Id;
		jsonOf(await world.run(campaignActivity(id, 'update', { updateFields: { contactListIds: [v3ListId, more] } })));
		jsonOf(await world.run(sendNow));
		world.sandbox.clock.advance(DAY);

		const result = await world.run(campaignActivity(id, 'getSendHistory'));
		const sends = jsonOf(result);
		expect(sends.map((s) => [s.send_id, s.count, s.send_status])).toEqual([
			[1, 12, 'COMPLETED'],
			[2, 5, 'COMPLETED'],
		]);
		expect(sends[1]).toMatchObject({ campaign_activity_id: id, contact_list_ids: [v3ListId, more], reason_code: 0 });
		expect(sends[0].run_date).toMatch(/Z$/);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('an unknown activity gives a 404 that names it', async () => {
		const id = '00000000-0000-4000-8000-000000000000';
		for (const operation of ['getPreview', 'getSendHistory']) {
			const result = await world.run(campaignActivity(id, operation));
			expect((result.error as { httpCode?: string }).httpCode).toBe('404');
			expect((result.error as { description?: string }).description).toContain(id);
		}
	});
});
