#!/usr/bin/env node
/**
 * The built limiter (dist/.../transport/rateLimiter.js) on a virtual clock: K processes share one
 * account that accepts 4 requests in any 1000 ms (a sliding window, as the sandbox counts), each
 * process sending N requests 5 at a time, as a queue-mode worker runs one execution (the node's
 * router runs 5 items at once; --concurrency changes it). A run
 * of 100 s takes milliseconds, with no machine noise, so a change to the pacing can be judged on
 * many runs before the real cluster (test/queue, bench/queueMode.ts) confirms it.
 *
 *   node bench/pacing-sim/simulate.js [--processes 3] [--requests 100] [--runs 20] [--latency 20]
 *     [--concurrency 5] [--jitter] [--trace] [--limiter path/to/rateLimiter.js]
 *
 * --jitter: requests leave after the delays measured in the queue-mode cluster instead of 1-5 ms.
 * --trace: prints what each process did in the first run (slots between its requests).
 * --limiter: a variant of the built limiter to compare (it must resolve n8n-workflow from its folder).
 *
 * Prints one JSON line: the mean, min and max over the runs of the accepted requests/second as %
 * of 4/s, the refusals per accepted request, the finish spread (latest / earliest process) and the
 * slots left empty while every process had work and after the first one finished; and the share of
 * runs under the queue-mode target at 3 workers (92% of 4/s).
 * Each process gets its own limiter (its own credential key), as separate n8n processes would.
 * The clock is this process's own (Date.now and n8n-workflow's sleep are replaced), so it runs
 * as a child process of the benchmark, never inside it.
 */
const path = require('node:path');

const RATE = 4;
// As nodes/ConstantContact/actions/router.ts (CONCURRENT_ITEMS).
const CONCURRENT_ITEMS = option('concurrency', 5);
const WINDOW_MS = 1000;
// The limiter's slots: 1000/rate ms plus its 5 ms margin.
const SLOT_MS = Math.ceil(WINDOW_MS / RATE) + 5;
// The queue-mode target at 3 workers (% of 4/s): the share of runs under it is printed.
const TARGET_PCT = 92;
// A request leaves a few ms after its turn (building it, the socket) and is answered after the latency.
const DISPATCH_MS = [1, 5];
// In the queue-mode cluster (3 workers, 2 cores) requests arrived 2 to 10 ms after their turn, and
// about 1 in 100 up to 25 ms later still (arrival times within their slot, 4 cluster runs of
// 2026-12-03, the pacing before 33de335).
const CLUSTER_DISPATCH_MS = [2, 10];
const CLUSTER_LATE = { share: 0.01, ms: [0, 25] };

function textOption(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
}

function option(name, fallback) {
	const text = textOption(name);
	return text === undefined ? fallback : Number(text);
}

const flag = (name) => process.argv.includes(`--${name}`);

const between = ([low, high]) => low + Math.random() * (high - low);

function dispatchMs() {
	if (!flag('jitter')) return between(DISPATCH_MS);
	return between(CLUSTER_DISPATCH_MS) + (Math.random() < CLUSTER_LATE.share ? between(CLUSTER_LATE.ms) : 0);
}

/** Timers on a virtual clock: time jumps to the next timer once nothing else is left to run. */
class VirtualClock {
	constructor(start) {
		this.now = start;
		this.timers = [];
		this.seq = 0;
	}

	sleep(ms) {
		return new Promise((resolve) => this.timers.push({ at: this.now + Math.max(0, ms), seq: this.seq++, resolve }));
	}

	async runUntil(done) {
		while (!done()) {
			await new Promise((resolve) => setImmediate(resolve));
			if (!this.timers.length) continue;
			this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
			const next = this.timers.shift();
			this.now = Math.max(this.now, next.at);
			next.resolve();
		}
	}
}

function loadLimiter(clock) {
	const built = path.join(__dirname, '../../dist/nodes/ConstantContact/transport/rateLimiter.js');
	const file = path.resolve(textOption('limiter', built));
	const workflow = require.resolve('n8n-workflow', { paths: [path.dirname(file)] });
	require.cache[workflow] = {
		id: workflow,
		filename: workflow,
		loaded: true,
		exports: { sleep: async (ms) => await clock.sleep(ms) },
	};
	delete require.cache[require.resolve(file)];
	Date.now = () => clock.now;
	return require(file);
}

