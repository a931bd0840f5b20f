/**
 * n8n's rules for verified community nodes, beyond what its scanner lints (scripts/scan.js runs
 * that), as facts about this package: an MIT licence (package.json and LICENSE.md), no runtime
 * dependencies (n8n-workflow as the only peer), no filesystem, process, environment or timer
 * access in what ships (nodes/, credentials/), and a README, all in the packed package. Each
 * checker is also run on a small bad sample, so each check can fail.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json'));

type Pkg = { license?: string; dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };

/** What keeps a package.json and its LICENSE.md from being an MIT licence. */
export function licenceProblems(p: Pkg, licenceText: string | undefined): string[] {
	const problems: string[] = [];
	if (p.license !== 'MIT') problems.push(`package.json license is ${JSON.stringify(p.license)}, not "MIT"`);
	if (licenceText === undefined) return [...problems, 'no LICENSE.md'];
	for (const words of [
		/^MIT License$/m,
		/Permission is hereby granted, free of charge, to any person obtaining a copy/,
		/THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/,
	]) {
		if (!words.test(licenceText)) problems.push(`LICENSE.md lacks ${words}`);
	}
	return problems;
}

/** Runtime dependencies, and peers other than n8n-workflow. */
export function dependencyProblems(p: Pkg): string[] {
	return [
		...Object.keys(p.dependencies ?? {}).map((name) => `runtime dependency ${name}`),
		...Object.keys(p.peerDependencies ?? {})
			.filter((name) => name !== 'n8n-workflow')
			.map((name) => `peer dependency ${name}`),
	];
}

const BANNED_MODULES = new Set(['fs', 'path', 'child_process', 'os']);
/** Globals that reach the process, its environment, the module system or timers. */
const BANNED_GLOBALS = new Set([
	'process',
	'require',
	'setTimeout',
	'setInterval',
	'setImmediate',
	'globalThis',
	'__dirname',
	'__filename',
]);
const isBannedModule = (specifier: string) => BANNED_MODULES.has(specifier.replace(/^node:/, '').split('/')[0]);

/** Whether this identifier is a name in its own right (`process.env`), not a member or key (`x.process`, `{ process: 1 }`). */
function isReference(id: ts.Identifier): boolean {
	const parent = id.parent;
	if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
	if (
		(ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent)) &&
		parent.name === id
	)
		return false;
	if ((ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent)) && parent.name === id) return false;
	if (ts.isQualifiedName(parent) && parent.right === id) return false;
	if (ts.isEnumMember(parent) && parent.name === id) return false;
	return true;
}

/**
 * Every filesystem, process, environment or timer access in one source file: imports of fs, path,
 * child_process or os (node: prefix or not, also `import()` and `import x = require()`), `require(`,
 * and references to process, setTimeout, setInterval and the like. Comments and strings don't count.
 */
