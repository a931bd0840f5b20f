/**
 * One queue-mode run and what it measured, from the sandbox's own records: `executions` webhook
 * executions started together, each scheduling its share of freshly seeded draft campaigns
 * (v2) or campaign activities (v3) with the same credential. Shared by test/queue/queue.test.ts
 * and the benchmark's queue rows (bench/queueMode.ts).
 */
import type { RecordedRequest } from '../sandbox';
import type { Cluster, Worker } from './cluster';
import { futureDate, WEBHOOK_PATH, WORKFLOW_ID, type Api, type ScheduleBody } from './workflows';

/** The account's limit (both APIs: per key in v2, per application in v3). */
export const LIMIT_PER_SECOND = 4;

export interface ItemOutcome {
	id: string;
	/** the item's own error message, when it failed */
	error?: string;
	/** accepted POSTs that scheduled this id (the sandbox's record: 2xx answers) */
	scheduled: number;
}

export interface ExecutionOutcome {
	label: string;
	status: number;
	/** seconds from the common start until n8n answered the webhook (the execution ended) */
	finishedAfter: number;
	items: ItemOutcome[];
	/** what was wrong with the answer as a whole (not a list of items, wrong count) */
	problem?: string;
}

export interface RunFigures {
	api: Api;
	executions: number;
	items: number;
	done: number;
	failed: number;
	/** ids scheduled by more than one accepted POST */
	duplicates: number;
	/** items whose outcome disagrees with the sandbox (done but not scheduled once, failed but scheduled) */
	mismatches: string[];
	/** accepted requests of this API while the run lasted */
	accepted: number;
	/** refused for rate (per second) or quota (daily) */
	refused: number;
	refusedDaily: number;
	/** refusals per accepted request */
	refusalsPerAccepted: number;
	/** most accepted requests in any 1 s (sliding, by arrival) */
	maxAcceptedInAnySecond: number;
	/** (accepted - 1) / (last - first accepted arrival): 4/s with perfect pacing */
	acceptedPerSecond: number;
	/** acceptedPerSecond as % of 4/s */
	throughputPct: number;
	/** seconds from the common start to the last answer */
	wallSeconds: number;
	/** per execution, in start order */
	executionFinish: number[];
	/** per worker that ran executions: seconds from the common start to its last finished execution */
	workerFinish: Array<{ worker: number; executions: number; finishedAfter: number }>;
	/** max / min of workerFinish (1 with one worker) */
	finishSpread: number;
	/** per execution: its accepted schedule requests in each SHARE_BUCKET_S seconds from the start (shares over time) */
	acceptedPerBucket: number[][];
	/** error messages of failed items, counted */
	errors: Record<string, number>;
	outcomes: ExecutionOutcome[];
}

export interface RunOptions {
	api: Api;
	executions: number;
	itemsPerExecution: number;
	label: string;
	/** called once the run is going (e.g. to expire the access tokens mid-run) */
	during?: (progress: { acceptedSchedules: () => number; startedAt: number }) => Promise<void>;
}

const schedulePath = (api: Api) =>
	api === 'v3'
		? /^\/v3\/emails\/activities\/([^/]+)\/schedules$/
		: /^\/v2\/emailmarketing\/campaigns\/([^/]+)\/schedules$/;

/** The id an accepted (2xx) schedule POST of `api` scheduled, else undefined. */
function scheduledId(api: Api, r: RecordedRequest): string | undefined {
	const m = schedulePath(api).exec(r.path);
	const ok = r.method === 'POST' && r.handledStatus !== undefined && r.handledStatus < 300;
	return m && ok ? decodeURIComponent(m[1]) : undefined;
}

/** Seconds per figure of acceptedPerBucket. */
const SHARE_BUCKET_S = 10;

/** Counted by the account's limit: authenticated and not refused for rate (what the sandbox's window holds). */
const isAccepted = (r: RecordedRequest) => !r.refused && r.status !== 401;

