/**
 * Package load time: `require` of the built nodes and credentials (package.json `n8n` lists) in
 * fresh `node` processes (no tsx), with n8n-workflow resolved from the project's node_modules
 * (the version n8n provides). Each process first requires n8n-workflow alone, then our files,
 * so the figure for our package excludes n8n-workflow's own load time; a second kind of process
 * requires our files straight away, which is what n8n pays when it loads only this package.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { PROJECT_ROOT } from '../test/harness';
import { median, type Row } from './common';

const PROCESSES = 7;
const TARGET_MS = 50;

interface Timing {
	workflowMs: number;
	ownMs: number;
	/** CPU time of the child while it required our files: what other load on the machine barely moves. */
	ownCpuMs: number;
}

function packageFiles(): string[] {
	const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	return [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => path.join(PROJECT_ROOT, file));
}

// Runs in the child: plain CommonJS, timed with the high-resolution clock.
const CHILD_SCRIPT = `
const files = JSON.parse(process.argv[1]);
const preloadWorkflow = process.argv[2] === 'preload';
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
let start = process.hrtime.bigint();
let workflowMs = 0;
if (preloadWorkflow) {
	require('n8n-workflow');
	workflowMs = ms(start);
	start = process.hrtime.bigint();
}
const cpu = process.cpuUsage();
for (const file of files) require(file);
const ownMs = ms(start);
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ workflowMs, ownMs, ownCpuMs: (user + system) / 1000 }));
`;

function timeInFreshProcess(files: string[], preloadWorkflow: boolean): Timing {
	const out = execFileSync(
		process.execPath,
		['-e', CHILD_SCRIPT, JSON.stringify(files), preloadWorkflow ? 'preload' : 'cold'],
		{
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
			env: { ...process.env, NODE_OPTIONS: '' },
		},
	);
	return JSON.parse(out) as Timing;
}

export function loadTime(): Row {
	const files = packageFiles();
	timeInFreshProcess(files, true); // warms the OS file cache
	const separated: Timing[] = [];
	const together: Timing[] = [];
	for (let i = 0; i < PROCESSES; i++) {
		separated.push(timeInFreshProcess(files, true));
		together.push(timeInFreshProcess(files, false));
	}
	const own = median(separated.map((t) => t.ownMs));
	const workflow = median(separated.map((t) => t.workflowMs));
	const withWorkflow = median(together.map((t) => t.ownMs));
	return {
		scenario: 'Package load (require of dist/)',
		headline: `${own.toFixed(1)} ms (n8n-workflow alone ${workflow.toFixed(0)} ms; both ${withWorkflow.toFixed(0)} ms)`,
		figures: {
			'our files ms (n8n-workflow loaded first)': own.toFixed(1),
			'n8n-workflow alone ms': workflow.toFixed(1),
			'our files with n8n-workflow ms': withWorkflow.toFixed(1),
		},
		notes: [
			`the 2 nodes and 2 credentials of package.json, in fresh node ${process.version} processes (no tsx); median of ${PROCESSES} each`,
			`our files, per process: ${separated.map((t) => t.ownMs.toFixed(1)).join(', ')} ms; CPU time (median) ${median(separated.map((t) => t.ownCpuMs)).toFixed(1)} ms`,
		],
		target: `< ${TARGET_MS} ms (our files)`,
		met: own < TARGET_MS,
	};
}