/** Each process's requests as slots since its previous one ('x': refused), from its first slot. */
function traceOf(log, processes) {
	return Array.from({ length: processes }, (_, p) => {
		let previous;
		const steps = log
			.filter((l) => l.process === p)
			.map((l) => {
				const slot = Math.floor(l.at / SLOT_MS);
				const step = previous === undefined ? `@${slot % 1000}` : `${l.ok ? '' : 'x'}${slot - previous}`;
				previous = slot;
				return step;
			});
		return `process ${p + 1}: ${steps.join(' ')}`;
	}).join('\n');
}

/** One run: `processes` processes of `requests` requests each. */
async function run(processes, requests, latencyMs, trace) {
	// Any point on the slot grid: the epoch counts, as for real processes.
	const clock = new VirtualClock(1_800_000_000_000 + Math.floor(Math.random() * 1e6));
	const { limiterFor } = loadLimiter(clock);
	const accepted = [];
	let refused = 0;
	const window = [];
	const arrive = (at) => {
		while (window.length && at - window[0] >= WINDOW_MS) window.shift();
		if (window.length >= RATE) return false;
		window.push(at);
		accepted.push(at);
		return true;
	};
	const started = clock.now;
	const finished = [];
	const log = [];
	const worker = async (index) => {
		// Executions start together, within a few ms of each other.
		await clock.sleep(Math.random() * 150);
		const limiter = limiterFor(`simulated-${index}`, RATE);
		let left = requests;
		const item = async () => {
			for (;;) {
				const done = await limiter.acquire();
				await clock.sleep(dispatchMs());
				const ok = arrive(clock.now);
				if (trace) log.push({ process: index, at: clock.now, ok });
				await clock.sleep(latencyMs * between([0.5, 1.5]));
				done(ok ? 'answered' : 'throttled');
				if (ok) return;
				// Sent again at the limiter's next turn, as transport/retry.ts does when paced.
				refused++;
			}
		};
		// The node's router runs CONCURRENT_ITEMS items at a time, each waiting for its turn.
		const lane = async () => {
			while (left > 0) {
				left--;
				await item();
			}
		};
		await Promise.all(Array.from({ length: CONCURRENT_ITEMS }, lane));
		finished[index] = clock.now - started;
	};
	let left = processes;
	for (let i = 0; i < processes; i++) void worker(i).then(() => left--);
	await clock.runUntil(() => left === 0);
	const span = (accepted[accepted.length - 1] - accepted[0]) / 1000;
	// Slots left empty while every process still had work, and after the first one finished (the
	// others not yet taking its share): where the throughput goes.
	const firstDone = started + Math.min(...finished);
	const acceptedBefore = accepted.filter((at) => at <= firstDone).length;
	const emptySlots = (from, to, count) => Math.max(0, (to - from) / SLOT_MS - count);
	if (trace) console.log(traceOf(log, processes));
	return {
		pct: ((accepted.length - 1) / span / RATE) * 100,
		emptyWhileAllRun: emptySlots(accepted[0], firstDone, acceptedBefore),
		emptyAfterFirstFinished: emptySlots(firstDone, accepted[accepted.length - 1], accepted.length - acceptedBefore),
		refusalsPerAccepted: refused / accepted.length,
		spread: Math.max(...finished) / Math.min(...finished),
	};
}

async function main() {
	const processes = option('processes', 3);
	const requests = option('requests', 100);
	const runs = option('runs', 20);
	const latency = option('latency', 20);
	const results = [];
	for (let r = 0; r < runs; r++) results.push(await run(processes, requests, latency, r === 0 && flag('trace')));
	const stats = (key) => {
		const values = results.map((x) => x[key]);
		return {
			mean: values.reduce((a, b) => a + b, 0) / values.length,
			min: Math.min(...values),
			max: Math.max(...values),
		};
	};
	console.log(
		JSON.stringify({
			processes,
			requests,
			runs,
			latencyMs: latency,
			jitter: flag('jitter'),
			pct: stats('pct'),
			refusalsPerAccepted: stats('refusalsPerAccepted'),
			spread: stats('spread'),
			emptyWhileAllRun: stats('emptyWhileAllRun'),
			emptyAfterFirstFinished: stats('emptyAfterFirstFinished'),
			targetPct: TARGET_PCT,
			underTarget: results.filter((r) => r.pct < TARGET_PCT).length / runs,
		}),
	);
}

void main();
