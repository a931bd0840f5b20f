/**
 * A real n8n 2.41 cluster in queue mode, shared by the queue-mode tests (test/queue/) and the
 * benchmark's queue rows (bench/queueMode.ts): Redis (Debian's redis-server, loopback, no
 * persistence), `n8n start` with EXECUTIONS_MODE=queue (the main process: editor, webhooks,
 * triggers and pollers) and `n8n worker --concurrency=1` processes (so executions started together
 * spread over the workers, one each), all on one user folder and SQLite database, with this
 * package installed as a community package. The Constant Contact sandbox runs in this process at
 * its real limits (4 requests/s and 10,000 a day per account, counted over every client), so a
 * test reads from its state what every process sent.
 */
import { recordServerLog } from '../e2e/n8n-exposure';
import { appendExposure, currentTestName } from '../suite/record';
import { cli, createEnv, freePort, startServer, withLogTail, workflowExecutions, type E2eEnv } from '../e2e/real-n8n';
import type { SandboxOptions } from '../sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const redisHelper = require('../../scripts/runtime/redis');

interface N8nProcess {
	pid: number;
	url: string;
	ready: Promise<number>;
	stop(opts?: { timeoutMs?: number }): Promise<unknown>;
	exited: Promise<{ code: number | null; signal: string | null }>;
	logs(): string;
}

/** One `n8n worker` process and what it logged about the executions it ran. */
export interface Worker {
	/** 1, 2, 3 ... in start order */
	index: number;
	proc: N8nProcess;
	/** execution id -> wall-clock ms at which the worker logged it */
	started: Map<string, number>;
	finished: Map<string, number>;
}

export interface ClusterOptions {
	tag: string;
	/** workers started with the main process (more with addWorker) */
	workers: number;
	/** per worker (default 1) */
	concurrency?: number;
	/** default: the sandbox's real limits */
	sandbox?: SandboxOptions;
	/** workflows imported and published before n8n starts (2.x activates published ones at start) */
	workflows?: (env: E2eEnv) => object[] | Promise<object[]>;
	/** production webhook paths (POST) to wait for: n8n registers them after it answers ready */
	webhooks?: string[];
	/** called with every line the main process or a worker prints (`who` is 'main' or 'worker <n>') */
	onLine?: (who: string, line: string) => void;
}

export interface Cluster {
	env: E2eEnv;
	redisPort: number;
	main: { url: string; cookie: string; proc: N8nProcess };
	workers: Worker[];
	/** seconds each part took to come up */
	startup: { redis: number; main: number; workers: number[]; total: number };
	addWorker(): Promise<Worker>;
	/** POSTs JSON to the production webhook `path`; resolves when n8n answers (responseMode lastNode: when the execution ended). */
	webhook(
		path: string,
		body: unknown,
		timeoutMs?: number,
	): Promise<{ status: number; json: any; text: string; at: number }>;
	/** ids of the stored executions of a workflow (n8n's REST API, newest 100) */
	executionIds(workflowId: string): Promise<Set<string>>;
	/** the worker that logged the execution, if any */
	workerOf(executionId: string): Worker | undefined;
	stop(): Promise<void>;
}

