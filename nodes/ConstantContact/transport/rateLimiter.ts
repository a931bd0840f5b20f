import { sleep } from 'n8n-workflow';

/** What became of a request the limiter let start: refused for rate, or anything else. */
export type Verdict = 'throttled' | 'answered';

export interface Limiter {
	/** False when the user turned pacing off (Requests per Second 0): nothing waits for a turn. */
	readonly paced: boolean;
	/** Waits for this request's turn; call the result once it is answered (or failed). */
	acquire(): Promise<(verdict?: Verdict) => void>;
}

export interface PacingState {
	/** This process takes one slot in `period` (1: every slot, the credential's full rate). */
	period: number;
	/** Rate refusals that made it slow down. */
	slowdowns: number;
}

interface Start {
	slot: number;
	at: number;
	end?: number;
}

/** A try for one more slot in `period`, on trial until enough starts got through. */
interface Probe {
	/** The pace it left, and a slot of it: a refused probe goes back to exactly that pattern. */
	fromPeriod: number;
	fromSlot: number;
	/** Starts so far when the trial (or its latest slot) began. */
	trialFrom: number;
	/** Other slots of the new pace tried after refusals. */
	slotsTried: number;
}

/**
 * Paces request starts for one credential in this process, whatever other processes (n8n queue
 * mode workers, other n8n instances) send with the same account.
 *
 * Time is cut into slots of 1000/rate ms plus a margin, counted from the epoch, so every process
 * on a synchronized clock sees the same slots; at most one request starts per slot. Alone, a
 * process takes every slot: the credential's full rate, with no refusal. Other processes show
 * only through the API's rate refusals: each one makes this process take one slot in `period + 1`
 * instead of one in `period`, starting one slot later, until the processes' slots interleave.
 * When no refusal came for a while it tries one slot in `period - 1` again (probing, with a
 * backoff while probes keep failing), so a share freed by a finished worker is taken back. The
 * free share may lie one slot over, so a refused probe tries each slot of its new pace; when all
 * are refused it goes back to exactly the pattern it left, losing none of its own slots. A probe
 * that held is followed by the next one at once, so a worker left alone climbs back quickly.
 *
 * Fairness: within its slot a process starts a little later the more slots it takes, so when two
 * processes meet in a slot, the one with the larger share is the one refused and gives way. And
 * a smaller share probes sooner, by as much as a probe gives it less (1/(P-1) - 1/P), so shares
 * grow at the same rate. A process refused again and again with nothing getting through starts
 * first in its slot whatever its share, so it is not starved.
 *
 * When the request `perWindow` starts back was answered quickly, the next start also waits a
 * full window after that answer, which holds whatever delays the request met on its way. After a
 * slower answer it waits a window plus what that answer took over the quickest recent one.
 */
class SlottedLimiter implements Limiter {
	readonly paced = true;

	private period = 1;

	private nextSlot = 0;

	private recent: Start[] = [];

	private queue: Promise<void> = Promise.resolve();

	/** The first slot whose refusal may slow this process down again (one slowdown per change). */
	private slowFrom = 0;

	private lastChange = 0;

	/** Per pace: doubles while probes from it are refused, up to PROBE_BACKOFF_MAX. */
	private probeBackoff = new Map<number, number>();

	private probeJitter = 1;

	private probe: Probe | undefined;

	private slowdowns = 0;

	private paceChanges = 0;

	private lastSlowdown = -Infinity;

	private answeredSinceSlowdown = true;

	private lastRefused = -Infinity;

	/** Rate refusals since the last answer that got through. */
	private refusedInARow = 0;

	/** Starts so far (counts own requests between refusals). */
	private starts = 0;

	/** How late a start may be in its slot: half the margin the slots leave in a rate window. */
	private readonly lateToleranceMs: number;

	constructor(
		private readonly perWindow: number,
		private readonly slotMs: number,
	) {
		this.lateToleranceMs = (slotMs * perWindow - WINDOW_MS) / 2;
	}

