#!/usr/bin/env node
// Part of `npm run build`: rewrites each node's entry in dist/ as one file holding the modules
// only it uses, so n8n loads a node with one read and compile instead of ~70 (package load time,
// see the benchmark). transport/ stays a shared module of its own: the node, its editor methods
// and the trigger must share one rate limiter per credential.
const path = require('node:path');
const esbuild = require('esbuild');

const dist = path.resolve(__dirname, '..', 'dist');
const transportDir = path.join(dist, 'nodes', 'ConstantContact', 'transport');
const entries = [
	path.join(dist, 'nodes', 'ConstantContact', 'ConstantContact.node.js'),
	path.join(dist, 'nodes', 'ConstantContactTrigger', 'ConstantContactTrigger.node.js'),
];

const keepTransportShared = (entry) => ({
	name: 'keep-transport-shared',
	setup(build) {
		build.onResolve({ filter: /^\./ }, (args) => {
			const target = path.resolve(args.resolveDir, args.path);
			if (target !== transportDir && !target.startsWith(transportDir + path.sep)) return undefined;
			const relative = path.relative(path.dirname(entry), target).split(path.sep).join('/');
			return { path: relative.startsWith('.') ? relative : `./${relative}`, external: true };
		});
	},
});

(async () => {
	for (const entry of entries) {
		await esbuild.build({
			entryPoints: [entry],
			outfile: entry,
			allowOverwrite: true,
			bundle: true,
			platform: 'node',
			format: 'cjs',
			target: 'node20',
			external: ['n8n-workflow', 'luxon'],
			plugins: [keepTransportShared(entry)],
			logLevel: 'warning',
		});
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
