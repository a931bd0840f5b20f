import { sleep } from 'n8n-workflow';

interface Slot {
	start: number;
	end?: number;
}

/**
 * Keeps request starts under the API's limit of `perWindow` per `windowMs`, in arrival order.
 * Callers only wait for their turn to start, so requests still overlap on the network; each
 * caller reports when its request is answered (`done`).
 *
 * Starts are spaced evenly rather than in bursts: requests that start together compete for the
 * CPU inside n8n and reach the API unevenly. Where the API counts a request is unknown to us;
 * its answer is an upper bound. So when the request `perWindow` places back was answered
 * quickly, the next start waits a full window after that answer, which holds exactly whatever
 * delays the request met on its way; for slower answers, the spacing's margin has to do.
 */
class SpacedLimiter implements Limiter {
	private slots: Slot[] = [];

	private nextStart = 0;

	private queue: Promise<void> = Promise.resolve();

	constructor(
		private readonly perWindow: number,
		private readonly windowMs: number,
		private readonly intervalMs: number,
		private readonly quickAnswerMs: number,
		private readonly coldPaddingMs: number,
	) {}

	/** Waits for this request's turn; call `done()` once it is answered (or failed). */
	async acquire(): Promise<() => void> {
		let slot: Slot = { start: 0 };
		const turn = this.queue.then(async () => {
			const now = Date.now();
			const idle = now - this.nextStart > this.intervalMs;
			const earliest = Math.max(this.nextStart, this.windowAnchor());
			if (earliest > now) await sleep(earliest - now);
			slot = { start: Date.now() };
			this.slots.push(slot);
			if (this.slots.length > this.perWindow) this.slots.shift();
			this.nextStart = slot.start + this.intervalMs + (idle ? this.coldPaddingMs : 0);
		});
		this.queue = turn;
		await turn;
		return () => {
			slot.end ??= Date.now();
		};
	}

	private windowAnchor(): number {
		if (this.slots.length < this.perWindow) return 0;
		const { start, end } = this.slots[0];
		const quick = end !== undefined && end - start <= this.quickAnswerMs;
		return quick ? end + this.windowMs : 0;
	}
}

// Constant Contact allows 4 requests per second per key (v2) and per application (v3). Spacing
// starts 1000/N ms apart plus 5 ms keeps any second at N with margin (4/s: 255 ms, 98% of it).
const WINDOW_MS = 1000;
const MARGIN_MS = 5;
const QUICK_ANSWER_MS = 100;
const COLD_PADDING_MS = 60;

export interface Limiter {
	acquire(): Promise<() => void>;
}

const unpaced: Limiter = { acquire: async () => () => {} };

const limiters = new Map<string, Limiter>();

/**
 * One limiter per credential (and its rate), shared by every execution in this n8n process.
 * A rate of 0 means the user turned pacing off; refusals for rate are then only retried.
 */
export function limiterFor(key: string, perSecond: number): Limiter {
	if (perSecond <= 0) return unpaced;
	const id = `${key}@${perSecond}`;
	let limiter = limiters.get(id);
	if (!limiter) {
		const intervalMs = Math.ceil(WINDOW_MS / perSecond) + MARGIN_MS;
		limiter = new SpacedLimiter(perSecond, WINDOW_MS, intervalMs, QUICK_ANSWER_MS, COLD_PADDING_MS);
		limiters.set(id, limiter);
	}
	return limiter;
}
