#!/usr/bin/env node
'use strict';
/**
 * `npm run test:queue`: the queue-mode tests in one command (plain JS, Node 20).
 *
 *   node test/queue/run.js [report.json] [extra jest args...]
 *
 * 1. Redis: Debian's redis-server must be installed (`sudo apt-get install -y redis-server`);
 *    without it this fails at once and says so (the tests start their own on a free port);
 * 2. the runtime and `jest -c jest.queue.config.js --runInBand --json --outputFile <report>` as
 *    test/e2e/run.js runs them (runJestSuite; report: the first argument ending in .json, else
 *    .runtime/queue-report.json);
 * 3. prints the figures the tests measured and, last, "N passed, N failed". Exits with jest's code.
 * The build (`npm run build`: dist/) is the caller's job; the package is installed from dist/.
 */
const fs = require('node:fs');
const path = require('node:path');
const { findRedisServer, INSTALL_HINT } = require('../../scripts/runtime/redis');
const { parseArgs, runJestSuite } = require('../e2e/run');

const root = path.resolve(__dirname, '..', '..');
const { report, jestArgs } = parseArgs(process.argv.slice(2), path.join(root, '.runtime', 'queue-report.json'));
const figuresFile = report.replace(/\.json$/, '') + '.figures.json';

const fail = (message) => {
	console.error(`[queue] ${message}`);
	console.log('\n0 passed, 1 failed');
	process.exit(1);
};

if (!findRedisServer())
	fail(`redis-server is not installed; n8n's queue mode needs Redis. Install it: ${INSTALL_HINT}`);
fs.rmSync(figuresFile, { force: true });
const { code, error } = runJestSuite({
	tag: 'queue',
	config: 'jest.queue.config.js',
	report,
	jestArgs,
	env: { CC_QUEUE_FIGURES: figuresFile },
});
if (error) fail(error);

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
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(code);
