/** Self-tests of the Constant Contact sandbox (plain fetch, no n8n). */
import * as crypto from 'crypto';
import { Sandbox } from './index';

jest.setTimeout(60000);

let sb: Sandbox;
let token: string;
const v3 = (p: string, init: RequestInit = {}, tok = token): Promise<Response> =>
	fetch(`${sb.v3BaseUrl}${p}`, {
		...init,
		headers: {
			authorization: `Bearer ${tok}`,
			'content-type': 'application/json',
			accept: 'application/json',
			...(init.headers ?? {}),
		},
	});
const v2 = (p: string, init: RequestInit = {}): Promise<Response> =>
	fetch(`${sb.v2BaseUrl}${p}${p.includes('?') ? '&' : '?'}api_key=${sb.secrets.v2ApiKey}`, {
		...init,
		headers: {
			authorization: `Bearer ${sb.secrets.v2AccessToken}`,
			'content-type': 'application/json',
			...(init.headers ?? {}),
		},
	});
const FROM = 'test123@roving.com';

beforeAll(async () => {
	sb = await Sandbox.start({ rateLimitPerSecond: false });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => {
	sb.reset();
	token = sb.issueTokens().access_token;
});
afterEach(() => {
	expect(sb.responseViolations).toEqual([]);
});

describe('auth', () => {
	test('v3 needs a valid, unexpired bearer token', async () => {
		let r = await fetch(`${sb.v3BaseUrl}/emails`);
		expect(r.status).toBe(401);
		expect((await r.json()) as any).toEqual([{ error_key: 'unauthorized', error_message: 'Unauthorized' }]);
		r = await v3('/emails', {}, 'bogus');
		expect(r.status).toBe(401);
		expect((await v3('/emails')).status).toBe(200);
		sb.expireAccessTokens();
		expect((await v3('/emails')).status).toBe(401);
	});
	test('v2 needs both api_key and bearer token', async () => {
		let r = await fetch(`${sb.v2BaseUrl}/account/info?api_key=${sb.secrets.v2ApiKey}`);
		expect(r.status).toBe(401);
		const body = (await r.json()) as any;
		expect(Array.isArray(body) && body[0].error_key).toBeTruthy();
		r = await fetch(`${sb.v2BaseUrl}/account/info`, {
			headers: { authorization: `Bearer ${sb.secrets.v2AccessToken}` },
		});
		expect(r.status).toBe(401);
		expect((await v2('/account/info')).status).toBe(200);
	});
	test('406 and 415', async () => {
		expect((await v3('/emails', { headers: { accept: 'text/html' } })).status).toBe(406);
		const r = await v2('/emailmarketing/campaigns', {
			method: 'POST',
			body: 'x',
			headers: { 'content-type': 'text/plain' },
		});
		expect(r.status).toBe(415);
	});
});

describe('v3 campaign lifecycle', () => {
	test('create -> put lists -> schedule -> EXECUTING -> DONE, resend only to new contacts', async () => {
		let r = await v3('/emails', {
			method: 'POST',
			body: JSON.stringify({
				name: 'Spring sale',
				email_campaign_activities: [
					{
						format_type: 5,
						from_name: 'Shop',
						from_email: FROM,
						reply_to_email: FROM,
						subject: 'Sale',
						html_content: '<html><body>[[trackingImage]]Hi</body></html>',
					},
				],
			}),
		});
		expect(r.status).toBe(200);
		const camp = (await r.json()) as any;
		expect(camp.current_status).toBe('Draft');
		const roles = camp.campaign_activities.map((a: any) => a.role).sort();
		expect(roles).toEqual(['permalink', 'primary_email']);
		const aid = camp.campaign_activities.find((a: any) => a.role === 'primary_email').campaign_activity_id;

		// duplicate name
		r = await v3('/emails', {
			method: 'POST',
			body: JSON.stringify({
				name: 'Spring sale',
				email_campaign_activities: [
					{
						format_type: 5,
						from_name: 'S',
						from_email: FROM,
						reply_to_email: FROM,
						subject: 'S',
						html_content: '[[trackingImage]]',
					},
				],
			}),
		});
		expect(r.status).toBe(409);

		// scheduling without recipients fails with a clear message
		r = await v3(`/emails/activities/${aid}/schedules`, {
			method: 'POST',
			body: JSON.stringify({ scheduled_date: '0' }),
		});
		expect(r.status).toBe(400);
		expect(((await r.json()) as any)[0].error_message).toMatch(/contact_list_ids/);

		const listId = [...sb.state.v3.lists.values()][0].list_id;
		r = await v3(`/emails/activities/${aid}`, {
			method: 'PUT',
			body: JSON.stringify({
				from_name: 'Shop',
				from_email: FROM,
				reply_to_email: FROM,
				subject: 'Sale!',
				contact_list_ids: [listId],
			}),
		});
		expect(r.status).toBe(200);
		const act = (await r.json()) as any;
		expect(act.html_content).toContain('[[trackingImage]]'); // omitted subresource kept

		const when = new Date(sb.clock.now() + 3600_000).toISOString();
		r = await v3(`/emails/activities/${aid}/schedules`, {
			method: 'POST',
			body: JSON.stringify({ scheduled_date: when }),
		});
		expect(r.status).toBe(201);
		expect((await r.json()) as any).toEqual([{ scheduled_date: expect.any(String) }]);
		expect(((await (await v3(`/emails/${camp.campaign_id}`)).json()) as any).current_status).toBe('Scheduled');
		expect((await v3(`/emails/${camp.campaign_id}`, { method: 'DELETE' })).status).toBe(409);

		sb.clock.advance(3600_000 + 10);
		expect(((await (await v3(`/emails/activities/${aid}`)).json()) as any).current_status).toBe('EXECUTING');
		sb.clock.advance(5000);
		expect(((await (await v3(`/emails/activities/${aid}`)).json()) as any).current_status).toBe('DONE');
		expect(((await (await v3(`/emails/${camp.campaign_id}`)).json()) as any).current_status).toBe('Done');
		const sent = sb.state.v3.activities.get(aid)!.sendLog.length;
		expect(sent).toBe(17);

		// resend (DONE -> scheduled again): nobody gets it twice; a new contact does
		const extra = await v3('/contacts/sign_up_form', {
			method: 'POST',
			body: JSON.stringify({ email_address: 'new.person@example.com', list_memberships: [listId] }),
		});
		expect(extra.status).toBe(201);
		r = await v3(`/emails/activities/${aid}/schedules`, {
			method: 'POST',
			body: JSON.stringify({ scheduled_date: '0' }),
		});
		expect(r.status).toBe(201);
		sb.clock.advance(5000);
		const log = sb.state.v3.activities.get(aid)!.sendLog;
		expect(log.length).toBe(18);
		expect(new Set(log.map((s) => s.contactId)).size).toBe(18);
		const hist = (await (await v3(`/emails/activities/${aid}/send_history`)).json()) as any;
		expect(hist.map((h: any) => h.count)).toEqual([17, 1]);
	});

	test('unschedule goes back to the previous status; past dates refused', async () => {
		const listId = [...sb.state.v3.lists.values()][0].list_id;
		const [c] = sb.draftCampaigns('v3', 1, { lists: [listId] });
		const aid = c.activityId;
		let r = await v3(`/emails/activities/${aid}/schedules`, {
			method: 'POST',
			body: JSON.stringify({ scheduled_date: '2001-01-01T00:00:00.000Z' }),
		});
		expect(r.status).toBe(400);
		r = await v3(`/emails/activities/${aid}/schedules`, {
			method: 'POST',
			body: JSON.stringify({ scheduled_date: new Date(sb.clock.now() + 86400_000).toISOString() }),
		});
		expect(r.status).toBe(201);
		expect(((await (await v3(`/emails/activities/${aid}/schedules`)).json()) as any).length).toBe(1);
		expect((await v3(`/emails/activities/${aid}/schedules`, { method: 'DELETE' })).status).toBe(204);
		expect(((await (await v3(`/emails/activities/${aid}`)).json()) as any).current_status).toBe('DRAFT');
		expect((await v3(`/emails/${c.campaignId}`, { method: 'DELETE' })).status).toBe(204);
		expect(((await (await v3(`/emails/${c.campaignId}`)).json()) as any).current_status).toBe('Removed');
		expect((await v3(`/emails/activities/${aid}`)).status).toBe(404);
	});
});

describe('v2 campaign lifecycle', () => {
	const body = (name: string) => ({
		name,
		subject: 'Hello',
		from_name: 'Shop',
		from_email: FROM,
		reply_to_email: FROM,
		email_content: '<html><body>Hi</body></html>',
		email_content_format: 'HTML',
		text_content: 'Hi',
		sent_to_contact_lists: [{ id: '1' }],
	});
	test('create -> schedule -> RUNNING -> SENT', async () => {
		let r = await v2('/emailmarketing/campaigns', {
			method: 'POST',
			body: JSON.stringify({ ...body('v2 one'), from_email: 'nope' }),
		});
		expect(r.status).toBe(400);
		r = await v2('/emailmarketing/campaigns', { method: 'POST', body: JSON.stringify(body('v2 one')) });
		expect(r.status).toBe(201);
		const c = (await r.json()) as any;
		expect(c.status).toBe('DRAFT');
		r = await v2(`/emailmarketing/campaigns/${c.id}/schedules`, {
			method: 'POST',
			body: JSON.stringify({ scheduled_date: new Date(sb.clock.now() + 60_000).toISOString() }),
		});
		expect(r.status).toBe(201);
		const s = (await r.json()) as any;
		expect(s).toEqual({ id: expect.anything(), scheduled_date: expect.any(String) });
		r = await v2(`/emailmarketing/campaigns/${c.id}/schedules`, { method: 'POST', body: JSON.stringify({}) });
		expect(r.status).toBe(400); // only one schedule
		expect((await v2(`/emailmarketing/campaigns/${c.id}`, { method: 'DELETE' })).status).toBe(400);
		sb.clock.advance(60_000 + 1);
		expect(((await (await v2(`/emailmarketing/campaigns/${c.id}`)).json()) as any).status).toBe('RUNNING');
		sb.clock.advance(5000);
		const done = (await (await v2(`/emailmarketing/campaigns/${c.id}`)).json()) as any;
		expect(done.status).toBe('SENT');
		expect(done.tracking_summary.sends).toBe(17);
		expect((await (await v2(`/emailmarketing/campaigns/${c.id}/schedules`)).json()) as any).toEqual([]);
		const sends = (await (await v2(`/emailmarketing/campaigns/${c.id}/tracking/sends?limit=5`)).json()) as any;
		expect(sends.results).toHaveLength(5);
		expect(sends.meta.pagination.next_link).toMatch(/^\/v2\/emailmarketing\/campaigns\/\d+\/tracking\/sends\?next=/);
	});
	test('PUT replaces the whole campaign; DELETE hides it', async () => {
		const c = (await (
			await v2('/emailmarketing/campaigns', {
				method: 'POST',
				body: JSON.stringify({ ...body('v2 two'), greeting_string: 'Dear' }),
			})
		).json()) as any;
		const { subject, ...noSubject } = body('v2 two');
		void subject;
		expect(
			(await v2(`/emailmarketing/campaigns/${c.id}`, { method: 'PUT', body: JSON.stringify(noSubject) })).status,
		).toBe(400);
		const r = await v2(`/emailmarketing/campaigns/${c.id}`, {
			method: 'PUT',
			body: JSON.stringify(body('v2 two renamed')),
		});
		expect(r.status).toBe(200);
		expect(((await r.json()) as any).greeting_string).toBeUndefined();
		expect((await v2(`/emailmarketing/campaigns/${c.id}`, { method: 'DELETE' })).status).toBe(204);
		expect((await v2(`/emailmarketing/campaigns/${c.id}`)).status).toBe(404);
		const all = (await (await v2('/emailmarketing/campaigns?limit=500')).json()) as any;
		expect(all.results.some((x: any) => x.id === c.id)).toBe(false);
		const del = (await (await v2('/emailmarketing/campaigns?status=DELETED')).json()) as any;
		expect(del.results.some((x: any) => x.id === c.id)).toBe(true);
	});
});

describe('pagination', () => {
	test('v3 cursor pagination over > 3 pages', async () => {
		const total = sb.state.v3.campaigns.size + 130;
		sb.draftCampaigns('v3', 130);
		const seen = new Set<string>();
		let href: string | undefined = '/v3/emails?limit=40';
		let pages = 0;
		while (href) {
			const r: Response = await fetch(sb.url + href, { headers: { authorization: `Bearer ${token}` } });
			expect(r.status).toBe(200);
			const b: any = (await r.json()) as any;
			b.campaigns.forEach((c: any) => seen.add(c.campaign_id));
			href = b._links?.next?.href;
			if (href) expect(href).toMatch(/^\/v3\/emails\?cursor=[^&]+&limit=40$/);
			pages++;
		}
		expect(pages).toBeGreaterThan(3);
		expect(seen.size).toBe(total);
	});
	test('v2 next-link pagination over > 3 pages', async () => {
		const before = ((await (await v2('/emailmarketing/campaigns?limit=500')).json()) as any).results.length;
		sb.draftCampaigns('v2', 130);
		const seen = new Set<string>();
		let link: string | undefined = '/v2/emailmarketing/campaigns?limit=40';
		let pages = 0;
		while (link) {
			const r: Response = await fetch(`${sb.url}${link}&api_key=${sb.secrets.v2ApiKey}`, {
				headers: { authorization: `Bearer ${sb.secrets.v2AccessToken}` },
			});
			expect(r.status).toBe(200);
			const b: any = (await r.json()) as any;
			b.results.forEach((c: any) => seen.add(c.id));
			link = b.meta.pagination.next_link;
			if (link) expect(link).toMatch(/^\/v2\/emailmarketing\/campaigns\?next=[^&]+$/);
			pages++;
		}
		expect(pages).toBeGreaterThan(3);
		expect(seen.size).toBe(before + 130);
	});
	// How fast is the benchmark's business (npm run bench), not a test's.
	test('25,000 campaigns: every one is paged, 500 at a time', async () => {
		sb.draftCampaigns('v3', 25000);
		let href: string | undefined = '/v3/emails?limit=500';
		let n = 0;
		let pages = 0;
		while (href) {
			const b: any = (await (
				await fetch(sb.url + href, { headers: { authorization: `Bearer ${token}` } })
			).json()) as any;
			n += b.campaigns.length;
			pages++;
			href = b._links?.next?.href;
		}
		expect(n).toBe(sb.state.v3.campaigns.size);
		expect(pages).toBe(Math.ceil(n / 500));
	});
});

describe('rate limits', () => {
	let limited: Sandbox;
	beforeAll(async () => {
		limited = await Sandbox.start();
	});
	afterAll(async () => {
		await limited.close();
	});
	test('v3: 5th request within a second gets 429 throttled, no Retry-After', async () => {
		const t = limited.issueTokens().access_token;
		const rs = await Promise.all(
			Array.from({ length: 6 }, () =>
				fetch(`${limited.v3BaseUrl}/emails?limit=1`, { headers: { authorization: `Bearer ${t}` } }),
			),
		);
		const codes = rs.map((r) => r.status).sort();
		expect(codes).toEqual([200, 200, 200, 200, 429, 429]);
		const r429 = rs.find((r) => r.status === 429)!;
		expect(r429.headers.get('retry-after')).toBeNull();
		expect((await r429.json()) as any).toEqual({ error_key: 'throttled', error_message: expect.any(String) });
		await new Promise((r) => setTimeout(r, 1050));
		expect(
			(await fetch(`${limited.v3BaseUrl}/emails?limit=1`, { headers: { authorization: `Bearer ${t}` } })).status,
		).toBe(200);
		expect(limited.maxRequestsInAnyWindow(1000, (r) => r.status === 200)).toBeLessThanOrEqual(4);
	});
	test('v2: over-qps is 403 mashery.not.authorized.over.qps', async () => {
		await new Promise((r) => setTimeout(r, 1050));
		const rs = await Promise.all(
			Array.from({ length: 5 }, () =>
				fetch(`${limited.v2BaseUrl}/account/info?api_key=${limited.secrets.v2ApiKey}`, {
					headers: { authorization: `Bearer ${limited.secrets.v2AccessToken}` },
				}),
			),
		);
		const refused = rs.filter((r) => r.status === 403);
		expect(refused).toHaveLength(1);
		expect((await refused[0].json()) as any).toEqual([
			{ error_key: 'mashery.not.authorized.over.qps', error_message: 'Account Over Queries Per Second Limit' },
		]);
	});
});

describe('OAuth2', () => {
	const redirect = 'http://localhost:5678/rest/oauth2-credential/callback';
	async function authorize(extra: Record<string, string>): Promise<string> {
		const q = new URLSearchParams({
			response_type: 'code',
			client_id: sb.secrets.clientId,
			redirect_uri: redirect,
			scope: 'campaign_data offline_access',
			state: 'xyz',
			...extra,
		});
		const page = await fetch(`${sb.oauthBaseUrl}/authorize?${q}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('id="approve"');
		const r = await fetch(`${sb.oauthBaseUrl}/authorize`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...Object.fromEntries(q), decision: 'allow' }).toString(),
		});
		expect(r.status).toBe(302);
		const loc = new URL(r.headers.get('location')!);
		expect(loc.searchParams.get('state')).toBe('xyz');
		return loc.searchParams.get('code')!;
	}
	const basic = () => 'Basic ' + Buffer.from(`${sb.secrets.clientId}:${sb.secrets.clientSecret}`).toString('base64');
	const token = (form: Record<string, string>) =>
		fetch(`${sb.oauthBaseUrl}/token`, {
			method: 'POST',
			headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(form).toString(),
		});

	test('unknown client gets an error page', async () => {
		const r = await fetch(
			`${sb.oauthBaseUrl}/authorize?response_type=code&client_id=nope&redirect_uri=${encodeURIComponent(redirect)}`,
		);
		expect(r.status).toBe(400);
	});
	test('PKCE code exchange, refresh rotation, expiry', async () => {
		const verifier = crypto.randomBytes(32).toString('base64url');
		const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
		let code = await authorize({ code_challenge: challenge, code_challenge_method: 'S256' });
		let r = await token({ grant_type: 'authorization_code', code, redirect_uri: redirect, code_verifier: 'wrong' });
		expect(r.status).toBe(400);
		expect(((await r.json()) as any).error).toBe('invalid_grant');
		code = await authorize({ code_challenge: challenge, code_challenge_method: 'S256' });
		r = await token({ grant_type: 'authorization_code', code, redirect_uri: redirect, code_verifier: verifier });
		expect(r.status).toBe(200);
		const t1 = (await r.json()) as any;
		expect(t1).toMatchObject({ token_type: 'Bearer', expires_in: 86400, scope: 'campaign_data offline_access' });
		expect(
			(await token({ grant_type: 'authorization_code', code, redirect_uri: redirect, code_verifier: verifier })).status,
		).toBe(400); // single use
		expect((await v3('/emails?limit=1', {}, t1.access_token)).status).toBe(200);
		sb.clock.advance(86400_000 + 1);
		expect((await v3('/emails?limit=1', {}, t1.access_token)).status).toBe(401);
		r = await token({ grant_type: 'refresh_token', refresh_token: t1.refresh_token });
		expect(r.status).toBe(200);
		const t2 = (await r.json()) as any;
		expect(t2.refresh_token).not.toBe(t1.refresh_token);
		expect((await v3('/emails?limit=1', {}, t2.access_token)).status).toBe(200);
		r = await token({ grant_type: 'refresh_token', refresh_token: t1.refresh_token });
		expect(r.status).toBe(400);
		expect(((await r.json()) as any).error).toBe('invalid_grant');
		// client credentials in the body work too
		r = await fetch(`${sb.oauthBaseUrl}/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				refresh_token: t2.refresh_token,
				client_id: sb.secrets.clientId,
				client_secret: sb.secrets.clientSecret,
			}).toString(),
		});
		expect(r.status).toBe(200);
	});
	test('no refresh token without offline_access', async () => {
		const code = await authorize({ scope: 'campaign_data' });
		const t = (await (await token({ grant_type: 'authorization_code', code, redirect_uri: redirect })).json()) as any;
		expect(t.refresh_token).toBeUndefined();
	});
});