/** Seeds the drafts, fires the webhooks together, waits for every answer and measures. */
export async function runSchedules(cluster: Cluster, options: RunOptions): Promise<RunFigures> {
	const { api, executions, itemsPerExecution } = options;
	const sandbox = cluster.env.sandbox;
	const list = sandbox.addLists(1, { name: `Queue ${options.label} ${Date.now()}`, contacts: 2 })[0];
	const drafts = sandbox.draftCampaigns(api, executions * itemsPerExecution, {
		prefix: `Queue ${options.label}`,
		lists: [list],
	});
	const ids = drafts.map((d) => (api === 'v3' ? (d.activityId as string) : d.campaignId));
	const date = futureDate();
	const bodies: ScheduleBody[] = Array.from({ length: executions }, (_, e) => ({
		label: `${options.label} #${e + 1}`,
		items: ids.slice(e * itemsPerExecution, (e + 1) * itemsPerExecution).map((id) => ({ id, date })),
	}));
	const finishedBefore = new Map(cluster.workers.map((w) => [w, new Set(w.finished.keys())]));
	const firstRequest = sandbox.requests.length;
	const startedAt = Date.now();
	const ownRequests = () =>
		sandbox.requests.slice(firstRequest).filter((r) => r.api === api && r.arrivedAt >= startedAt);
	const acceptedSchedules = () => ownRequests().filter((r) => scheduledId(api, r) !== undefined).length;
	const answers = Promise.all(
		bodies.map(async (body) => {
			try {
				return await cluster.webhook(WEBHOOK_PATH[api], body);
			} catch (e) {
				return { status: 0, json: undefined, text: (e as Error).message, at: Date.now() };
			}
		}),
	);
	if (options.during) await options.during({ acceptedSchedules, startedAt });
	const replies = await answers;
	const endedAt = Date.now();

	// what the sandbox saw
	const requests = ownRequests().filter((r) => r.arrivedAt <= endedAt);
	const scheduledCount = new Map<string, number>();
	for (const r of requests) {
		const id = scheduledId(api, r);
		if (id !== undefined) scheduledCount.set(id, (scheduledCount.get(id) ?? 0) + 1);
	}
	const accepted = requests.filter(isAccepted);
	const refused = requests.filter((r) => r.refused);
	const arrivals = accepted.map((r) => r.arrivedAt).sort((a, b) => a - b);
	const span = arrivals.length > 1 ? (arrivals[arrivals.length - 1] - arrivals[0]) / 1000 : 0;
	const acceptedPerSecond = span > 0 ? (arrivals.length - 1) / span : 0;
	const inRun = new Set(requests);
	const maxAcceptedInAnySecond = sandbox.maxRequestsInAnyWindow(1000, (r) => inRun.has(r) && isAccepted(r));

	// what each execution answered
	const outcomes: ExecutionOutcome[] = replies.map((reply, e) => {
		const body = bodies[e];
		const out: ExecutionOutcome = {
			label: body.label,
			status: reply.status,
			finishedAfter: (reply.at - startedAt) / 1000,
			items: [],
		};
		const items: any[] | undefined = Array.isArray(reply.json) ? reply.json : undefined;
		if (reply.status !== 200 || !items) out.problem = `HTTP ${reply.status}: ${reply.text.slice(0, 300)}`;
		else if (items.length !== body.items.length)
			out.problem = `${items.length} items answered for ${body.items.length} sent`;
		out.items = body.items.map(({ id }, i) => {
			const json = items?.[i];
			const scheduled = scheduledCount.get(id) ?? 0;
			if (!json) return { id, error: out.problem ?? 'no item answered', scheduled };
			if (json.error !== undefined) return { id, error: errorText(json), scheduled };
			const answered = api === 'v3' ? json.campaign_activity_id : json.campaign_id;
			if (answered !== id) return { id, error: `answered for ${String(answered)}, not ${id}`, scheduled };
			return { id, scheduled };
		});
		return out;
	});
	const all = outcomes.flatMap((o) => o.items);
	const mismatches = all
		.filter((i) => (i.error === undefined ? i.scheduled !== 1 : i.scheduled !== 0))
		.map(
			(i) => `${i.id}: ${i.error === undefined ? 'done' : `failed (${i.error})`} but scheduled ${i.scheduled} times`,
		);
	const executionOf = new Map(bodies.flatMap((body, e) => body.items.map(({ id }) => [id, e] as const)));
	const acceptedPerBucket = bodies.map(() => [] as number[]);
	for (const r of accepted) {
		const id = scheduledId(api, r);
		const e = id === undefined ? undefined : executionOf.get(id);
		if (e === undefined) continue;
		const bucket = Math.floor((r.arrivedAt - startedAt) / (SHARE_BUCKET_S * 1000));
		const counts = acceptedPerBucket[e];
		while (counts.length <= bucket) counts.push(0);
		counts[bucket]++;
	}
	const errors: Record<string, number> = {};
	for (const i of all) if (i.error !== undefined) errors[i.error] = (errors[i.error] ?? 0) + 1;

	// Only this workflow's executions (a trigger's may run on a worker meanwhile).
	const mine = await cluster.executionIds(WORKFLOW_ID[api]);
	const workerFinish = cluster.workers
		.map((w: Worker) => {
			const ran = [...w.finished.entries()].filter(
				([id, at]) => mine.has(id) && !finishedBefore.get(w)?.has(id) && at >= startedAt,
			);
			return {
				worker: w.index,
				executions: ran.length,
				finishedAfter: ran.length ? (Math.max(...ran.map(([, at]) => at)) - startedAt) / 1000 : 0,
			};
		})
		.filter((w) => w.executions > 0);
	const times = workerFinish.map((w) => w.finishedAfter);
	const finishSpread = times.length ? Math.max(...times) / Math.max(0.001, Math.min(...times)) : NaN;

	return {
		api,
		executions,
		items: all.length,
		done: all.filter((i) => i.error === undefined).length,
		failed: all.filter((i) => i.error !== undefined).length,
		duplicates: [...scheduledCount.values()].filter((n) => n > 1).length,
		mismatches,
		accepted: accepted.length,
		refused: refused.length,
		refusedDaily: refused.filter((r) => r.refused === 'daily').length,
		refusalsPerAccepted: accepted.length ? refused.length / accepted.length : NaN,
		maxAcceptedInAnySecond,
		acceptedPerSecond,
		throughputPct: (acceptedPerSecond / LIMIT_PER_SECOND) * 100,
		wallSeconds: (endedAt - startedAt) / 1000,
		executionFinish: outcomes.map((o) => o.finishedAfter),
		workerFinish,
		finishSpread,
		acceptedPerBucket,
		errors,
		outcomes,
	};
}

