#!/usr/bin/env node
// `npm test`: everything, in order, from a fresh clone after `npm install`. Ends with one
// line "N passed, N failed" counting every test that ran.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-test-'));

let passed = 0;
let failed = 0;

function run(title, command, args, { jestReport } = {}) {
	const started = Date.now();
	console.log(`\n=== ${title}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (jestReport && fs.existsSync(jestReport)) {
		const report = JSON.parse(fs.readFileSync(jestReport, 'utf8'));
		passed += report.numPassedTests;
		failed += report.numFailedTests;
	}
	const ok = result.status === 0;
	console.log(`=== ${title}: ${ok ? 'ok' : 'FAILED'} in ${seconds} s`);
	if (!ok) {
		if (!jestReport) failed += 1;
		finish(1);
	}
}

function finish(code) {
	console.log(`\n${passed} passed, ${failed} failed`);
	process.exit(code);
}

const jest = (title, projects, extra = []) => {
	const report = path.join(tmp, `${projects.join('-')}.json`);
	run(title, bin('jest'), ['--selectProjects', ...projects, '--json', '--outputFile', report, ...extra], {
		jestReport: report,
	});
};

run('build (tsc + icons)', 'npm', ['run', '--silent', 'build']);
run("lint (n8n's community-node rules)", 'npm', ['run', '--silent', 'lint']);
run('typecheck (tests, sandbox, bench)', 'npm', ['run', '--silent', 'typecheck']);
jest('engine tests: n8n-core 2.x and legacy 1.x, against the sandbox', ['engine-2.x', 'engine-1.x']);
jest('timing tests, one file at a time: rate limit', ['timing-2.x', 'timing-1.x'], ['--runInBand']);
const e2eReport = path.join(tmp, 'e2e.json');
run('end to end in a real n8n 2.x (examples, package loading, credential tests, browser)', 'node', ['test/e2e/run.js', e2eReport], {
	jestReport: e2eReport,
});
finish(failed === 0 ? 0 : 1);
