#!/usr/bin/env node
// `npm test`: everything, in order, from a fresh clone after `npm ci`. Ends with one
// line "N passed, N failed" counting every test that ran.
//
// Build, lint, n8n's verification scanner (scripts/scan.js), format and typecheck stop the run
// when they fail. The test steps all run even when one fails: the last one checks the record all
// of them wrote (test/suite/: every v3 request against the contract, every output, error and log
// line for secrets), in <tmp>/suite-record (removed once its checks passed, unless
// CC_KEEP_SUITE_RECORD=1).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { envFlag } = require('./env-vars');
const { findRedisServer, INSTALL_HINT: REDIS_INSTALL_HINT } = require('./runtime/redis');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-test-'));
const recordDir = path.join(tmp, 'suite-record');
fs.mkdirSync(recordDir);
const RECORDED_STEPS = ['engine', 'timing', 'e2e', 'queue'];

let passed = 0;
let failed = 0;

/** Runs one step; returns whether it succeeded. `step` names a test step that writes the suite record. */
function run(title, command, args, { jestReport, step, env = {} } = {}) {
	const started = Date.now();
	console.log(`\n=== ${title}`);
	const recording = step ? { CC_SUITE_RECORD_DIR: recordDir, CC_SUITE_STEP: step } : {};
	const result = spawnSync(command, args, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...recording, ...env },
	});
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const ok = result.status === 0;
	const report = jestReport && fs.existsSync(jestReport) ? JSON.parse(fs.readFileSync(jestReport, 'utf8')) : undefined;
	if (report) {
		passed += report.numPassedTests;
		failed += report.numFailedTests;
	}
	// A failure no test counted (a file that did not load, a runner that did not start) counts once.
	if (!ok && !(report && report.numFailedTests > 0))
		failed += Math.max(1, (report && report.numRuntimeErrorTestSuites) || 0);
	console.log(`=== ${title}: ${ok ? 'ok' : 'FAILED'} in ${seconds} s`);
	return ok;
}

function finish(code) {
	console.log(`\n${passed} passed, ${failed} failed`);
	process.exit(code);
}

const jest = (title, projects, { extra = [], step, env } = {}) => {
	const report = path.join(tmp, `${projects.join('-')}.json`);
	return run(title, bin('jest'), ['--selectProjects', ...projects, '--json', '--outputFile', report, ...extra], {
		jestReport: report,
		step,
		env,
	});
};

if (!run('build (tsc + icons)', 'npm', ['run', '--silent', 'build'])) finish(1);
if (
	!run("lint (n8n's community-node rules for nodes/ and credentials/, TypeScript rules for the rest)", 'npm', [
		'run',
		'--silent',
		'lint',
	])
) {
	finish(1);
}
if (
	!run("n8n's verification scanner (@n8n/scan-community-package): the source and the npm pack tarball", 'node', [
		'scripts/scan.js',
	])
) {
	finish(1);
}
if (!run('format (Prettier; `npm run format` fixes it)', 'npm', ['run', '--silent', 'format:check'])) finish(1);
if (!run('typecheck (tests, sandbox, bench)', 'npm', ['run', '--silent', 'typecheck'])) finish(1);
jest('unit tests: helpers and transport policies, from source', ['unit']);
console.log(`\nsuite record (requests, secrets, exposure of every test step): ${recordDir}`);
jest('engine tests: n8n-core 2.x and legacy 1.x, against the sandbox', ['engine-2.x', 'engine-1.x'], {
	step: 'engine',
});
jest('timing tests, one file at a time: rate limit', ['timing-2.x', 'timing-1.x'], {
	extra: ['--runInBand'],
	step: 'timing',
});
const e2eReport = path.join(tmp, 'e2e.json');
run(
	'end to end in a real n8n 2.x (examples, package loading, credential tests, browser)',
	'node',
	['test/e2e/run.js', e2eReport],
	{
		jestReport: e2eReport,
		step: 'e2e',
	},
);
// Queue mode needs Redis (Debian's redis-server): without it the step fails at once, saying how to
// install it, and writes no record, so the suite check below does not expect one from it.
const queueReport = path.join(tmp, 'queue.json');
const hasRedis = !!findRedisServer();
run(
	`queue mode in a real n8n 2.x: main + 3 workers over Redis, the sandbox at its real limits${hasRedis ? '' : ` (redis-server missing: ${REDIS_INSTALL_HINT})`}`,
	'node',
	['test/queue/run.js', queueReport],
	{ jestReport: queueReport, step: 'queue' },
);
const expectedSteps = RECORDED_STEPS.filter((s) => s !== 'queue' || hasRedis);
const suiteOk = jest('whole suite: v3 contract conformance and secret scan of the record above', ['suite'], {
	env: { CC_SUITE_RECORD_DIR: recordDir, CC_SUITE_EXPECTED_STEPS: expectedSteps.join(',') },
});
// The record runs to hundreds of MB: kept only when its checks failed (or CC_KEEP_SUITE_RECORD=1).
if (suiteOk && !envFlag('CC_KEEP_SUITE_RECORD')) {
	fs.rmSync(recordDir, { recursive: true, force: true });
	console.log(`suite record removed (its checks passed; CC_KEEP_SUITE_RECORD=1 keeps it)`);
} else {
	console.log(`suite record kept: ${recordDir}`);
}
finish(failed === 0 ? 0 : 1);