describe('contract', () => {
	test('a request the contract rejects gets 400 and is recorded', async () => {
		const r = await v3('/emails', {
			method: 'POST',
			body: JSON.stringify({ name: 'x'.repeat(81), email_campaign_activities: [] }),
		});
		expect(r.status).toBe(400);
		const b = (await r.json()) as any;
		expect(b[0]).toEqual({ error_key: expect.any(String), error_message: expect.stringMatching(/name/) });
		expect(sb.contractViolations).toHaveLength(1);
		expect(sb.contractViolations[0]).toMatchObject({ method: 'POST', path: '/v3/emails' });
	});
	test('faults: one-shot 5xx and lost response after processing', async () => {
		sb.injectFault({ kind: '5xx', status: 503, path: /\/v3\/emails$/, method: 'GET' });
		expect((await v3('/emails')).status).toBe(503);
		expect((await v3('/emails')).status).toBe(200);
		sb.injectFault({ kind: '5xx', afterProcessing: true, method: 'PATCH' });
		const c = sb.draftCampaign('v3');
		expect(
			(await v3(`/emails/${c.campaignId}`, { method: 'PATCH', body: JSON.stringify({ name: 'Renamed' }) })).status,
		).toBe(503);
		expect(sb.state.v3.campaigns.get(c.campaignId)!.name).toBe('Renamed');
	});
});

