/**
 * Queue-mode tests (test/queue/**): a real n8n 2.41 main process, `n8n worker` processes and
 * Redis (test/queue/cluster.ts), against the sandbox at its real rate limits. One file, one
 * cluster for all its scenarios: run through `npm run test:queue` (test/queue/run.js).
 */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: __dirname,
	displayName: 'queue',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/queue/**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/.runtime/'],
	modulePathIgnorePatterns: ['<rootDir>/.runtime/', '<rootDir>/dist/'],
	watchPathIgnorePatterns: ['<rootDir>/.runtime/'],
	moduleFileExtensions: ['ts', 'js', 'json'],
	transform: require('./test/jest.transform.js'),
	// Each scenario waits on the account's 4 requests/second: 300 schedules take 75 s at best.
	testTimeout: 900_000,
	slowTestThreshold: 120,
	maxWorkers: 1,
};
