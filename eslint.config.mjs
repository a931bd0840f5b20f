// n8n's community-node rules for what ships (nodes/, credentials/, package.json); the tooling
// (tests, sandbox, benchmark, scripts) is Node.js code with its own, ordinary TypeScript rules.
import js from '@eslint/js';
import { config as n8nCommunityConfig } from '@n8n/node-cli/eslint';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SHIPPED = ['nodes/**/*.ts', 'credentials/**/*.ts'];
const TOOLING_TS = ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'];
const TOOLING_JS = ['test/**/*.js', 'scripts/**/*.js', 'bench/**/*.js', '*.js', '*.mjs'];

export default tseslint.config(
	{ ignores: ['dist/**', '.runtime/**', 'node_modules/**', 'coverage/**'] },
	...n8nCommunityConfig.map((entry) => (entry.files?.includes('**/*.ts') ? { ...entry, files: SHIPPED } : entry)),
	{
		files: TOOLING_TS,
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: globals.node },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
			],
			// The sandbox and the tests read and write loose JSON from the API and n8n.
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	{
		files: TOOLING_JS,
		extends: [js.configs.recommended],
		languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.jest } },
		rules: {
			'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
			// Best-effort clean-up of processes and files: a failure there changes nothing.
			'no-empty': ['error', { allowEmptyCatch: true }],
		},
	},
	{ files: ['*.mjs'], languageOptions: { sourceType: 'module' } },
);
