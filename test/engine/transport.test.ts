import { DateTime } from 'luxon';

import { byId, jsonOf, uniqueName, v2, v3, World } from './world';

let world: World;
beforeAll(async () => {
	world = await World.start();
});
afterAll(async () => await world.close());

describe('retries', () => {
	test('a GET answered 503 twice is retried and succeeds', async () => {
		const id = world.draftCampaign('v3').campaignId;
		world.sandbox.injectFault({ kind: 'status', status: 503, count: 2, method: 'GET', path: /^\/v3\/emails\// });
		const mark = world.mark;
		const [c] = jsonOf(await world.run({ ...v3, resource: 'campaign', operation: 'get', campaignId: byId(id) }));
		expect(c.campaign_id).toBe(id);
		expect(world.requests('GET', /^\/v3\/emails\//, mark).map((r) => r.status)).toEqual([503, 503, 200]);
	});

	test('a GET whose connection is reset is retried', async () => {
		const id = world.draftCampaign('v3').campaignId;
		world.sandbox.injectFault({ kind: 'reset', count: 1, method: 'GET', path: /^\/v3\/emails\// });
		const [c] = jsonOf(await world.run({ ...v3, resource: 'campaign', operation: 'get', campaignId: byId(id) }));
		expect(c.campaign_id).toBe(id);
	});

	test('a POST answered 429 is retried (it was not processed) and creates one campaign', async () => {
		world.sandbox.injectFault({ kind: 'throttle', count: 2, method: 'POST', path: /^\/v3\/emails$/ });
		const name = uniqueName('Throttled');
		const mark = world.mark;
		const [c] = jsonOf(
			await world.run({
				...v3,
				resource: 'campaign',
				operation: 'create',
				name,
				subject: 's',
				fromName: 'f',
				fromEmail: world.verifiedEmail(),
				replyToEmail: world.verifiedEmail(),
				htmlContent: '<p>x</p>',
			}),
		);
		expect(c.name).toBe(name);
		expect(world.requests('POST', /^\/v3\/emails$/, mark).map((r) => r.status)).toEqual([429, 429, 200]);
		expect(world.sandbox.v3Campaigns().filter((x) => x.name === name)).toHaveLength(1);
	});

	test('a v2 POST refused as over-qps is retried; a POST answered 503 is not', async () => {
		world.sandbox.injectFault({ kind: 'throttle', count: 1, method: 'POST', path: /\/schedules$/ });
		const v2Campaign = () => world.draftCampaign('v2', { lists: world.v2ListIds().slice(0, 1) }).campaignId;
		const first = v2Campaign();
		let mark = world.mark;
		jsonOf(
			await world.run({
				...v2,
				resource: 'schedule',
				operation: 'create',
				campaignId: byId(first),
				scheduleType: 'date',
				scheduledDate: DateTime.utc().plus({ days: 2 }).toISO(),
			}),
		);
		expect(world.requests('POST', /\/schedules$/, mark).map((r) => r.status)).toEqual([403, 201]);

		const second = v2Campaign();
		world.sandbox.injectFault({ kind: 'status', status: 503, count: 1, method: 'POST', path: /\/schedules$/ });
		mark = world.mark;
		const result = await world.run({
			...v2,
			resource: 'schedule',
			operation: 'create',
			campaignId: byId(second),
			scheduleType: 'now',
		});
		expect((result.error as { httpCode?: string }).httpCode).toBe('503');
		expect(world.requests('POST', /\/schedules$/, mark)).toHaveLength(1);
	});

	test('a POST whose connection is reset is not repeated and says to check', async () => {
		world.sandbox.injectFault({ kind: 'reset', count: 1, method: 'POST', path: /^\/v3\/emails$/ });
		const mark = world.mark;
		const result = await world.run({
			...v3,
			resource: 'campaign',
			operation: 'create',
			name: uniqueName('Reset'),
			subject: 's',
			fromName: 'f',
			fromEmail: world.verifiedEmail(),
			replyToEmail: world.verifiedEmail(),
			htmlContent: '<p>x</p>',
		});
		expect((result.error as { description?: string }).description).toMatch(
			/not known whether the request was processed/,
		);
		expect(world.requests('POST', /^\/v3\/emails$/, mark)).toHaveLength(1);
	});
});

describe('OAuth2 token expiry', () => {
	test('an expired access token is refreshed through n8n and the request repeated', async () => {
		const id = world.draftCampaign('v3').campaignId;
		const credentials = world.v3Credentials();
		const oldRefresh = (credentials.oauthTokenData as { refresh_token: string }).refresh_token;
		world.sandbox.expireAccessTokens();
		const mark = world.mark;
		const result = await world.run(
			{ ...v3, resource: 'campaign', operation: 'get', campaignId: byId(id) },
			{ credentials: { constantContactOAuth2Api: credentials } },
		);
		expect(jsonOf(result)[0].campaign_id).toBe(id);
		// The node's request is answered 401; it is sent again through n8n's OAuth2 path, which
		// refreshes the token on that 401 and repeats the request with the new one.
		expect(world.acceptedSince(mark).map((r) => `${r.api} ${r.status}`)).toEqual([
			'v3 401',
			'v3 401',
			'oauth 200',
			'v3 200',
		]);
		const token = (result.credentialStore.get('constantContactOAuth2Api')?.oauthTokenData ?? {}) as {
			refresh_token?: string;
		};
		expect(token.refresh_token).toBeTruthy();
		expect(token.refresh_token).not.toBe(oldRefresh);
	});

	test('a revoked refresh token asks the user to reconnect', async () => {
		const id = world.draftCampaign('v3').campaignId;
		const credentials = world.v3Credentials({
			oauthTokenData: { access_token: 'revoked', refresh_token: 'revoked', token_type: 'Bearer' },
		});
		const result = await world.run(
			{ ...v3, resource: 'campaign', operation: 'get', campaignId: byId(id) },
			{ credentials: { constantContactOAuth2Api: credentials } },
		);
		expect(result.error).toBeDefined();
		expect(`${result.error?.message} ${(result.error as { description?: string }).description ?? ''}`).toMatch(
			/reconnect/i,
		);
	});
});

describe('continueOnFail and pairing', () => {
	test('a failed item carries its own error, paired, and the others go on', async () => {
		const id = world.draftCampaign('v3').campaignId;
		const result = await world.run(
			{ ...v3, resource: 'campaign', operation: 'get', campaignId: byId('={{ $json.id }}') },
			{ input: [{ id }, { id: 'not-a-uuid' }, { id }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.campaign_id).toBe(id);
		expect(result.items[1].json.error).toBe('"Campaign" is not a valid ID: "not-a-uuid"');
		expect(result.items[2].json.campaign_id).toBe(id);
	});
});

describe('secrets', () => {
	test('no api key or token appears in output items, errors or logs', async () => {
		const v3Creds = world.v3Credentials();
		const token = v3Creds.oauthTokenData as { access_token: string; refresh_token: string };
		const secrets = [
			world.sandbox.secrets.v2ApiKey,
			world.sandbox.secrets.v2AccessToken,
			world.sandbox.secrets.clientSecret,
			token.access_token,
			token.refresh_token,
		];
		const runs = [
			await world.run(
				{ ...v2, resource: 'campaign', operation: 'getMany', limit: 3 },
				{ credentials: { constantContactApi: world.v2Credentials() } },
			),
			await world.run(
				{ ...v2, resource: 'campaign', operation: 'get', campaignId: byId('999999') },
				{ credentials: { constantContactApi: world.v2Credentials() }, continueOnFail: true },
			),
			await world.run(
				{ ...v3, resource: 'campaign', operation: 'get', campaignId: byId('00000000-0000-4000-8000-000000000000') },
				{ credentials: { constantContactOAuth2Api: v3Creds } },
			),
		];
		for (const run of runs) {
			const error = run.error as (Error & { description?: string; cause?: unknown }) | undefined;
			const text = JSON.stringify({
				items: run.items,
				logs: run.logs,
				error: error && {
					message: error.message,
					description: error.description,
					cause: error.cause,
					all: { ...error },
				},
			});
			for (const secret of secrets) expect(text).not.toContain(secret);
		}
	});
});
