/**
 * Queue-mode tests (test/queue/**): a real n8n 2.41 main process, `n8n worker` processes and
 * Redis (test/queue/cluster.ts), against the sandbox at its real rate limits. One file, one
 * cluster for all its scenarios: run through `npm run test:queue` (test/queue/run.js).
 * The e2e config (same runtime, same transform and ignores) with its own files and time limits.
 */
const e2e = require('./jest.e2e.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...e2e,
	displayName: 'queue',
	testMatch: ['<rootDir>/test/queue/**/*.test.ts'],
	// Each scenario waits on the account's 4 requests/second: 300 schedules take 75 s at best.
	testTimeout: 900_000,
	slowTestThreshold: 120,
};
