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
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { envVar } = require('../../scripts/env-vars');

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const reportArg = args.find((a) => a.endsWith('.json') && !a.startsWith('-'));
const jestArgs = args.filter((a) => a !== reportArg);
const report = path.resolve(reportArg || envVar('E2E_REPORT') || path.join(root, '.runtime', 'e2e-report.json'));

if (!fs.existsSync(path.join(root, 'dist', 'nodes', 'ConstantContact', 'ConstantContact.node.js'))) {
	console.error('[e2e] dist/ is missing: run `npm run build` first');
	process.exit(1);
}

const started = Date.now();
const install = spawnSync(process.execPath, [path.join(root, 'scripts', 'runtime', 'install.js')], {
	cwd: root,
	stdio: 'inherit',
});
if (install.status !== 0) {
	console.error(`[e2e] scripts/runtime/install.js failed (exit ${install.status})`);
	process.exit(install.status || 1);
}

fs.mkdirSync(path.dirname(report), { recursive: true });
const jestBin = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const jest = spawnSync(
	process.execPath,
	[jestBin, '-c', path.join(root, 'jest.e2e.config.js'), '--runInBand', '--json', '--outputFile', report, ...jestArgs],
	{ cwd: root, stdio: 'inherit', env: process.env },
);
const code = jest.status === null ? 1 : jest.status;
console.log(
	`[e2e] jest exited ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s; report: ${path.relative(process.cwd(), report)}`,
);
process.exit(code);
