import { sleep } from 'n8n-workflow';

/**
 * Spaces request starts evenly, in arrival order. Callers only wait for their turn to start, so
 * requests still overlap while they wait on the network.
 *
 * Even spacing rather than bursts: requests that start together compete for the CPU inside
 * n8n (credential resolution, signing) and reach the API tens of milliseconds apart from when
 * they started, which breaks a tight window. The first request after an idle spell is slower
 * still (nothing warmed up), so the slot after it is pushed back by `coldPaddingMs`.
 */
export class SpacedLimiter {
	private nextStart = 0;

	private queue: Promise<void> = Promise.resolve();

	constructor(
		private readonly intervalMs: number,
		private readonly coldPaddingMs: number,
	) {}

	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => {
			const now = Date.now();
			const idle = now - this.nextStart > this.intervalMs;
			if (this.nextStart > now) await sleep(this.nextStart - now);
			const start = Math.max(now, this.nextStart);
			this.nextStart = start + this.intervalMs + (idle ? this.coldPaddingMs : 0);
		});
		this.queue = turn;
		return await turn;
	}
}

// Constant Contact allows 4 requests per second per key (v2) and per application (v3):
// one start every 255 ms keeps any second at 4 with 20 ms to spare (98% of the ceiling).
const INTERVAL_MS = 255;
const COLD_PADDING_MS = 60;

const limiters = new Map<string, SpacedLimiter>();

/** One limiter per credential, shared by every execution in this n8n process. */
export function limiterFor(key: string): SpacedLimiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new SpacedLimiter(INTERVAL_MS, COLD_PADDING_MS);
		limiters.set(key, limiter);
	}
	return limiter;
}
