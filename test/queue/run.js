#!/usr/bin/env node
'use strict';
/**
 * `npm run test:queue`: the queue-mode tests in one command (plain JS, Node 20).
 *
 *   node test/queue/run.js [report.json] [extra jest args...]
 *
 * 1. Redis: Debian's redis-server must be installed (`sudo apt-get install -y redis-server`);
 *    without it this fails at once and says so (the tests start their own on a free port);
 * 2. the local n8n runtime (scripts/runtime/install.js, a no-op once cached);
 * 3. `jest -c jest.queue.config.js --runInBand --json --outputFile <report>` (report: the first
 *    argument ending in .json, else .runtime/queue-report.json);
 * 4. prints the figures the tests measured and, last, "N passed, N failed". Exits with jest's code.
 * The build (`npm run build`: dist/) is the caller's job; the package is installed from dist/.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { findRedisServer, INSTALL_HINT } = require('../../scripts/runtime/redis');

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const reportArg = args.find((a) => a.endsWith('.json') && !a.startsWith('-'));
const jestArgs = args.filter((a) => a !== reportArg);
const report = path.resolve(reportArg || path.join(root, '.runtime', 'queue-report.json'));
const figuresFile = report.replace(/\.json$/, '') + '.figures.json';

const fail = (message) => {
	console.error(`[queue] ${message}`);
	console.log('\n0 passed, 1 failed');
	process.exit(1);
};

if (!findRedisServer())
	fail(`redis-server is not installed; n8n's queue mode needs Redis. Install it: ${INSTALL_HINT}`);
if (!fs.existsSync(path.join(root, 'dist', 'nodes', 'ConstantContact', 'ConstantContact.node.js')))
	fail('dist/ is missing: run `npm run build` first');

const started = Date.now();
const install = spawnSync(process.execPath, [path.join(root, 'scripts', 'runtime', 'install.js')], {
	cwd: root,
	stdio: 'inherit',
});
if (install.status !== 0) fail(`scripts/runtime/install.js failed (exit ${install.status})`);

fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
fs.rmSync(figuresFile, { force: true });
const jestBin = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const jest = spawnSync(
	process.execPath,
	[
		jestBin,
		'-c',
		path.join(root, 'jest.queue.config.js'),
		'--runInBand',
		'--json',
		'--outputFile',
		report,
		...jestArgs,
	],
	{ cwd: root, stdio: 'inherit', env: { ...process.env, CC_QUEUE_FIGURES: figuresFile } },
);
const code = jest.status === null ? 1 : jest.status;

if (fs.existsSync(figuresFile)) {
	const { summaries } = JSON.parse(fs.readFileSync(figuresFile, 'utf8'));
	console.log('\n=== queue mode: what the sandbox recorded');
	for (const s of summaries) console.log(s);
}
let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
	const r = JSON.parse(fs.readFileSync(report, 'utf8'));
	passed = r.numPassedTests;
	failed = r.numFailedTests;
	if (code !== 0 && failed === 0) failed = Math.max(1, r.numRuntimeErrorTestSuites || 0);
} else if (code !== 0) failed = 1;
console.log(
	`[queue] jest exited ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s; report: ${path.relative(process.cwd(), report)}`,
);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(code);
