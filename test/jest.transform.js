// ts-jest, transpile only (fast); type checking is `npm run typecheck`'s job. Shared by
// jest.config.js and jest.e2e.config.js.
module.exports = {
	'^.+\\.ts$': [
		'ts-jest',
		{
			tsconfig: {
				module: 'commonjs',
				target: 'es2021',
				esModuleInterop: true,
				resolveJsonModule: true,
				isolatedModules: true,
				sourceMap: true,
				useUnknownInCatchVariables: false,
			},
			diagnostics: false,
		},
	],
};
