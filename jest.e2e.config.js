/**
 * End-to-end tests (test/e2e/**): the real n8n 2.41 (installed in .runtime/ by
 * scripts/runtime/install.js) with this package installed as a community package, against the
 * Constant Contact sandbox started inside the jest process. Slow (n8n boots for every CLI
 * command): run one file at a time, `node test/e2e/run.js` (or jest -c jest.e2e.config.js --runInBand).
 */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: __dirname,
	displayName: 'e2e',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/.runtime/'],
	modulePathIgnorePatterns: ['<rootDir>/.runtime/', '<rootDir>/dist/'],
	watchPathIgnorePatterns: ['<rootDir>/.runtime/'],
	moduleFileExtensions: ['ts', 'js', 'json'],
	transform: require('./test/jest.transform.js'),
	// n8n boots in 4 to 8 s per CLI command, 10 to 30 s for a server on a fresh user folder.
	testTimeout: 180_000,
	slowTestThreshold: 60,
	maxWorkers: 1,
};
