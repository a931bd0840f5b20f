#!/usr/bin/env node
'use strict';
/**
 * The end-to-end tests in one command (plain JS, Node 20):
 *
 *   node test/e2e/run.js [report.json] [extra jest args...]
 *
 * 1. ensures the local n8n runtime (Node 24 + n8n 2.41.1 in .runtime/) is installed:
 *    scripts/runtime/install.js, a no-op once cached;
 * 2. runs `jest -c jest.e2e.config.js --runInBand --json --outputFile <report>`, where the
 *    report path is the first argument ending in .json, else $E2E_REPORT, else
 *    .runtime/e2e-report.json; exits with jest's exit code.
 * The build (`npm run build`: dist/) is the caller's job; the package is installed from dist/.
 * Chromium (Debian's /usr/bin/chromium) is needed by test/e2e/browser.test.ts: apt-get install -y chromium
 *
 * test/queue/run.js runs its jest config the same way, through runJestSuite.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { envVar } = require('../../scripts/env-vars');

const root = path.resolve(__dirname, '..', '..');

/** The report path (first argument ending in .json, else `defaultReport`) and the other arguments, for jest. */
function parseArgs(argv, defaultReport) {
	const reportArg = argv.find((a) => a.endsWith('.json') && !a.startsWith('-'));
	return { report: path.resolve(reportArg || defaultReport), jestArgs: argv.filter((a) => a !== reportArg) };
}

/**
 * Checks dist/, installs the runtime (a no-op once cached), then runs
 * `jest -c <config> --runInBand --json --outputFile <report> ...jestArgs` (a stale report removed
 * first). Returns jest's exit code, or { error } when it could not start.
 */
function runJestSuite({ tag, config, report, jestArgs = [], env = {} }) {
	if (!fs.existsSync(path.join(root, 'dist', 'nodes', 'ConstantContact', 'ConstantContact.node.js')))
		return { error: 'dist/ is missing: run `npm run build` first' };
	const started = Date.now();
	const install = spawnSync(process.execPath, [path.join(root, 'scripts', 'runtime', 'install.js')], {
		cwd: root,
		stdio: 'inherit',
	});
	if (install.status !== 0) return { error: `scripts/runtime/install.js failed (exit ${install.status})` };

	fs.mkdirSync(path.dirname(report), { recursive: true });
	fs.rmSync(report, { force: true });
	const jestBin = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
	const jest = spawnSync(
		process.execPath,
		[jestBin, '-c', path.join(root, config), '--runInBand', '--json', '--outputFile', report, ...jestArgs],
		{ cwd: root, stdio: 'inherit', env: { ...process.env, ...env } },
	);
	const code = jest.status === null ? 1 : jest.status;
	console.log(
		`[${tag}] jest exited ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s; report: ${path.relative(process.cwd(), report)}`,
	);
	return { code };
}

module.exports = { parseArgs, runJestSuite };

if (require.main === module) {
	const { report, jestArgs } = parseArgs(
		process.argv.slice(2),
		envVar('E2E_REPORT') || path.join(root, '.runtime', 'e2e-report.json'),
	);
	const { code, error } = runJestSuite({ tag: 'e2e', config: 'jest.e2e.config.js', report, jestArgs });
	if (error) console.error(`[e2e] ${error}`);
	process.exit(error ? 1 : code);
}