	async acquire(): Promise<(verdict?: Verdict) => void> {
		let start: Start = { slot: 0, at: 0 };
		const turn = this.queue.then(async () => {
			// The turn is worked out again after a wait when the pace changed meanwhile (a refusal), or
			// when the wait ended too late for its slot (a busy process): a late start crowds the next.
			let held: { slot: number; at: number; pace: number } | undefined;
			for (;;) {
				const now = Date.now();
				this.maybeProbe(now);
				const kept = held?.pace === this.paceChanges ? held : undefined;
				let turn: { slot: number; at: number };
				if (kept && now < kept.at) turn = kept;
				else if (kept && now - kept.at <= this.lateToleranceMs) turn = { slot: kept.slot, at: now };
				else turn = this.nextTurn(now);
				if (turn.at > now) {
					held = { slot: turn.slot, at: turn.at, pace: this.paceChanges };
					// At most a slot at a time: a change of pace meanwhile (a refused probe going back to
					// its pattern) may bring the turn forward.
					await sleep(Math.min(turn.at - now, this.slotMs));
					continue;
				}
				start = { slot: turn.slot, at: now };
				this.recent.push(start);
				if (this.recent.length > this.perWindow) this.recent.shift();
				this.nextSlot = turn.slot + this.period;
				this.starts++;
				return;
			}
		});
		this.queue = turn;
		await turn;
		let reported = false;
		return (verdict = 'answered') => {
			if (reported) return;
			reported = true;
			start.end = Date.now();
			if (verdict === 'throttled') {
				this.refusedInARow++;
				this.slowDown(start);
			} else {
				this.answeredSinceSlowdown = true;
				this.refusedInARow = 0;
			}
		};
	}

	state(): PacingState {
		return { period: this.period, slowdowns: this.slowdowns };
	}

	private nextTurn(now: number): { slot: number; at: number } {
		// Refused again and again, nothing getting through (main polling among busy workers), it starts
		// first in its slot, as the smallest share does: the one it meets gives way.
		const starved = this.refusedInARow >= STARVED_REFUSALS;
		const offset = starved ? 0 : Math.max(0, SHARE_OFFSET_MS - SHARE_OFFSET_STEP_MS * (this.period - 1));
		// A slot whose start has passed (beyond the tolerance) is not taken: a late start crowds the next one.
		const current = Math.ceil((now - offset - this.lateToleranceMs) / this.slotMs);
		const slot = Math.max(this.nextSlot, current);
		return { slot, at: Math.max(slot * this.slotMs + offset, this.windowAnchor()) };
	}

	private windowAnchor(): number {
		if (this.period > 1 || this.recent.length < this.perWindow) return 0;
		const { at, end } = this.recent[0];
		if (end === undefined) return 0;
		if (end - at <= QUICK_ANSWER_MS) return end + WINDOW_MS;
		// A slow answer is mostly the API's latency, but what it took over the quickest recent answer
		// may have been spent before it left (a busy event loop, a GC pause).
		const mayHaveLeftLateBy = end - at - this.quickestAnswer();
		return at + WINDOW_MS + mayHaveLeftLateBy;
	}

	private quickestAnswer(): number {
		let quickest = Infinity;
		for (const { at, end } of this.recent) if (end !== undefined) quickest = Math.min(quickest, end - at);
		return quickest;
	}

	private slowDown(start: Start) {
		// Requests in flight when the pace changed were refused for the old pace: one change per refusal.
		if (start.slot < this.slowFrom) return;
		const now = Date.now();
		const previousRefusal = this.lastRefused;
		this.lastRefused = this.starts;
		if (this.probe) {
			this.probeRefused(this.probe, start, now);
			return;
		}
		// A refusal means another process took this slot: move to the next one. Another soon after
		// means the slots are too few for everyone: take fewer. A process with a large share gives
		// way at once more often (always at 1 in 2 or more), which evens the shares out.
		const again = this.starts - previousRefusal <= REFUSED_AGAIN_STARTS;
		// At most one slowdown per rate window, and one per answer that got through: a burst of
		// refusals is one signal, and refusals that come whatever the pace must not stop it.
		const calm = now - this.lastSlowdown >= WINDOW_MS && this.answeredSinceSlowdown;
		const slower = calm && (again || Math.random() < GIVE_WAY_PERIOD / this.period);
		if (slower) {
			this.lastSlowdown = now;
			this.answeredSinceSlowdown = false;
			this.period = Math.min(MAX_PERIOD, this.period + 1);
			this.slowdowns++;
		}
		this.moveOneSlotOver(start);
		// Only a new share restarts the wait before a probe: refusals that keep coming whatever the
		// pace (not other processes) must not hold it down.
		if (slower) this.changed(now);
		else this.paceChanges++;
	}

	/** The next start one slot later than the pace would have it, after `start`'s refusal. */
	private moveOneSlotOver(start: Start) {
		this.nextSlot = Math.max(this.nextSlot, start.slot + this.period + 1);
		// Refusals of requests already given out are for the slots left behind.
		this.slowFrom = this.nextSlot;
	}

