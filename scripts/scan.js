#!/usr/bin/env node
'use strict';
/**
 * n8n's verification gate, `@n8n/scan-community-package` (a devDependency, exact version), run as
 * n8n runs it but without the registry: its CLI downloads the published package and the source
 * its npm provenance points at, neither of which exists before publishing, so this calls the
 * scanner's own `analyzePackage` on
 *   1. the source files it scans (its SOURCE_FILE_PATTERNS: package.json, nodes/, credentials/);
 *   2. the output of `npm pack` (the tarball, unpacked in a temp dir), with the patterns its CLI
 *      uses for the published package (compiled .js and package.json).
 * Exits 1 unless both pass with 0 errors. The scanner's ESLint setup ignores inline
 * `eslint-disable` comments: what it flags must be fixed.
 *
 * `analyzePackage` only says passed / failed (with ESLint's report when it failed); the
 * summary's error and warning counts are read from the results of its own ESLint run. First, a planted bad
 * credential must fail the same analysis: a scan that finds no files, or no longer flags what n8n
 * flags, would otherwise pass silently.
 *
 * Needs dist/ (`npm run build` first). About 5 s.
 */
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SCANNER = '@n8n/scan-community-package/scanner/scanner.mjs';
const TARBALL_PATTERNS = ['**/*.js', 'package.json']; // the CLI's patterns for the published package

/** A package whose only credential breaks the display-name rules that failed this project once. */
const BAD_SAMPLE = {
	'package.json': JSON.stringify({
		name: 'n8n-nodes-sample',
		version: '0.0.1',
		license: 'MIT',
		keywords: ['n8n-community-node-package'],
		n8n: { n8nNodesApiVersion: 1, credentials: ['dist/credentials/SampleApi.credentials.js'] },
	}),
	'credentials/SampleApi.credentials.ts': [
		"import type { ICredentialType, INodeProperties } from 'n8n-workflow';",
		'export class SampleApi implements ICredentialType {',
		"\tname = 'sampleApi';",
		'\t// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-missing-api',
		"\tdisplayName = 'sample service (v2)';",
		"\tdocumentationUrl = 'https://example.com/docs';",
		'\tproperties: INodeProperties[] = [];',
		'}',
		'',
	].join('\n'),
};

const run = (command, args, cwd) =>
	new Promise((resolve, reject) =>
		execFile(command, args, { cwd, encoding: 'utf8' }, (error, stdout, stderr) =>
			error
				? reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || stdout || error.message}`))
				: resolve(stdout),
		),
	);

/** `npm pack` of the project, unpacked as the scanner's CLI unpacks a download. */
async function packAndUnpack(tmp) {
	const [{ filename }] = JSON.parse(await run('npm', ['pack', '--json', '--silent', '--pack-destination', tmp], root));
	const dir = path.join(tmp, 'package');
	fs.mkdirSync(dir);
	await run('tar', ['-xzf', path.join(tmp, filename), '-C', dir, '--strip-components=1'], tmp);
	return { dir, filename };
}

/**
 * The results of the scanner's own ESLint run: `analyzePackage` lints with the project's `eslint`
 * (the scanner has no copy of its own; checked below), whose `lintFiles` this wraps to keep what
 * it returned. The verdict stays the scanner's; the counts are those of the same lint.
 */
const { ESLint } = require('eslint');
const lintFiles = ESLint.prototype.lintFiles;
let lastResults;
ESLint.prototype.lintFiles = async function (...args) {
	lastResults = await lintFiles.apply(this, args);
	return lastResults;
};

async function scan(scanner, dir, patterns) {
	lastResults = undefined;
	const verdict = await scanner.analyzePackage(dir, patterns);
	const noFiles = verdict.passed && verdict.message === 'No files found to analyze';
	if (!lastResults && !noFiles)
		throw new Error("the scanner's ESLint run was not seen: does it bundle its own eslint?");
	const results = lastResults || [];
	const count = (key) => results.reduce((sum, r) => sum + r[key], 0);
	const warnings = count('warningCount');
	// analyzePackage gives ESLint's report only when it failed; warnings alone are shown here.
	const report =
		verdict.passed && warnings > 0 ? await (await new ESLint().loadFormatter('stylish')).format(results) : '';
	return { verdict, files: results.length, errors: count('errorCount'), warnings, report };
}

function summary(label, r) {
	const verdict = r.verdict.passed ? 'passed' : `FAILED (${r.verdict.message})`;
	return `${label}: ${r.files} files, ${r.errors} errors, ${r.warnings} warnings: analyzePackage ${verdict}`;
}

async function main() {
	const started = Date.now();
	// The scanner makes a temp dir on import (for its CLI's downloads) and leaves it behind unless
	// its `tmp` is told to clean up on exit.
	const scannerDir = path.dirname(require.resolve('@n8n/scan-community-package/package.json'));
	require(require.resolve('tmp', { paths: [scannerDir] })).setGracefulCleanup();
	const scanner = await import(SCANNER);
	const { version } = require('@n8n/scan-community-package/package.json');
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-scan-'));
	let ok = true;
	try {
		// The check can fail: a planted bad credential (its eslint-disable comment ignored) fails it.
		const sampleDir = path.join(tmp, 'bad-sample');
		for (const [file, text] of Object.entries(BAD_SAMPLE)) {
			fs.mkdirSync(path.dirname(path.join(sampleDir, file)), { recursive: true });
			fs.writeFileSync(path.join(sampleDir, file), text);
		}
		const sample = await scan(scanner, sampleDir, scanner.SOURCE_FILE_PATTERNS);
		const sampleCaught =
			!sample.verdict.passed &&
			/cred-class-field-display-name-missing-api/.test(sample.verdict.details || '') &&
			/cred-class-field-display-name-miscased/.test(sample.verdict.details || '');
		console.log(`planted bad credential: ${sampleCaught ? 'caught' : 'NOT CAUGHT'} (${sample.errors} errors)`);
		if (!sampleCaught) ok = false;

		const packed = packAndUnpack(tmp); // npm pack runs while the source is scanned
		packed.catch(() => undefined); // (awaited below)
		const source = await scan(scanner, root, scanner.SOURCE_FILE_PATTERNS);
		const { dir, filename } = await packed;
		const tarball = await scan(scanner, dir, TARBALL_PATTERNS);
		console.log(`@n8n/scan-community-package ${version}, analyzePackage:`);
		for (const [label, r] of [
			['source (package.json, nodes/, credentials/)', source],
			[`tarball (npm pack: ${filename})`, tarball],
		]) {
			console.log(`  ${summary(label, r)}`);
			if (r.verdict.details) console.log(r.verdict.details);
			else if (r.report) console.log(r.report);
			// 0 errors by both counts, and files were scanned (no files at all "passes" the scanner)
			if (!r.verdict.passed || r.errors > 0 || r.files === 0) ok = false;
		}
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	console.log(`scan ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return ok;
}

main().then(
	(ok) => process.exit(ok ? 0 : 1),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
