/**
 * Two projects run the same tests against both n8n engine lines:
 *  - engine-2.x: n8n-core 2.x / n8n-workflow 2.x as installed.
 *  - engine-1.x: `n8n-core` / `n8n-workflow` (for the harness, the engine's own modules and our
 *    built node in dist/) resolve to the `n8n-core-v1` / `n8n-workflow-v1` aliases
 *    (n8n-core@1.122.48 + n8n-workflow@1.120.31), as inside a real 1.x n8n.
 * test/sandbox/** runs once (2.x project only); test/e2e/** and test/queue/** are not run by jest here
 * (jest.e2e.config.js, jest.queue.config.js).
 * The `suite` project (test/suite/**) checks the record the other steps of `npm test` wrote
 * (contract conformance, secret scan): scripts/test.js runs it last.
 */
const tsJestTransform = require('./test/jest.transform.js');

const common = {
	rootDir: __dirname,
	// Only test/ is scanned: .runtime/ holds a whole n8n installation.
	roots: ['<rootDir>/test'],
	modulePathIgnorePatterns: ['<rootDir>/.runtime/'],
	testEnvironment: 'node',
	transform: tsJestTransform,
	moduleFileExtensions: ['ts', 'js', 'json'],
	testPathIgnorePatterns: [
		'/node_modules/',
		'<rootDir>/dist/',
		'<rootDir>/test/e2e/',
		'<rootDir>/test/queue/',
		'<rootDir>/test/suite/',
		'<rootDir>/test/unit/',
	],
};

const TIMING = '.timing.test.ts';

/** @type {import('jest').Config} */
module.exports = {
	testTimeout: 60_000,
	// The engine tests mostly wait on the node's 4 requests/second limiter, not on the CPU:
	// 4 workers on 2 cores take a third of the time of 2 (timing tests run alone anyway).
	maxWorkers: 4,
	// No forceExit: every test file must let its process exit. (n8n-core 1.x's SSHClientsManager
	// starts a 60 s interval it never unrefs: the harness unrefs it, see test/harness/engine.ts;
	// the sandbox's held-back answers, a 75 s stall in the fault sweep, are unref'd timers.)
	projects: [
		...engineLines('engine', ['<rootDir>/test/**/*.test.ts'], [TIMING]),
		// Timing-sensitive tests: run on their own (`--runInBand`, after the others), since CPU
		// contention from parallel test files delays requests unevenly.
		...engineLines('timing', [`<rootDir>/test/**/*${TIMING}`], []),
		// Unit tests of helpers and transport policies, from source (no dist/, no engine): seconds.
		{
			...common,
			displayName: 'unit',
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/'],
		},
		{
			...common,
			displayName: 'suite',
			testMatch: ['<rootDir>/test/suite/**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/'],
		},
	],
};

/** The same tests on n8n-core 2.x and, through module aliases, on the legacy 1.x engine. */
function engineLines(prefix, testMatch, ignore) {
	const ignored = [...common.testPathIgnorePatterns, ...ignore];
	return [
		{ ...common, displayName: `${prefix}-2.x`, testMatch, testPathIgnorePatterns: ignored },
		{
			...common,
			displayName: `${prefix}-1.x`,
			testMatch,
			// The sandbox's own tests do not involve the engine: run them once.
			testPathIgnorePatterns: [...ignored, '<rootDir>/test/sandbox/'],
			moduleNameMapper: {
				'^n8n-workflow$': 'n8n-workflow-v1',
				'^n8n-workflow/(.*)$': 'n8n-workflow-v1/$1',
				'^n8n-core$': 'n8n-core-v1',
				'^n8n-core/(.*)$': 'n8n-core-v1/$1',
			},
		},
	];
}
