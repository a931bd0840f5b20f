/**
 * Self-tests of what the queue-mode tests read from the sandbox (plain fetch, no n8n): every
 * refresh-token use is recorded (fingerprint, granted or why not), and a request refused by the
 * rate limit or the daily quota says which.
 */
import { Sandbox } from './index';

jest.setTimeout(60000);

let sb: Sandbox;
afterEach(async () => {
	await sb?.close();
});

const basic = (s: Sandbox) =>
	'Basic ' + Buffer.from(`${s.secrets.clientId}:${s.secrets.clientSecret}`).toString('base64');

async function refresh(s: Sandbox, refreshToken: string) {
	return await fetch(`${s.oauthBaseUrl}/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(s) },
		body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
	});
}

test('every refresh-token use is recorded: a fingerprint (never the token), when, granted or refused as used', async () => {
	sb = await Sandbox.start({ rateLimitPerSecond: false });
	const first = sb.issueTokens();
	sb.expireAccessTokens();
	expect(
		(await fetch(`${sb.v3BaseUrl}/account/summary`, { headers: { authorization: `Bearer ${first.access_token}` } }))
			.status,
	).toBe(401);

	const r1 = await refresh(sb, first.refresh_token);
	expect(r1.status).toBe(200);
	const second = (await r1.json()) as { access_token: string; refresh_token: string };
	// the same (rotated) token again, as a second worker holding the old one would
	const r2 = await refresh(sb, first.refresh_token);
	expect(r2.status).toBe(400);
	expect(((await r2.json()) as { error: string }).error).toBe('invalid_grant');
	expect((await refresh(sb, second.refresh_token)).status).toBe(200);
	expect((await refresh(sb, 'sbx_rt_never-issued')).status).toBe(400);

	const uses = sb.refreshTokenUses();
	expect(uses.map((u) => ({ granted: u.granted, refusal: u.refusal }))).toEqual([
		{ granted: true, refusal: undefined },
		{ granted: false, refusal: 'used' },
		{ granted: true, refusal: undefined },
		{ granted: false, refusal: 'unknown' },
	]);
	expect(uses[0].token).toBe(uses[1].token);
	expect(uses[2].token).not.toBe(uses[0].token);
	expect(uses[0].token).toMatch(/^[0-9a-f]{12}$/);
	expect(JSON.stringify(uses)).not.toContain(first.refresh_token);
	expect(uses.every((u, i) => i === 0 || u.at >= uses[i - 1].at)).toBe(true);
	sb.reset();
	expect(sb.refreshTokenUses()).toEqual([]);
});

test('a request the rate limit refuses is marked qps, one over the daily quota daily; accepted ones are not marked', async () => {
	sb = await Sandbox.start({ rateLimitPerSecond: 2, dailyLimit: 3 });
	const token = sb.issueTokens().access_token;
	const get = () => fetch(`${sb.v3BaseUrl}/account/summary`, { headers: { authorization: `Bearer ${token}` } });
	const statuses = await Promise.all([get(), get(), get()]).then((rs) => rs.map((r) => r.status));
	expect(statuses.sort()).toEqual([200, 200, 429]);
	await new Promise((r) => setTimeout(r, 1100));
	expect((await get()).status).toBe(200);
	expect((await get()).status).toBe(429);
	expect(sb.requests.map((r) => r.refused)).toEqual([
		...sb.requests.slice(0, 3).map((r) => (r.status === 429 ? 'qps' : undefined)),
		undefined,
		'daily',
	]);
	expect(sb.requests.filter((r) => r.refused).every((r) => r.handledStatus === undefined)).toBe(true);
});
