import { apiStyles } from '../../nodes/ConstantContact/transport/apiStyles';

const { v2, v3 } = apiStyles;

describe('identity', () => {
	test('version, credential type and authentication hint of each API', () => {
		expect(v2.version).toBe('v2');
		expect(v2.credentialType).toBe('constantContactApi');
		expect(v2.authHint).toBe(
			'Check the API key and access token in the "Constant Contact V2 API" credential: the token may have been revoked.',
		);
		expect(v3.version).toBe('v3');
		expect(v3.credentialType).toBe('constantContactOAuth2Api');
		expect(v3.authHint).toBe(
			'Reconnect the "Constant Contact V3 OAuth2 API" credential: its access was revoked or its refresh token expired.',
		);
		expect(Object.keys(apiStyles).sort()).toEqual(['v2', 'v3']);
	});
});

describe('v2 pagination: meta.pagination.next_link, sent back as next=<cursor>', () => {
	const page = (nextLink: unknown) => ({ meta: { pagination: { next_link: nextLink } }, results: [] });

	test('the cursor alone, on the original endpoint (the credential adds api_key)', () => {
		expect(v2.nextPage(page('/v2/emailmarketing/campaigns?next=c3RhcnRBdD0z'), '/emailmarketing/campaigns')).toEqual({
			endpoint: '/emailmarketing/campaigns',
			qs: { next: 'c3RhcnRBdD0z' },
		});
	});

	test('an absolute link with other parameters: only the cursor, decoded', () => {
		expect(
			v2.nextPage(page('https://api.constantcontact.com/v2/lists?api_key=SECRET&limit=50&next=a%2Fb%3D%3D'), '/lists'),
		).toEqual({ endpoint: '/lists', qs: { next: 'a/b==' } });
	});

	test.each([
		['no meta', {}],
		['no pagination', { meta: {} }],
		['no next_link', { meta: { pagination: {} } }],
		['an empty next_link', page('')],
		['a next_link that is not text', page(42)],
		['a next_link without next=', page('/v2/lists?limit=50')],
		['an empty cursor', page('/v2/lists?next=')],
	])('%s: the last page', (_what, body) => {
		expect(v2.nextPage(body as never, '/lists')).toBeUndefined();
	});

	test('records are in results; anything else is no records', () => {
		expect(v2.items({ results: [{ id: '1' }, { id: '2' }] }, 'ignored')).toEqual([{ id: '1' }, { id: '2' }]);
		expect(v2.items({ results: 'nope' }, 'results')).toEqual([]);
		expect(v2.items({}, 'campaigns')).toEqual([]);
		expect(v2.items({ campaigns: [{ id: 'x' }] }, 'campaigns')).toEqual([]);
	});
});

describe('v3 pagination: _links.next.href, followed as a link', () => {
	test('the href as given, with no query of its own', () => {
		const href = '/v3/emails?cursor=bGltaXQ9NTAmbmV4dD0y&limit=50';
		expect(v3.nextPage({ _links: { next: { href } } }, '/emails')).toEqual({ link: href, qs: {} });
	});

	test.each([
		['no _links', {}],
		['no next', { _links: { self: { href: '/v3/emails' } } }],
		['no href', { _links: { next: {} } }],
		['an empty href', { _links: { next: { href: '' } } }],
		['an href that is not text', { _links: { next: { href: ['x'] } } }],
	])('%s: the last page', (_what, body) => {
		expect(v3.nextPage(body as never, '/emails')).toBeUndefined();
	});

	test("records are under the endpoint's key", () => {
		expect(v3.items({ campaigns: [{ campaign_id: 'a' }], _links: {} }, 'campaigns')).toEqual([{ campaign_id: 'a' }]);
		expect(v3.items({ lists: [{ list_id: 'l' }] }, 'campaigns')).toEqual([]);
		expect(v3.items({ campaigns: { campaign_id: 'a' } }, 'campaigns')).toEqual([]);
		expect(v3.items({}, 'lists')).toEqual([]);
	});
});

