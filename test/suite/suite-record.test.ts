/**
 * The checks over the whole suite, run by `npm test` after every other test step: the record the
 * steps wrote (test/suite/record.ts) must be complete, every v3 request the node sent must have
 * validated against the v3 contract, and no secret the sandbox holds or issued may appear in any
 * output item, error, log line or REST answer of the suite. Fails when run without a record.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { envVar } from '../../scripts/env-vars';
import { Sandbox } from '../sandbox';
import { conformance, coverageTable, describeViolation, validatedLine } from './coverage';
import { contractOperations, readRequests, readSecrets, recordFiles, type RecordFile } from './read';
import {
	errorTexts,
	jsonText,
	RECORD_DIR_ENV,
	STEP_ENV,
	type ExposureRecord,
	type SecretKind,
	type SecretRecord,
} from './record';
import { scanExposures, SecretMatcher, secretsToScan } from './scan';

const CONTRACT_FILE = path.resolve(__dirname, '../sandbox/data/v3-contract.json');
const EXPECTED_STEPS = envVar('CC_SUITE_EXPECTED_STEPS')!.split(',').filter(Boolean);
const SECRET_KINDS: SecretKind[] = ['v2ApiKey', 'v2AccessToken', 'clientSecret', 'accessToken', 'refreshToken'];

const print = (text: string) => process.stdout.write(`\n${text}\n`);

let dir: string;
let files: RecordFile[];
let secrets: SecretRecord[];

beforeAll(() => {
	const fromEnv = envVar(RECORD_DIR_ENV);
	if (!fromEnv)
		throw new Error(`${RECORD_DIR_ENV} is not set: these checks read the record of a whole \`npm test\` run`);
	dir = fromEnv;
	files = recordFiles(dir);
	secrets = secretsToScan(readSecrets(files));
	print(`suite record: ${dir} (${files.length} files)`);
});

test(`the record was written by every test step (${EXPECTED_STEPS.join(', ')}): requests, secrets and exposure, both engine lines`, () => {
	const missing: string[] = [];
	for (const step of EXPECTED_STEPS) {
		for (const kind of ['requests', 'secrets', 'exposure'] as const) {
			if (!files.some((f) => f.step === step && f.kind === kind)) missing.push(`${kind} of step ${step}`);
		}
	}
	expect(missing).toEqual([]);
	const scan = scanExposures(files, new SecretMatcher([]));
	if (EXPECTED_STEPS.includes('engine'))
		expect([...scan.engines].filter((e) => e.startsWith('engine:')).sort()).toEqual(['engine:1.x', 'engine:2.x']);
	if (EXPECTED_STEPS.includes('e2e')) expect(scan.sources.has('e2e:e2e')).toBe(true);
	const processes = new Set(files.map((f) => `${f.step}:${f.pid}`));
	print(
		`record written by ${processes.size} processes: ${[...new Set(files.map((f) => f.step))].map((s) => `${s} ${[...processes].filter((p) => p.startsWith(`${s}:`)).length}`).join(', ')}`,
	);
});

test('every v3 request the node sent validates against the v3 contract (coverage below)', () => {
	const operations = contractOperations(CONTRACT_FILE);
	const result = conformance(readRequests(files), operations);
	print(coverageTable(result, operations));
	expect(result.nodeRequests.length).toBeGreaterThan(0);
	expect(result.used.size).toBeGreaterThan(0);
	if (result.violations.length) {
		throw new Error(
			`${validatedLine(result)}. Requests that did not validate:\n${result.violations.slice(0, 50).map(describeViolation).join('\n')}`,
		);
	}
});

test("the sandbox's record checks every v3 request n8n sends, whatever it answers, and flags the invalid ones", async () => {
	const tmp = mkdtempSync(path.join(tmpdir(), 'cc-contract-self-check-'));
	const saved = { dir: process.env[RECORD_DIR_ENV], step: process.env[STEP_ENV] };
	process.env[RECORD_DIR_ENV] = tmp;
	process.env[STEP_ENV] = 'self-check';
	try {
		const sandbox = await Sandbox.start({ rateLimitPerSecond: false });
		const token = sandbox.issueTokens().access_token;
		const send = (p: string, bearer = token, agent = 'n8n') =>
			fetch(`${sandbox.v3BaseUrl}${p}`, { headers: { Authorization: `Bearer ${bearer}`, 'User-Agent': agent } });
		expect((await send('/emails?limit=10')).status).toBe(200);
		expect((await send('/emails?limit=not-a-number')).status).toBe(400);
		expect((await send('/emails?limit=not-a-number', 'expired-or-unknown-token')).status).toBe(401);
		expect((await send('/no/such/operation')).status).toBe(404);
		expect((await send('/emails?limit=not-a-number', token, 'node')).status).toBe(400);
		await sandbox.close();

		const result = conformance(readRequests(recordFiles(tmp)), contractOperations(CONTRACT_FILE));
		expect(result.nodeRequests.map((r) => [r.path, r.status, r.valid])).toEqual([
			['/v3/emails', 200, true],
			['/v3/emails', 400, false],
			['/v3/emails', 401, false],
			['/v3/no/such/operation', 404, false],
		]);
		expect(result.testRequests).toBe(1);
		expect(validatedLine(result)).toBe('1 of 4 v3 requests validated (25%)');
		expect(result.used.get('GET /emails')).toBe(3);
	} finally {
		process.env[RECORD_DIR_ENV] = saved.dir;
		process.env[STEP_ENV] = saved.step;
		if (saved.step === undefined) delete process.env[STEP_ENV];
		rmSync(tmp, { recursive: true, force: true });
	}
});

test('the scanner finds a recorded token in an item, the fixed api key in an error cause, and a planted value in a log line', () => {
	const token = secrets.find((s) => s.kind === 'accessToken');
	const apiKey = secrets.find((s) => s.kind === 'v2ApiKey');
	expect(token && apiKey).toBeTruthy();
	const planted: SecretRecord = { kind: 'refreshToken', value: `planted-${Date.now()}-refresh-token`, fixed: false };
	const tmp = mkdtempSync(path.join(tmpdir(), 'cc-scan-self-check-'));
	try {
		const cause = Object.assign(new Error('outer'), {
			cause: Object.assign(new Error('inner'), { config: { params: { api_key: apiKey!.value } } }),
		});
		const lines: ExposureRecord[] = [
			{
				source: 'harness',
				where: 'clean',
				items: [jsonText({ json: { ok: true } })],
				errors: [['nothing here']],
				logs: ['fine'],
				responses: [],
			},
			{
				source: 'harness',
				where: 'item',
				items: [jsonText({ json: { note: `token ${token!.value} inside` } })],
				errors: [],
				logs: [],
				responses: [],
			},
			{ source: 'harness', where: 'cause', items: [], errors: [errorTexts(cause)], logs: [], responses: [] },
			{
				source: 'e2e',
				where: 'log',
				items: [],
				errors: [],
				logs: ['a', `refresh with ${planted.value}`],
				responses: [],
			},
		];
		writeFileSync(path.join(tmp, 'exposure.self-check.1.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
		const result = scanExposures(recordFiles(tmp), new SecretMatcher([...secrets, planted]));
		expect(result.hits.map((h) => [h.where, h.part, h.index, h.secret])).toEqual([
			['item', 'item', 0, 'accessToken'],
			['cause', 'error', 0, 'v2ApiKey'],
			['log', 'log', 1, 'refreshToken'],
		]);
		expect(result.hits.every((h) => !h.excerpt.includes(planted.value) && !h.excerpt.includes(token!.value))).toBe(
			true,
		);
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
});

test('no secret the sandbox holds or issued appears in any output item, error, log line or REST answer of the suite', () => {
	const kinds = new Set(secrets.map((s) => s.kind));
	expect(SECRET_KINDS.filter((k) => !kinds.has(k))).toEqual([]);
	const result = scanExposures(files, new SecretMatcher(secrets));
	print(
		`scanned ${result.items} items, ${result.errors} errors, ${result.logs} log lines, ${result.responses} REST answers ` +
			`(${result.records} records) for ${secrets.length} secrets: ${result.hits.length} hits`,
	);
	expect(result.items).toBeGreaterThan(0);
	expect(result.errors).toBeGreaterThan(0);
	expect(result.logs).toBeGreaterThan(0);
	if (result.hits.length) {
		const shown = result.hits
			.slice(0, 30)
			.map((h) => `${h.secret} in ${h.part} #${h.index} of ${h.where} (${h.record}): ${h.excerpt}`);
		throw new Error(`${result.hits.length} secret(s) exposed:\n${shown.join('\n')}`);
	}
});
