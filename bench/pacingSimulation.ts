/**
 * The pacing on a virtual clock (bench/pacing-sim/simulate.js): 1, 2 and 3 processes sharing one
 * 4 requests/second account, 300 requests in all, 200 runs each. The same work as the queue-mode
 * rows, without n8n or the machine's noise: the mean and range over many runs, where the real
 * cluster gives one run. Then the same with the arrival delays measured in the cluster (--jitter),
 * closer to what the cluster shows. No target: the queue-mode rows are the ones that count.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import type { Row } from './common';

const REQUESTS = 300;
const RUNS = 200;

interface Stats {
	mean: number;
	min: number;
	max: number;
}

interface Simulated {
	processes: number;
	pct: Stats;
	refusalsPerAccepted: Stats;
	spread: Stats;
	emptyWhileAllRun: Stats;
	emptyAfterFirstFinished: Stats;
	targetPct: number;
	underTarget: number;
}

function simulate(processes: number, jitter: boolean): Simulated {
	const script = join(__dirname, 'pacing-sim', 'simulate.js');
	const args = ['--processes', processes, '--requests', REQUESTS / processes, '--runs', RUNS].map(String);
	if (jitter) args.push('--jitter');
	return JSON.parse(execFileSync(process.execPath, [script, ...args], { encoding: 'utf8' })) as Simulated;
}

const range = (s: Stats, digits: number) =>
	`${s.mean.toFixed(digits)} (${s.min.toFixed(digits)} to ${s.max.toFixed(digits)})`;

export function pacingSimulation(): Row[] {
	const cases = [false, true].flatMap((jitter) => [1, 2, 3].map((processes) => ({ processes, jitter })));
	return cases.map(({ processes, jitter }) => {
		const s = simulate(processes, jitter);
		return {
			scenario:
				`Pacing simulated, ${processes} process${processes > 1 ? 'es' : ''} x ${REQUESTS / processes} requests, ${RUNS} runs` +
				(jitter ? ', with the arrival delays measured in the cluster' : ''),
			headline:
				`${s.pct.mean.toFixed(1)}% of 4 req/s, ${s.refusalsPerAccepted.mean.toFixed(2)} refusals/accepted, ` +
				`spread ${s.spread.mean.toFixed(2)} (means)`,
			figures: {
				'% of 4 req/s': range(s.pct, 1),
				'refusals/accepted': range(s.refusalsPerAccepted, 3),
				'spread max/min': range(s.spread, 2),
				'empty slots while all run': range(s.emptyWhileAllRun, 1),
				'empty slots after the first finished': range(s.emptyAfterFirstFinished, 1),
				[`runs under ${s.targetPct}%`]: `${Math.round(s.underTarget * 100)}%`,
			},
		};
	});
}