function errorText(json: any): string {
	const e = json.error;
	const text = typeof e === 'string' ? e : e && typeof e.message === 'string' ? e.message : JSON.stringify(e);
	return String(text).slice(0, 200);
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');

/** The figures as a few lines (the same wording in the test output and the benchmark). */
export function describeRun(title: string, f: RunFigures): string {
	const lines = [
		`${title}: ${f.executions} executions x ${f.items / f.executions} items on ${f.api}, ${f.wallSeconds.toFixed(1)} s`,
		`  items: ${f.done} done, ${f.failed} failed, ${f.duplicates} scheduled twice, ${f.mismatches.length} disagreeing with the sandbox`,
		`  accepted ${f.accepted} requests at ${f2(f.acceptedPerSecond)}/s = ${f1(f.throughputPct)}% of ${LIMIT_PER_SECOND}/s; ` +
			`refused ${f.refused} (${f.refusedDaily} for the daily quota) = ${f2(f.refusalsPerAccepted)} per accepted; ` +
			`at most ${f.maxAcceptedInAnySecond} accepted in any second`,
		`  executions finished after: ${f.executionFinish.map((s) => `${s.toFixed(1)} s`).join(', ')}`,
		`  accepted per ${SHARE_BUCKET_S} s, per execution: ${f.acceptedPerBucket.map((counts, e) => `#${e + 1} ${counts.join(' ')}`).join(' | ')}`,
		`  workers finished after: ${f.workerFinish.map((w) => `worker ${w.worker} (${w.executions} exec.) ${w.finishedAfter.toFixed(1)} s`).join(', ') || 'none logged'}; spread max/min ${f2(f.finishSpread)}`,
	];
	const errs = Object.entries(f.errors).sort((a, b) => b[1] - a[1]);
	if (errs.length)
		lines.push(
			`  item errors: ${errs
				.slice(0, 5)
				.map(([m, n]) => `${n} x "${m}"`)
				.join('; ')}`,
		);
	for (const o of f.outcomes) if (o.problem) lines.push(`  ${o.label}: ${o.problem}`);
	if (f.mismatches.length) lines.push(`  disagreeing: ${f.mismatches.slice(0, 5).join('; ')}`);
	return lines.join('\n');
}