export function runtimeAccess(fileName: string, text: string): string[] {
	const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
	const found: string[] = [];
	const at = (node: ts.Node, what: string) => {
		const { line } = source.getLineAndCharacterOfPosition(node.getStart());
		found.push(`${fileName}:${line + 1}: ${what}`);
	};
	const visit = (node: ts.Node) => {
		if (
			(ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
			node.moduleSpecifier &&
			ts.isStringLiteral(node.moduleSpecifier) &&
			isBannedModule(node.moduleSpecifier.text)
		) {
			at(node, `imports ${node.moduleSpecifier.text}`);
		} else if (
			ts.isImportEqualsDeclaration(node) &&
			ts.isExternalModuleReference(node.moduleReference) &&
			ts.isStringLiteral(node.moduleReference.expression)
		) {
			at(node, `imports ${node.moduleReference.expression.text} (import = require)`);
		} else if (
			ts.isCallExpression(node) &&
			node.expression.kind === ts.SyntaxKind.ImportKeyword &&
			node.arguments[0] &&
			ts.isStringLiteral(node.arguments[0]) &&
			isBannedModule(node.arguments[0].text)
		) {
			at(node, `imports ${node.arguments[0].text} (dynamic import)`);
		} else if (ts.isIdentifier(node) && BANNED_GLOBALS.has(node.text) && isReference(node)) {
			at(node, `uses ${node.text}`);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

/** The README n8n shows on the package's page: present, and saying how to install and use it. */
export function readmeProblems(text: string | undefined): string[] {
	if (text === undefined) return ['no README.md'];
	const problems: string[] = [];
	if (!/^# \S/.test(text)) problems.push('README.md does not start with a title');
	for (const section of ['Install', 'Credentials', 'Operations']) {
		if (!new RegExp(`^## ${section}\\b`, 'm').test(text)) problems.push(`README.md has no "## ${section}" section`);
	}
	if (text.length < 2000) problems.push(`README.md is only ${text.length} characters`);
	return problems;
}

function shippedSources(): string[] {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
			const rel = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(rel);
			else if (/\.(ts|js|mjs|cjs)$/.test(entry.name)) files.push(rel);
		}
	};
	walk('nodes');
	walk('credentials');
	return files;
}

describe('MIT licence', () => {
	test('package.json says MIT and LICENSE.md is the MIT licence', () => {
		expect(licenceProblems(pkg, read('LICENSE.md'))).toEqual([]);
	});
	test('the checker fails a package that is not', () => {
		expect(licenceProblems({ license: 'ISC' }, 'ISC License\n\nPermission to use, copy, modify…')).toEqual([
			'package.json license is "ISC", not "MIT"',
			'LICENSE.md lacks /^MIT License$/m',
			'LICENSE.md lacks /Permission is hereby granted, free of charge, to any person obtaining a copy/',
			'LICENSE.md lacks /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/',
		]);
		expect(licenceProblems({}, undefined)).toEqual(['package.json license is undefined, not "MIT"', 'no LICENSE.md']);
	});
});

describe('no runtime dependencies', () => {
	test('package.json has no dependencies; n8n-workflow is the only peer', () => {
		expect(dependencyProblems(pkg)).toEqual([]);
		expect(Object.keys(pkg.peerDependencies ?? {})).toEqual(['n8n-workflow']);
	});
	test('the checker fails a package that has some', () => {
		expect(
			dependencyProblems({
				dependencies: { axios: '^1.0.0' },
				peerDependencies: { 'n8n-workflow': '*', 'n8n-core': '*' },
			}),
		).toEqual(['runtime dependency axios', 'peer dependency n8n-core']);
	});
});

describe('no filesystem, process, environment or timer access in nodes/ and credentials/', () => {
	const files = shippedSources();
	test('the node and credential sources are all read', () => {
		expect(files).toEqual(expect.arrayContaining(['credentials/ConstantContactApi.credentials.ts']));
		expect(files.filter((f) => f.endsWith('.node.ts')).length).toBe(2);
	});
	test('none of them imports fs, path, child_process or os, or uses process, require or timers', () => {
		expect(files.flatMap((file) => runtimeAccess(file, read(file)))).toEqual([]);
	});
	test('the checker finds each kind of access in a bad sample', () => {
		const bad = [
			"import * as fs from 'fs';",
			"import { join } from 'node:path';",
			"import { readFile } from 'node:fs/promises';",
			"export { homedir } from 'os';",
			"import cp = require('child_process');",
			"const os = await import('node:os');",
			"const lodash = require('lodash');",
			'const key = process.env.API_KEY;',
			'setTimeout(() => undefined, 10);',
			'const timer = setInterval(tick, 1000);',
			'const g = globalThis;',
		].join('\n');
		expect(runtimeAccess('bad.ts', bad)).toEqual([
			'bad.ts:1: imports fs',
			'bad.ts:2: imports node:path',
			'bad.ts:3: imports node:fs/promises',
			'bad.ts:4: imports os',
			'bad.ts:5: imports child_process (import = require)',
			'bad.ts:6: imports node:os (dynamic import)',
			'bad.ts:7: uses require',
			'bad.ts:8: uses process',
			'bad.ts:9: uses setTimeout',
			'bad.ts:10: uses setInterval',
			'bad.ts:11: uses globalThis',
		]);
	});
	test('and not in comments, strings, members or keys', () => {
		const fine = [
			"import { sleep } from 'n8n-workflow';",
			'// shared by every execution in this n8n process. setTimeout is not used',
			"const text = 'process.env and require(x)';",
			'const o = { process: 1, setTimeout: 2 };',
			'const p = o.process + o.setTimeout;',
			'await sleep(10);',
		].join('\n');
		expect(runtimeAccess('fine.ts', fine)).toEqual([]);
	});
});

describe('a README', () => {
	test('README.md says how to install and use the node', () => {
		expect(readmeProblems(read('README.md'))).toEqual([]);
	});
	test('the checker fails a missing or bare README', () => {
		expect(readmeProblems(undefined)).toEqual(['no README.md']);
		expect(readmeProblems('Some notes')).toEqual([
			'README.md does not start with a title',
			'README.md has no "## Install" section',
			'README.md has no "## Credentials" section',
			'README.md has no "## Operations" section',
			'README.md is only 10 characters',
		]);
	});
});

test('the packed package carries package.json, README.md and LICENSE.md', () => {
	const [{ files }] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], { cwd: ROOT, encoding: 'utf8' }),
	) as [{ files: { path: string }[] }];
	expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE.md']));
}, 60_000);