describe('seeding (what tests set up without a request)', () => {
	test('lists and contacts: both APIs see them, with their members; nothing is requested', async () => {
		const [list, other] = sb.addLists(2, { name: 'Seeded', contacts: 3 });
		const [extra] = sb.addContacts(1, { lists: [list, other.v2Id], status: 'unsubscribed', firstName: 'Ann' });
		expect(sb.requests).toEqual([]);
		const v3List = (await (await v3(`/contact_lists/${list.v3Id}?include_membership_count=all`)).json()) as any;
		expect(v3List).toMatchObject({ list_id: list.v3Id, name: 'Seeded 1', membership_count: 4 });
		const v2List = (await (await v2(`/lists/${list.v2Id}`)).json()) as any;
		expect(v2List).toMatchObject({ id: list.v2Id, name: 'Seeded 1', contact_count: 4 });
		const members = (await (await v3(`/contacts?lists=${other.v3Id}&status=all&limit=500`)).json()) as any;
		expect(members.contacts.map((c: any) => c.contact_id)).toContain(extra.contactId);
		expect(members.contacts).toHaveLength(4);
		expect(sb.contact(extra.contactId)).toMatchObject({
			email: extra.email,
			first_name: 'Ann',
			status: 'unsubscribed',
		});
		expect(() => sb.addContacts(1, { lists: ['no-such-list'] })).toThrow(/no contact list "no-such-list"/);
	});

	test('a v3 draft is what the API shows for one it created: valid, schedulable once it has lists', async () => {
		const [list] = sb.addLists(1, { contacts: 2 });
		const draft = sb.draftCampaign('v3', { name: 'Seeded draft', html: '<p>Hi</p>', lists: [list] });
		const campaign = (await (await v3(`/emails/${draft.campaignId}`)).json()) as any;
		expect(campaign).toMatchObject({ name: 'Seeded draft', current_status: 'Draft' });
		expect(campaign.campaign_activities).toContainEqual({
			campaign_activity_id: draft.activityId,
			role: 'primary_email',
		});
		const activity = (await (await v3(`/emails/activities/${draft.activityId}?include=html_content`)).json()) as any;
		expect(activity).toMatchObject({ contact_list_ids: [list.v3Id], from_email: sb.verifiedEmails()[0] });
		expect(activity.html_content).toContain('[[trackingImage]]');
		expect(sb.responseViolations).toEqual([]);
		expect(
			(
				await v3(`/emails/activities/${draft.activityId}/schedules`, {
					method: 'POST',
					body: JSON.stringify({ scheduled_date: '0' }),
				})
			).status,
		).toBe(201);
		expect(() => sb.draftCampaign('v3', { name: 'Seeded draft' })).toThrow(/exists already/);
	});

	test('a v2 draft with a v3 twin: both ids answer, the xref joins them', async () => {
		const draft = sb.draftCampaign('v2', { lists: [sb.contactLists()[0].v2Id], v3Twin: true });
		expect(((await (await v2(`/emailmarketing/campaigns/${draft.campaignId}`)).json()) as any).status).toBe('DRAFT');
		const xref = sb.xref(draft.campaignId)!;
		const rows = (await (
			await v3(`/emails/campaign_id_xrefs?v2_email_campaign_ids=${draft.campaignId}`)
		).json()) as any;
		expect(rows.xrefs).toEqual([{ v2_email_campaign_id: draft.campaignId, ...xref }]);
		expect((await v3(`/emails/${xref.campaign_id}`)).status).toBe(200);
	});

	test('draftCampaigns: names "<prefix> i", distinct dates, newest last', () => {
		const drafts = sb.draftCampaigns('v3', 3, { prefix: 'Row' });
		expect(drafts.map((d) => d.name)).toEqual(['Row 1', 'Row 2', 'Row 3']);
		const dates = drafts.map((d) => sb.v3Campaign(d.campaignId)!.updatedMs);
		expect(dates).toEqual([...dates].sort((a, b) => a - b));
		expect(new Set(dates).size).toBe(3);
		expect(sb.draftCampaigns('v2', 2, { prefix: 'Row' }).map((d) => d.name)).toEqual(['Row 1', 'Row 2']);
		expect(sb.draftCampaigns('v3', 1, { prefix: 'Row' }).map((d) => d.name)).toEqual(['Row 1+']);
	});

	test.each(['v3', 'v2'] as const)(
		'a %s campaign sent days ago: delivered to its audience then, as a send through the API is',
		async (api) => {
			const now = sb.clock.now();
			const sent = sb.sentCampaign(api, { audience: 5, daysAgo: 2 });
			expect(sent.sentAt).toBeLessThanOrEqual(now - 2 * 86_400_000 + 1000);
			expect(sent.lists).toHaveLength(1);
			const log = sb.sendLog().filter((s) => s.campaignId === sent.campaignId);
			expect(log).toHaveLength(5);
			expect(log.every((s) => s.sentAt === sent.sentAt)).toBe(true);
			if (api === 'v3') {
				expect(sb.v3Activity(sent.activityId!)?.current_status).toBe('DONE');
				const history = (await (await v3(`/emails/activities/${sent.activityId}/send_history`)).json()) as any;
				expect(history.map((h: any) => h.count)).toEqual([5]);
			} else {
				expect(sb.v2Campaign(sent.campaignId)?.status).toBe('SENT');
				const sends = (await (await v2(`/emailmarketing/campaigns/${sent.campaignId}/tracking/sends`)).json()) as any;
				expect(sends.results).toHaveLength(5);
			}
			expect(() => sb.sentCampaign(api, {})).toThrow(/audience/);
		},
	);
});