describe('throttling and quota', () => {
	test('v3: 429 is a rate refusal unless it says quota_exceeded', () => {
		expect(v3.isThrottled(429, [{ error_key: 'throttled' }])).toBe(true);
		expect(v3.isThrottled(429, undefined)).toBe(true);
		expect(v3.isThrottled(429, [{ error_key: 'quota_exceeded' }])).toBe(false);
		expect(v3.isQuotaExceeded(429, [{ error_key: 'quota_exceeded' }])).toBe(true);
		expect(v3.isQuotaExceeded(429, { error: 'quota_exceeded' })).toBe(true);
		expect(v3.isQuotaExceeded(429, [{ error_key: 'throttled' }])).toBe(false);
		for (const status of [400, 403, 428, 430, 500, 503]) {
			expect(v3.isThrottled(status, [{ error_key: 'throttled' }])).toBe(false);
			expect(v3.isQuotaExceeded(status, [{ error_key: 'quota_exceeded' }])).toBe(false);
		}
		expect(v3.isQuotaExceeded(403, [{ error_key: 'quota_exceeded' }])).toBe(false);
	});

	test("v2: 403 with Mashery's over.qps (rate) or over.rate (daily quota)", () => {
		expect(v2.isThrottled(403, [{ error_key: 'mashery.not.authorized.over.qps' }])).toBe(true);
		expect(v2.isThrottled(403, { error_key: 'mashery.not.authorized.over.qps' })).toBe(true);
		expect(v2.isThrottled(403, [{ error_key: 'mashery.not.authorized.over.rate' }])).toBe(false);
		expect(v2.isThrottled(403, [])).toBe(false);
		for (const status of [401, 404, 500, 503]) {
			expect(v2.isThrottled(status, [{ error_key: 'mashery.not.authorized.over.qps' }])).toBe(false);
			expect(v2.isQuotaExceeded(status, [{ error_key: 'mashery.not.authorized.over.rate' }])).toBe(false);
		}
		expect(v2.isThrottled(429, [{ error_key: 'mashery.not.authorized.over.qps' }])).toBe(false);
		expect(v2.isQuotaExceeded(403, [{ error_key: 'mashery.not.authorized.over.rate' }])).toBe(true);
		expect(v2.isQuotaExceeded(403, [{ error_key: 'mashery.not.authorized.over.qps' }])).toBe(false);
		expect(v2.isQuotaExceeded(429, [{ error_key: 'mashery.not.authorized.over.rate' }])).toBe(false);
	});
});

describe('errorMessages and errorKeys', () => {
	test.each([v2, v3])('%#: a list of errors, each message in order', (style) => {
		const body = [
			{ error_key: 'json.field.invalid', error_message: 'name is too long' },
			{ error_key: 'json.field.missing', error_message: 'subject is required' },
		];
		expect(style.errorMessages(body)).toEqual(['name is too long', 'subject is required']);
		expect(style.errorKeys(body)).toEqual(['json.field.invalid', 'json.field.missing']);
	});

	test('one error object: error_message, else message, else error_description', () => {
		expect(v3.errorMessages({ error_message: 'a', message: 'b', error_description: 'c' })).toEqual(['a']);
		expect(v3.errorMessages({ message: 'b', error_description: 'c' })).toEqual(['b']);
		expect(v3.errorMessages({ error: 'invalid_grant', error_description: 'Token expired' })).toEqual(['Token expired']);
		expect(v3.errorKeys({ error: 'invalid_grant', error_description: 'Token expired' })).toEqual(['invalid_grant']);
		expect(v3.errorKeys({ error_key: 'k', error: 'e' })).toEqual(['k']);
	});

	test('empty, missing and non-text messages are left out', () => {
		expect(
			v2.errorMessages([
				{ error_message: '' },
				{ error_message: 5 },
				{ error_key: 'x' },
				null,
				'text',
				{ message: 'kept' },
			]),
		).toEqual(['kept']);
		expect(v2.errorKeys([{ error_key: 3 }, null, { error: 'kept' }])).toEqual(['kept']);
	});

	test('a body that is not JSON errors has none', () => {
		for (const body of [undefined, null, '', '<html>502 Bad Gateway</html>', 42]) {
			expect(v3.errorMessages(body)).toEqual([]);
			expect(v3.errorKeys(body)).toEqual([]);
		}
	});
});
