import { sleep } from 'n8n-workflow';

/**
 * Lets at most `limit` requests start in any window of `windowMs`, in arrival order. Callers
 * only wait for their turn to start, so requests still overlap while they wait on the network.
 */
export class SlidingWindowLimiter {
	private starts: number[] = [];

	private queue: Promise<void> = Promise.resolve();

	constructor(
		private readonly limit: number,
		private readonly windowMs: number,
	) {}

	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => {
			if (this.starts.length >= this.limit) {
				const freeAt = this.starts[this.starts.length - this.limit] + this.windowMs;
				const wait = freeAt - Date.now();
				if (wait > 0) await sleep(wait);
			}
			this.starts.push(Date.now());
			if (this.starts.length > this.limit) this.starts.shift();
		});
		this.queue = turn;
		return await turn;
	}
}

// Constant Contact allows 4 requests per second per key (v2) and per application (v3). The
// margin absorbs the few milliseconds between our start and the API's arrival clock.
const REQUESTS_PER_WINDOW = 4;
const WINDOW_MS = 1000 + 25;

const limiters = new Map<string, SlidingWindowLimiter>();

/** One limiter per credential, shared by every execution in this n8n process. */
export function limiterFor(key: string): SlidingWindowLimiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new SlidingWindowLimiter(REQUESTS_PER_WINDOW, WINDOW_MS);
		limiters.set(key, limiter);
	}
	return limiter;
}
