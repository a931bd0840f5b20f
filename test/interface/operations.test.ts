/**
 * Every operation of the registry has what CONTRIBUTING.md's "Adding an operation" asks for: its
 * file at the path its name gives, the endpoints it declares (v3: in the contract extract; both:
 * routed by the sandbox), its bad-input case, and its row in the README's operation table.
 */
import fs from 'node:fs';
import path from 'node:path';

import { allOperations } from '../../nodes/ConstantContact/actions/registry';
import { v2Cases } from '../engine/bad-input/v2.cases';
import { v3Cases } from '../engine/bad-input/v3.cases';
import { Sandbox } from '../sandbox';

const ROOT = path.resolve(__dirname, '../..');
const operations = allOperations();
const keyOf = (o: (typeof operations)[number]) => `${o.api} ${o.resource}.${o.operation}`;
const contract = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/sandbox/data/v3-contract.json'), 'utf8')) as {
	paths: Record<string, Record<string, unknown>>;
};

test('the registry has operations on both APIs', () => {
	expect(operations.filter((o) => o.api === 'v3').length).toBeGreaterThan(20);
	expect(operations.filter((o) => o.api === 'v2').length).toBeGreaterThan(10);
});

describe.each(operations.map((o) => [keyOf(o), o] as const))('%s', (_key, o) => {
	test('lives in actions/<api>/<resource>/<operation>.operation.ts, and the registry holds that file', () => {
		const file = path.join(ROOT, 'nodes/ConstantContact/actions', o.api, o.resource, `${o.operation}.operation.ts`);
		expect(fs.existsSync(file)).toBe(true);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		expect(require(file)).toBe(o.definition);
	});

	test('declares its endpoints, each as METHOD /path', () => {
		expect(o.definition.endpoints.length).toBeGreaterThan(0);
		for (const endpoint of o.definition.endpoints) expect(endpoint).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/\S+$/);
	});

	if (o.api === 'v3') {
		test('its endpoints are in the v3 contract extract (npm run extract-reference)', () => {
			const missing = o.definition.endpoints.filter((endpoint) => {
				const [method, template] = endpoint.split(' ');
				return contract.paths[template]?.[method.toLowerCase()] === undefined;
			});
			expect(missing).toEqual([]);
		});
	}

	test('has a bad-input case', () => {
		const cases: Record<string, unknown> = o.api === 'v3' ? v3Cases : v2Cases;
		expect(Object.keys(cases)).toContain(`${o.resource}.${o.operation}`);
	});

	test("has its row in the README's operation table", () => {
		expect(readmeRows()).toContain(`${o.api} | ${o.resourceName} | ${o.definition.option.name}`);
	});
});

test('the README lists no operation the registry lacks', () => {
	const known = new Set(operations.map((o) => `${o.api} | ${o.resourceName} | ${o.definition.option.name}`));
	expect(readmeRows().filter((row) => !known.has(row))).toEqual([]);
});

describe('the sandbox routes every declared endpoint', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await Sandbox.start({ rateLimitPerSecond: false, dailyLimit: false });
	});
	afterAll(async () => await sandbox.close());

	test.each(operations.flatMap((o) => o.definition.endpoints.map((endpoint) => [keyOf(o), endpoint, o.api] as const)))(
		'%s: %s',
		async (_key, endpoint, api) => {
			const [method, template] = endpoint.split(' ');
			// Any id will do: an unknown one gets the API's own 404, an unrouted path "No such resource".
			const url = new URL(
				`${api === 'v3' ? sandbox.v3BaseUrl : sandbox.v2BaseUrl}${template.replace(/\{[^}]+\}/g, '1')}`,
			);
			const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
			if (api === 'v3') headers.Authorization = `Bearer ${sandbox.issueTokens().access_token}`;
			else {
				url.searchParams.set('api_key', sandbox.secrets.v2ApiKey);
				headers.Authorization = `Bearer ${sandbox.secrets.v2AccessToken}`;
			}
			const answer = await fetch(url, {
				method,
				headers,
				body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
			});
			const text = await answer.text();
			expect(`${answer.status} ${text}`).not.toMatch(/^404 .*No such resource/);
		},
	);
});

// `API | Resource | Operation` of each row between the README's operations markers.
function readmeRows(): string[] {
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const start = readme.indexOf('<!-- operations:start -->');
	const end = readme.indexOf('<!-- operations:end -->');
	if (start < 0 || end < start) return [];
	return readme
		.slice(start, end)
		.split('\n')
		.filter((line) => /^\|\s*v[23]\s*\|/.test(line))
		.map((line) =>
			line
				.split('|')
				.slice(1, 4)
				.map((cell) => cell.trim())
				.join(' | '),
		);
}

test("the built node's Resource and Operation lists are the registry's", () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { ConstantContact } = require(path.join(ROOT, 'dist/nodes/ConstantContact/ConstantContact.node.js')) as {
		ConstantContact: new () => {
			description: {
				properties: Array<{
					name: string;
					displayOptions?: { show?: Record<string, unknown[]> };
					options?: Array<{ value: unknown }>;
				}>;
			};
		};
	};
	const shown: string[] = [];
	for (const p of new ConstantContact().description.properties) {
		if (p.name !== 'operation') continue;
		const api = p.displayOptions?.show?.authentication?.[0] === 'apiKey' ? 'v2' : 'v3';
		const resource = String(p.displayOptions?.show?.resource?.[0]);
		for (const o of p.options ?? []) shown.push(`${api} ${resource}.${String(o.value)}`);
	}
	expect(shown.sort()).toEqual(operations.map(keyOf).sort());
});
