/**
 * One table of the environment variables the tests, scripts and benchmark read
 * (scripts/env-vars.js): every project variable the code names is in it, and the code reads them
 * through it (envVar / envFlag), not through process.env.<NAME>.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ENV_VARS, envFlag, envVar } from '../scripts/env-vars';

const ROOT = path.resolve(__dirname, '..');
const SKIP = new Set(['node_modules', 'data', 'fixtures']);
/** Files allowed to read process.env.<NAME> directly, and why. */
const DIRECT_READS: Record<string, string> = {
	'test/suite/suite-record.test.ts': 'saves the raw values (unset included) and restores them around its self-check',
	'test/interface/verification.test.ts':
		'reads none: its bad sample of node code, which the checker must catch, has one',
};

function sources(dir: string): string[] {
	return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
		const rel = `${dir}/${e.name}`;
		if (e.isDirectory()) return SKIP.has(e.name) ? [] : sources(rel);
		return /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
	});
}

const files = ['test', 'scripts', 'bench']
	.flatMap(sources)
	.filter((f) => f !== 'scripts/env-vars.js' && f !== 'test/env-vars.test.ts')
	.map((file) => ({ file, text: readFileSync(path.join(ROOT, file), 'utf8') }));

test('every CC_ / E2E_ variable the code names, and every name it reads through the table, is in the table', () => {
	const missing: string[] = [];
	for (const { file, text } of files) {
		const named = [...text.matchAll(/\b(?:CC|E2E)_[A-Z0-9_]*[A-Z0-9]\b/g)].map((m) => m[0]);
		const read = [...text.matchAll(/\benv(?:Var|Flag)\(\s*'([^']+)'/g)].map((m) => m[1]);
		for (const name of new Set([...named, ...read])) if (!(name in ENV_VARS)) missing.push(`${file}: ${name}`);
	}
	expect(missing).toEqual([]);
});

test('the code reads variables through the table, not process.env.<NAME> (writes are fine)', () => {
	const direct: string[] = [];
	for (const { file, text } of files) {
		if (file in DIRECT_READS) continue;
		for (const m of text.matchAll(/(delete\s+)?process\.env(\.[A-Za-z_]\w*|\[[^\]]+\])(\s*=(?!=))?/g)) {
			if (!m[1] && !m[3]) direct.push(`${file}: ${m[0]}`);
		}
	}
	expect(direct).toEqual([]);
});

test('each entry says what it means; envVar falls back to the default, envFlag means "1", unknown names throw', () => {
	for (const [name, { meaning }] of Object.entries(ENV_VARS))
		expect({ name, meaning: meaning.length > 10 }).toEqual({ name, meaning: true });
	const saved = process.env.CC_SANDBOX_PORT;
	try {
		process.env.CC_SANDBOX_PORT = '';
		expect(envVar('CC_SANDBOX_PORT')).toBe('4010');
		process.env.CC_SANDBOX_PORT = '4999';
		expect(envVar('CC_SANDBOX_PORT')).toBe('4999');
	} finally {
		if (saved === undefined) delete process.env.CC_SANDBOX_PORT;
		else process.env.CC_SANDBOX_PORT = saved;
	}
	expect(envFlag('CC_KEEP_SUITE_RECORD')).toBe(process.env.CC_KEEP_SUITE_RECORD === '1');
	expect(() => envVar('CC_NOT_A_VARIABLE')).toThrow(/not in the table/);
});
