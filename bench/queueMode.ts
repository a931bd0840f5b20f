/**
 * Queue mode (issue 12): a real n8n 2.41 main process with 1, 2 and then 3 `n8n worker
 * --concurrency=1` processes over Redis (test/queue/cluster.ts, the cluster the queue-mode tests
 * use), one v3 credential, the sandbox at its real limits. The work is the same in every row:
 * 300 schedules, split evenly over the workers as one webhook execution per worker, all started
 * together (1 x 300, 2 x 150, 3 x 100), so each worker runs exactly one execution. One cluster
 * for the three rows: the workers are added between them.
 * Targets at 3 workers: >= 92% of the 4 requests/s ceiling, 0 failed items, <= 0.1 refusals per
 * accepted request, and no worker finishing more than 1.5x later than another.
 */
import { startCluster } from '../test/queue/cluster';
import { describeRun, runSchedules, type RunFigures } from '../test/queue/scenario';
import { scheduleWorkflow, WEBHOOK_PATH } from '../test/queue/workflows';
import type { Row } from './common';

const SCHEDULES = 300;
const TARGET = { throughputPct: 92, failed: 0, refusalsPerAccepted: 0.1, spread: 1.5 };

function row(workers: number, f: RunFigures): Row {
	const withTarget = workers === 3;
	const met =
		f.throughputPct >= TARGET.throughputPct &&
		f.failed === TARGET.failed &&
		f.refusalsPerAccepted <= TARGET.refusalsPerAccepted &&
		f.finishSpread <= TARGET.spread &&
		f.duplicates === 0 &&
		f.mismatches.length === 0;
	return {
		scenario: `Queue mode, ${workers} worker${workers > 1 ? 's' : ''}: ${f.executions} x ${SCHEDULES / workers} v3 schedules, one credential`,
		headline:
			`${f.throughputPct.toFixed(1)}% of 4 req/s, ${f.failed} failed, ${f.refusalsPerAccepted.toFixed(2)} refusals/accepted, ` +
			`finish spread ${Number.isFinite(f.finishSpread) ? f.finishSpread.toFixed(2) : '-'}`,
		figures: {
			seconds: f.wallSeconds.toFixed(1),
			'accepted req/s': f.acceptedPerSecond.toFixed(2),
			'% of 4 req/s': f.throughputPct.toFixed(1),
			'failed items': f.failed,
			'scheduled twice': f.duplicates,
			refusals: f.refused,
			'refusals/accepted': f.refusalsPerAccepted.toFixed(2),
			'max accepted in any 1 s': f.maxAcceptedInAnySecond,
			'worker finish (s)': f.workerFinish.map((w) => w.finishedAfter.toFixed(1)).join(' / '),
			'spread max/min': Number.isFinite(f.finishSpread) ? f.finishSpread.toFixed(2) : '-',
		},
		notes: describeRun('run', f).split('\n').slice(1),
		target: withTarget
			? `>= ${TARGET.throughputPct}%, ${TARGET.failed} failed, <= ${TARGET.refusalsPerAccepted} refusals/accepted, spread <= ${TARGET.spread}`
			: undefined,
		met: withTarget ? met : undefined,
	};
}

export async function queueMode(): Promise<Row[]> {
	const cluster = await startCluster({
		tag: 'bench',
		workers: 1,
		webhooks: [WEBHOOK_PATH.v3],
		workflows: () => [scheduleWorkflow('v3')],
	});
	const rows: Row[] = [];
	try {
		console.log(`[bench] queue mode: cluster up in ${cluster.startup.total.toFixed(1)} s`);
		for (const workers of [1, 2, 3]) {
			while (cluster.workers.length < workers) await cluster.addWorker();
			const f = await runSchedules(cluster, {
				api: 'v3',
				executions: workers,
				itemsPerExecution: SCHEDULES / workers,
				label: `bench-${workers}w`,
			});
			console.log(describeRun(`[bench] queue mode, ${workers} worker(s)`, f));
			rows.push(row(workers, f));
		}
	} finally {
		await cluster.stop();
	}
	return rows;
}