	/** A refusal while a probe is on trial: another slot of the new pace, or back to the old one. */
	private probeRefused(probe: Probe, start: Start, now: number) {
		if (this.period >= PROBE_SLOT_SEARCH_FROM && probe.slotsTried < this.period - 1) {
			probe.slotsTried++;
			probe.trialFrom = this.starts;
			this.moveOneSlotOver(start);
			this.paceChanges++;
			return;
		}
		// The first slot of the old pattern after what was already given out at the probe's pace.
		const after = Math.max(start.slot, this.nextSlot - this.period) + 1;
		const { fromPeriod, fromSlot } = probe;
		this.period = fromPeriod;
		this.nextSlot = after + ((((fromSlot - after) % fromPeriod) + fromPeriod) % fromPeriod);
		this.slowFrom = this.nextSlot;
		this.probe = undefined;
		this.probeBackoff.set(fromPeriod, Math.min(PROBE_BACKOFF_MAX, this.backoffAt(fromPeriod) * 2));
		this.changed(now);
	}

	private maybeProbe(now: number) {
		// A probe that held took a share that was free, and more may be: the next one comes at once.
		const probe = this.probe;
		const held = probe !== undefined && this.starts - probe.trialFrom > PROBE_TRIAL_STARTS;
		if (held) {
			this.probeBackoff.delete(probe.fromPeriod);
			this.probe = undefined;
		}
		if (this.period === 1 || this.probe) return;
		const p = this.period;
		const shareFactor = Math.min(PROBE_SHARE_FACTOR_MAX, 6 / (p * (p - 1)));
		const wait = PROBE_AFTER_SLOTS * this.backoffAt(p) * shareFactor * this.probeJitter * this.slotMs;
		if (!held && now - this.lastChange < wait) return;
		// The old pattern's next slot (after a pause, the current one: a pattern restarts from there).
		const fromSlot = this.nextTurn(now).slot;
		this.probe = { fromPeriod: p, fromSlot, trialFrom: this.starts, slotsTried: 0 };
		this.period--;
		// Refusals of requests that started before count for the old pace, not against the probe.
		this.slowFrom = this.nextTurn(now).slot;
		this.changed(now);
	}

	private backoffAt(period: number): number {
		return this.probeBackoff.get(period) ?? 1;
	}

	private changed(now: number) {
		this.lastChange = now;
		this.paceChanges++;
		// Processes that changed pace together must not probe together again.
		this.probeJitter = 0.5 + Math.random();
	}
}

// Constant Contact allows 4 requests per second per key (v2) and per application (v3): slots of
// 1000/N ms plus 5 ms keep any second at N with margin (4/s: 255 ms, 98% of it).
const WINDOW_MS = 1000;
const MARGIN_MS = 5;
const QUICK_ANSWER_MS = 100;
// A process taking every slot starts 20 ms into it, one taking every 2nd 13 ms, every 3rd 6 ms, the
// rest at once: within the 20 ms the margins leave between a slot and the one a window later. The
// steps are about as wide as a request's own delay on its way out (2 to 10 ms in the cluster): with
// 5 ms steps, a worker holding 1 slot in 3 lost about 1 meeting in 14 to a probing neighbour, which
// then kept the larger share.
const SHARE_OFFSET_MS = 20;
const SHARE_OFFSET_STEP_MS = 7;
// Enough for a dozen processes sharing one account.
const MAX_PERIOD = 12;
const REFUSED_AGAIN_STARTS = 8;
const GIVE_WAY_PERIOD = 2;
// At one start per slot, 6 refusals span more than a rate window.
const STARVED_REFUSALS = 6;
// At 1 slot in 3, 30 slots (7.7 s at 4/s) before a probe; at 1 in 2, twice that; at 1 in 4, half.
const PROBE_AFTER_SLOTS = 30;
const PROBE_SHARE_FACTOR_MAX = 2;
const PROBE_BACKOFF_MAX = 4;
// A probe holds once this many starts at its pace got through.
const PROBE_TRIAL_STARTS = 6;
// Trying the other slots pays from 1 slot in 3 on (to 1 in 2, in the simulation, it cost more
// refusals than it found free slots).
const PROBE_SLOT_SEARCH_FROM = 3;

const unpaced: Limiter = { paced: false, acquire: async () => () => {} };

const limiters = new Map<string, SlottedLimiter>();

/**
 * One limiter per credential (and its rate), shared by every execution in this n8n process.
 * A rate of 0 means the user turned pacing off; refusals for rate are then only retried.
 */
export function limiterFor(key: string, perSecond: number): Limiter {
	if (perSecond <= 0) return unpaced;
	const id = `${key}@${perSecond}`;
	let limiter = limiters.get(id);
	if (!limiter) {
		limiter = new SlottedLimiter(perSecond, Math.ceil(WINDOW_MS / perSecond) + MARGIN_MS);
		limiters.set(id, limiter);
	}
	return limiter;
}

/** How this process paces `key` now (for tests and the benchmark); undefined before its first request. */
export function pacingOf(key: string, perSecond: number): PacingState | undefined {
	return limiters.get(`${key}@${perSecond}`)?.state();
}