const STARTED = /Worker started execution (\S+) \(job/;
const FINISHED = /Worker finished execution (\S+) \(job/;

/** Starts Redis, imports and publishes the workflows, then starts main and, once it is up, the workers together. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
	const t0 = Date.now();
	const concurrency = options.concurrency ?? 1;
	const redisPort = await freePort();
	// (throws, saying how to install it, when redis-server is missing)
	const redis = redisHelper.startRedis({ port: redisPort });
	const stopping: Array<() => Promise<unknown>> = [() => redis.stop()];
	let env: E2eEnv | undefined;
	const workers: Worker[] = [];
	const stopAll = async () => {
		await Promise.all(workers.map((w) => stopWorkerProc(w)));
		for (const stop of stopping.reverse()) await stop().catch(() => undefined);
		await env?.cleanup();
	};
	try {
		const redisReady = redis.ready as Promise<number>;
		// The account's real limits, counted over every client (createEnv's default turns them off).
		env = await createEnv(`queue-${options.tag}`, {
			sandbox: { rateLimitPerSecond: 4, dailyLimit: 10_000, ...(options.sandbox ?? {}) },
		});
		const redisSeconds = await redisReady;
		const queue = { redisPort };
		const workflows = options.workflows ? await options.workflows(env) : [];
		if (workflows.length) {
			await cli.importWorkflow(workflows, env.opts);
			for (const w of workflows as Array<{ id: string }>) {
				const r = await cli.publishWorkflow(w.id, env.opts);
				options.onLine?.('publish', `${w.id}: ${(r.stdout + r.stderr).trim().split('\n').slice(-3).join(' | ')}`);
			}
		}
		const lineSplitter = (who: string, onLine: (line: string) => void) => {
			let partial = '';
			return (chunk: string) => {
				partial += chunk;
				const lines = partial.split('\n');
				partial = lines.pop() ?? '';
				for (const l of lines) {
					onLine(l);
					options.onLine?.(who, l);
				}
			};
		};

		let workerCount = 0;
		const launchWorker = async (): Promise<Worker> => {
			const index = ++workerCount;
			const worker: Worker = {
				index,
				proc: undefined as unknown as N8nProcess,
				started: new Map(),
				finished: new Map(),
			};
			workers.push(worker);
			const [healthPort, brokerPort] = [await freePort(), await freePort()];
			const onLine = (l: string) => {
				const s = STARTED.exec(l);
				if (s) worker.started.set(s[1], Date.now());
				const f = FINISHED.exec(l);
				if (f) worker.finished.set(f[1], Date.now());
			};
			worker.proc = cli.startWorker({
				...env!.opts,
				queue,
				concurrency,
				healthPort,
				brokerPort,
				onOutput: lineSplitter(`worker ${index}`, onLine),
			});
			try {
				await worker.proc.ready;
			} catch (e) {
				throw withLogTail(e, `worker ${index}`, worker.proc.logs());
			}
			return worker;
		};

		// Main first: a first start seeds the instance's keys and settings in the shared SQLite
		// database, and processes seeding it at once can lock each other out (a worker that then
		// crashes). The workers, started together once main is up, only read them.
		const mainStart = Date.now();
		const main = await startServer(env, { queue, onOutput: lineSplitter('main', () => undefined) });
		const mainSeconds = (Date.now() - mainStart) / 1000;
		stopping.push(() => main.server.stop());
		const workerSeconds = await Promise.all(
			Array.from({ length: options.workers }, async () => {
				const t = Date.now();
				await launchWorker();
				return (Date.now() - t) / 1000;
			}),
		);
		// n8n answers readiness before it has registered the published workflows' webhooks.
		for (const path of options.webhooks ?? []) await waitForWebhook(main.url, path);

		const cluster: Cluster = {
			env,
			redisPort,
			main: { url: main.url, cookie: main.cookie, proc: main.server },
			workers,
			startup: { redis: redisSeconds, main: mainSeconds, workers: workerSeconds, total: (Date.now() - t0) / 1000 },
			addWorker: launchWorker,
			async webhook(path, body, timeoutMs = 600_000) {
				const r = await cli.httpRequest('POST', `${main.url}/webhook/${path}`, { body, timeoutMs });
				// what n8n answered (the items) goes to the suite's secret scan, as the e2e tests' REST answers
				appendExposure({
					source: 'e2e',
					where: `${currentTestName()} › webhook POST /webhook/${path} -> ${r.status}`,
					responses: [r.text],
				});
				return { status: r.status, json: r.json, text: r.text, at: Date.now() };
			},
			async executionIds(workflowId) {
				return new Set((await workflowExecutions(main.url, main.cookie, workflowId)).map((e) => e.id));
			},
			workerOf(executionId) {
				return workers.find((w) => w.started.has(executionId) || w.finished.has(executionId));
			},
			stop: stopAll,
		};
		return cluster;
	} catch (e) {
		await stopAll();
		throw e;
	}
}

/** Waits until a GET to the POST webhook `path` gets "not registered for GET" (the path is registered). */
async function waitForWebhook(url: string, path: string, timeoutMs = 60_000): Promise<void> {
	const t = Date.now();
	let last = '';
	while (Date.now() - t < timeoutMs) {
		const r = await cli
			.httpRequest('GET', `${url}/webhook/${path}`)
			.catch((e: Error) => ({ status: 0, text: e.message }));
		if (/did you mean to make a POST request/i.test(r.text)) return;
		last = `HTTP ${r.status} ${r.text.slice(0, 200)}`;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n did not register the webhook POST /webhook/${path} within ${timeoutMs / 1000} s: ${last}`);
}

async function stopWorkerProc(worker: Worker): Promise<void> {
	if (!worker.proc) return;
	await worker.proc.stop().catch(() => undefined);
	recordServerLog(worker.proc.logs());
}
