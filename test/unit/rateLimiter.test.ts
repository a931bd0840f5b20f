import { limiterFor, type Limiter, pacingOf } from '../../nodes/ConstantContact/transport/rateLimiter';

// Limiters live for the process, one per key and rate: each test uses its own key.
let keys = 0;
const freshKey = () => `unit-${++keys}`;

// Slots of 255 ms (4/s: 1000/4 + 5) counted from the epoch; the clock starts at a slot's start.
const SLOT = 255;
const T0 = SLOT * 4000;
// Taking every slot, a process starts 20 ms into its slot; every 2nd, 13 ms; every 3rd, 6 ms.
const OFFSET = { 1: 20, 2: 13, 3: 6 };

beforeEach(() => {
	jest.useFakeTimers({ now: T0 });
	jest.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
	jest.useRealTimers();
	jest.restoreAllMocks();
});

/** Asks for `count` turns at once; returns when each turn came (ms after T0) and its `done`. */
function askTurns(limiter: Limiter, count: number) {
	const starts: number[] = [];
	const order: number[] = [];
	const dones = Array.from({ length: count }, (_, i) =>
		limiter.acquire().then((done) => {
			starts[i] = Date.now() - T0;
			order.push(i);
			return done;
		}),
	);
	return { starts, order, dones };
}

/** One request now: its start (ms after T0) once it came, reported as `verdict`. */
async function oneRequest(limiter: Limiter, verdict?: 'throttled') {
	const turn = askTurns(limiter, 1);
	while (turn.starts.length === 0) await jest.advanceTimersByTimeAsync(5);
	(await turn.dones[0])(verdict);
	return turn.starts[0];
}

/** A busy process: requests one after another, each answered at once, until `until` ms after T0. */
async function busyUntil(limiter: Limiter, until: number) {
	const starts: number[] = [];
	while (Date.now() - T0 < until) starts.push(await oneRequest(limiter));
	return starts;
}

const slotOf = (start: number) => Math.floor(start / SLOT);

/**
 * From every slot down to 1 in `period`: a refusal, then an answer, a second apart each time (one
 * slowdown per rate window and per answer that got through). Returns when the last change came.
 */
async function slowTo(limiter: Limiter, key: string, period: number) {
	let changedAt = 0;
	for (let p = 2; p <= period; p++) {
		changedAt = await oneRequest(limiter, 'throttled');
		await oneRequest(limiter);
		await jest.advanceTimersByTimeAsync(1000);
		expect(pacingOf(key, 4)?.period).toBe(p);
	}
	return changedAt;
}

describe('limiterFor', () => {
	test('one limiter per key and rate', () => {
		const key = freshKey();
		expect(limiterFor(key, 4)).toBe(limiterFor(key, 4));
		expect(limiterFor(key, 5)).not.toBe(limiterFor(key, 4));
		expect(limiterFor(freshKey(), 4)).not.toBe(limiterFor(key, 4));
	});

	test('a rate of 0 (or less) does not pace at all', async () => {
		const limiter = limiterFor(freshKey(), 0);
		expect(limiterFor(freshKey(), -1)).toBe(limiter);
		const { starts } = askTurns(limiter, 20);
		await jest.advanceTimersByTimeAsync(0);
		expect(starts).toEqual(
			Array(20)
				.fill(-0)
				.map(() => 0),
		);
	});
});

describe('slots: alone, a process takes every one', () => {
	test('4 per second: one start per 255 ms slot (1000/4 + 5), 20 ms into it, in arrival order', async () => {
		const { starts, order } = askTurns(limiterFor(freshKey(), 4), 6);
		await jest.advanceTimersByTimeAsync(2000);
		expect(starts).toEqual([0, 1, 2, 3, 4, 5].map((k) => k * SLOT + OFFSET[1]));
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
		expect(pacingOf(`unit-${keys}`, 4)).toEqual({ period: 1, slowdowns: 0 });
	});

	test('10 per second: slots of 105 ms', async () => {
		const { starts } = askTurns(limiterFor(freshKey(), 10), 4);
		await jest.advanceTimersByTimeAsync(1000);
		// The clock is 10 ms past this slot's start (20 ms in): within the tolerance of half the
		// window's margin (10 x 105 - 1000) / 2 = 25 ms, so it starts at once, the others on their slots.
		const first = Math.floor(T0 / 105) * 105 + OFFSET[1] - T0;
		expect(first).toBe(-10);
		expect(starts).toEqual([0, 1, 2, 3].map((k) => Math.max(0, first + k * 105)));
	});

	test('a turn is not given early', async () => {
		const { starts } = askTurns(limiterFor(freshKey(), 4), 2);
		await jest.advanceTimersByTimeAsync(SLOT + OFFSET[1] - 1);
		expect(starts).toEqual([OFFSET[1]]);
		await jest.advanceTimersByTimeAsync(1);
		expect(starts).toEqual([OFFSET[1], SLOT + OFFSET[1]]);
	});

	test('a slot whose start has passed is not taken: the request waits for the next one', async () => {
		const limiter = limiterFor(freshKey(), 4);
		await jest.advanceTimersByTimeAsync(100); // 84 ms after the slot's start
		const { starts } = askTurns(limiter, 1);
		await jest.advanceTimersByTimeAsync(1000);
		expect(starts).toEqual([SLOT + OFFSET[1]]);
	});

	test('a start later than 10 ms into its slot (half the 20 ms margin) waits for the next slot', async () => {
		const limiter = limiterFor(freshKey(), 4);
		await jest.advanceTimersByTimeAsync(OFFSET[1] + 10); // 10 ms late: still this slot
		const onTime = askTurns(limiter, 1);
		await jest.advanceTimersByTimeAsync(0);
		expect(onTime.starts).toEqual([OFFSET[1] + 10]);
		await jest.advanceTimersByTimeAsync(SLOT + 1); // 11 ms late for the next slot
		const late = askTurns(limiter, 1);
		await jest.advanceTimersByTimeAsync(SLOT);
		expect(late.starts).toEqual([2 * SLOT + OFFSET[1]]);
	});

	test('each key paces on its own', async () => {
		const a = askTurns(limiterFor(freshKey(), 4), 2);
		const b = askTurns(limiterFor(freshKey(), 4), 2);
		await jest.advanceTimersByTimeAsync(1000);
		expect(a.starts).toEqual([OFFSET[1], SLOT + OFFSET[1]]);
		expect(b.starts).toEqual([OFFSET[1], SLOT + OFFSET[1]]);
	});
});

describe('the rate window after a quick answer', () => {
	test('when the request 4 starts back was answered quickly, the 5th waits a full second after that answer', async () => {
		const { starts, dones } = askTurns(limiterFor(freshKey(), 4), 5);
		await jest.advanceTimersByTimeAsync(OFFSET[1] + 90);
		(await dones[0])(); // answered 90 ms after its start (quick: within 100 ms)
		await jest.advanceTimersByTimeAsync(2000);
		// Its slot alone would start the 5th at 1040; the window after the answer ends at 1110.
		expect(starts).toEqual([...[0, 1, 2, 3].map((k) => k * SLOT + OFFSET[1]), OFFSET[1] + 90 + 1000]);
	});

	test('a slow answer (over 100 ms), no slower than the others, leaves the pacing to the slots', async () => {
		const { starts, dones } = askTurns(limiterFor(freshKey(), 4), 5);
		await jest.advanceTimersByTimeAsync(OFFSET[1] + 101);
		(await dones[0])();
		await jest.advanceTimersByTimeAsync(2000);
		expect(starts[4]).toBe(4 * SLOT + OFFSET[1]);
	});

	test('a slow answer that took longer than the quickest recent one: the 5th waits by as much more', async () => {
		const { starts, dones } = askTurns(limiterFor(freshKey(), 4), 5);
		const answer = async (i: number, after: number) => {
			await jest.advanceTimersByTimeAsync(i * SLOT + OFFSET[1] + after - (Date.now() - T0));
			(await dones[i])();
		};
		await answer(0, 143); // 27 ms slower than the next ones: it may have left 27 ms late
		await answer(1, 116);
		await answer(2, 116);
		await answer(3, 116);
		await jest.advanceTimersByTimeAsync(2000);
		// Its slot alone would start the 5th at 1040: 20 ms of margin, less than those 27 ms.
		expect(starts).toEqual([...[0, 1, 2, 3].map((k) => k * SLOT + OFFSET[1]), OFFSET[1] + 1000 + 143 - 116]);
	});

	test('only the first report counts', async () => {
		const { starts, dones } = askTurns(limiterFor(freshKey(), 4), 5);
		await jest.advanceTimersByTimeAsync(OFFSET[1] + 10);
		const done = await dones[0];
		done(); // quick: window until 1030, before its slot's 1040
		await jest.advanceTimersByTimeAsync(80);
		done(); // would be 1110 if it counted
		await jest.advanceTimersByTimeAsync(2000);
		expect(starts[4]).toBe(4 * SLOT + OFFSET[1]);
	});
});

describe('rate refusals: other processes share the account', () => {
	test('a refusal at full pace: one slot in 2 from then on, one slot later', async () => {
		const key = freshKey();
		const limiter = limiterFor(key, 4);
		const { starts, dones } = askTurns(limiter, 5);
		await jest.advanceTimersByTimeAsync(OFFSET[1] + 5);
		(await dones[0])('throttled');
		await jest.advanceTimersByTimeAsync(4000);
		// The request waiting for slot 1 moves too: every 2nd slot from slot 0 + 2 + 1, 13 ms in.
		expect(starts).toEqual([OFFSET[1], 3, 5, 7, 9].map((k, i) => (i === 0 ? k : k * SLOT + OFFSET[2])));
		expect(pacingOf(key, 4)).toEqual({ period: 2, slowdowns: 1 });
	});

	test('refusals of requests that started before the change count once', async () => {
		const key = freshKey();
		const limiter = limiterFor(key, 4);
		const { dones } = askTurns(limiter, 3);
		await jest.advanceTimersByTimeAsync(2 * SLOT + OFFSET[1] + 5);
		(await dones[0])('throttled');
		(await dones[1])('throttled');
		(await dones[2])('throttled');
		expect(pacingOf(key, 4)).toEqual({ period: 2, slowdowns: 1 });
	});

	test('a lone refusal with a small share moves to the next slot; another soon after takes fewer slots', async () => {
		const key = freshKey();
		const limiter = limiterFor(key, 4);
		let first = askTurns(limiter, 2);
		await jest.advanceTimersByTimeAsync(2 * SLOT);
		(await first.dones[0])('throttled'); // period 2
		(await first.dones[1])();
		await jest.advanceTimersByTimeAsync(3 * SLOT);
		first = askTurns(limiter, 1);
		await jest.advanceTimersByTimeAsync(2 * SLOT);
		// Math.random 0.5 < 2/2: at 1 slot in 2 a process always gives way.
		(await first.dones[0])('throttled');
		expect(pacingOf(key, 4)?.period).toBe(3);
		jest.spyOn(Math, 'random').mockReturnValue(0.9); // 0.9 >= 2/3: at 1 in 3 it would move only...
		let next = askTurns(limiter, 2);
		await jest.advanceTimersByTimeAsync(7 * SLOT);
		(await next.dones[0])(); // an answer got through since the last slowdown
		(await next.dones[1])('throttled');
		// ...but this refusal came within 8 starts of the last: it takes fewer.
		expect(pacingOf(key, 4)?.period).toBe(4);
		next = askTurns(limiter, 12);
		await jest.advanceTimersByTimeAsync(60 * SLOT);
		for (const done of next.dones) (await done)();
		const before = pacingOf(key, 4)?.period;
		const lone = askTurns(limiter, 1);
		await jest.advanceTimersByTimeAsync(5 * SLOT);
		(await lone.dones[0])('throttled');
		// A lone refusal at 1 in 4 with Math.random 0.9 >= 2/4: same share, one slot later.
		expect(pacingOf(key, 4)?.period).toBe(before);
	});

	test('after a while with no refusal it tries one more slot again, and keeps it while none comes', async () => {
		const key = freshKey();
		const limiter = limiterFor(key, 4);
		const changedAt = await oneRequest(limiter, 'throttled');
		expect(pacingOf(key, 4)?.period).toBe(2);
		// Probing waits 30 slots x 2 (at 1 slot in 2) x jitter (0.5 + 0.5): 15.3 s after the change.
		const busy = await busyUntil(limiter, changedAt + 15_000);
		expect(busy[busy.length - 1] - changedAt).toBeLessThan(15_300);
		expect(pacingOf(key, 4)?.period).toBe(2);
		const probe = await oneRequest(limiter);
		expect(probe - changedAt).toBeGreaterThanOrEqual(15_300);
		expect(pacingOf(key, 4)?.period).toBe(1);
		const held = [await oneRequest(limiter), await oneRequest(limiter), await oneRequest(limiter)];
		expect(held.map(slotOf)).toEqual([1, 2, 3].map((k) => slotOf(probe) + k));
		expect(pacingOf(key, 4)).toEqual({ period: 1, slowdowns: 1 });
	});

	test('a probe that held is followed by the next one at once', async () => {
		const key = freshKey();
		const limiter = limiterFor(key, 4);
		const changedAt = await slowTo(limiter, key, 3);
		// At 1 in 3: 30 slots (7.65 s) before the first probe.
		await busyUntil(limiter, changedAt + 7650 + 3 * SLOT);
		expect(pacingOf(key, 4)?.period).toBe(2);
		// It holds after 6 starts at 1 in 2 (12 slots); the next probe comes then, not 15.3 s later.
		const heldBy = Date.now() - T0 + 7 * 2 * SLOT;
		await busyUntil(limiter, heldBy + 2 * SLOT);
		expect(pacingOf(key, 4)?.period).toBe(1);
	});

	test('a refused probe goes back to exactly the pattern it left, in its next slot; the next probe waits twice as long', async () => {
		const key = freshKey();
		const limiter = limiterFor(key, 4);
		const changedAt = await oneRequest(limiter, 'throttled'); // 1 slot in 2 from slot 3: the odd slots
		await busyUntil(limiter, changedAt + 15_000); // 15.3 s before a probe at 1 in 2
		const probed = await oneRequest(limiter, 'throttled');
		expect(probed - changedAt).toBeGreaterThanOrEqual(15_300);
		expect(slotOf(probed) % 2).toBe(1); // the probe's first start is the pattern's own slot...
		// ...refused all the same (another process sent more): back to the odd slots, no slowdown.
		expect(pacingOf(key, 4)).toEqual({ period: 2, slowdowns: 1 });
		const back = [await oneRequest(limiter), await oneRequest(limiter), await oneRequest(limiter)];
		expect(back.map(slotOf)).toEqual([1, 3, 5].map((k) => slotOf(probed) + k + 1));
		expect(back.map((t) => t % SLOT)).toEqual([OFFSET[2], OFFSET[2], OFFSET[2]]);
		// The refused probe doubled the wait: 30.6 s from the return.
		const busy = await busyUntil(limiter, probed + 30_000);
		expect(busy[busy.length - 1] - probed).toBeLessThan(30_600);
		expect(pacingOf(key, 4)?.period).toBe(2);
		await busyUntil(limiter, probed + 31_200);
		expect(pacingOf(key, 4)?.period).toBe(1);
	});

	test('refused probes lengthen the wait of probes from that pace only', async () => {
		const key = freshKey();
		const limiter = limiterFor(key, 4);
		const changedAt = await oneRequest(limiter, 'throttled');
		await busyUntil(limiter, changedAt + 15_000);
		await oneRequest(limiter, 'throttled'); // the probe from 1 in 2, refused: 2 x the wait from 1 in 2
		const slowedAt = await oneRequest(limiter, 'throttled'); // refused again soon after: 1 in 3
		expect(pacingOf(key, 4)).toEqual({ period: 3, slowdowns: 2 });
		// From 1 in 3 the wait is its own: 30 slots (7.65 s), not doubled.
		const busy = await busyUntil(limiter, slowedAt + 6800);
		expect(busy[busy.length - 1] - slowedAt).toBeLessThan(7650);
		expect(pacingOf(key, 4)?.period).toBe(3);
		await busyUntil(limiter, slowedAt + 7650 + 4 * SLOT);
		expect(pacingOf(key, 4)?.period).toBe(2);
	});

	test('a turn waiting at the probe pace comes forward when the refused probe goes back', async () => {
		const key = freshKey();
		const limiter = limiterFor(key, 4);
		const changedAt = await slowTo(limiter, key, 3);
		// 7.65 s before a probe at 1 in 3: busy until shortly before, then the three turns just after.
		await busyUntil(limiter, changedAt + 6600);
		await jest.advanceTimersByTimeAsync(changedAt + 7700 - (Date.now() - T0));
		const turns = askTurns(limiter, 3);
		while (turns.starts.length < 2) await jest.advanceTimersByTimeAsync(5);
		expect(pacingOf(key, 4)?.period).toBe(2);
		const [own, probe] = turns.starts.map(slotOf);
		expect(probe).toBe(own + 2);
		(await turns.dones[1])('throttled');
		await jest.advanceTimersByTimeAsync(3 * SLOT);
		// Back to 1 slot in 3: the third turn, waiting for slot own + 4, starts at own + 3.
		expect(pacingOf(key, 4)?.period).toBe(3);
		expect(slotOf(turns.starts[2])).toBe(own + 3);
	});

	test('a probe to 1 slot in 3 refused tries the other two slots of that pace before going back', async () => {
		const key = freshKey();
		const limiter = limiterFor(key, 4);
		await slowTo(limiter, key, 4);
		// At 1 in 4 a probe comes after 30 slots x 6 / (4 x 3): 3.8 s.
		await jest.advanceTimersByTimeAsync(3000);
		const pattern = slotOf(await oneRequest(limiter));
		await jest.advanceTimersByTimeAsync(1000);
		const first = await oneRequest(limiter, 'throttled');
		expect(pacingOf(key, 4)?.period).toBe(3);
		// Each refusal moves the probe one slot over: 3 + 1 slots after the refused start.
		const second = await oneRequest(limiter, 'throttled');
		expect(slotOf(second)).toBe(slotOf(first) + 4);
		expect(pacingOf(key, 4)?.period).toBe(3);
		const third = await oneRequest(limiter, 'throttled');
		expect(slotOf(third)).toBe(slotOf(second) + 4);
		// All three slots of 1 in 3 refused: back to 1 in 4 on the slots it had, no slowdown counted.
		expect(pacingOf(key, 4)).toEqual({ period: 4, slowdowns: 3 });
		const back = await oneRequest(limiter);
		expect((slotOf(back) - pattern) % 4).toBe(0);
		expect(slotOf(back)).toBeGreaterThan(slotOf(third));
		expect(slotOf(back)).toBeLessThanOrEqual(slotOf(third) + 4);
	});

	test('refusals with no answer getting through in between slow it down once: they come whatever the pace', async () => {
		const key = freshKey();
		const limiter = limiterFor(key, 4);
		const { dones } = askTurns(limiter, 12);
		for (let i = 0; i < 12; i++) {
			await jest.advanceTimersByTimeAsync(1100); // over a rate window apart: each could count
			(await dones[i])('throttled');
		}
		expect(pacingOf(key, 4)).toEqual({ period: 2, slowdowns: 1 });
	});

	test('refused 6 times in a row, nothing getting through, it starts first in its slot until an answer gets through', async () => {
		const key = freshKey();
		const limiter = limiterFor(key, 4);
		await slowTo(limiter, key, 2);
		for (let i = 0; i < 5; i++) await oneRequest(limiter, 'throttled');
		expect(pacingOf(key, 4)?.period).toBe(3); // one slowdown: no answer got through after it
		expect((await oneRequest(limiter, 'throttled')) % SLOT).toBe(OFFSET[3]); // 5 refusals: not yet
		const starved = await oneRequest(limiter);
		expect(starved % SLOT).toBe(0); // not 6 ms in, as 1 slot in 3 would start
		const fed = await oneRequest(limiter);
		expect(fed % SLOT).toBe(OFFSET[3]);
	});

	test('the unpaced limiter ignores refusals', async () => {
		const limiter = limiterFor(freshKey(), 0);
		const done = await limiter.acquire();
		expect(() => done('throttled')).not.toThrow();
	});
});

describe('real time', () => {
	test('a few real requests keep to their slots (small real waits)', async () => {
		jest.useRealTimers();
		const limiter = limiterFor(freshKey(), 20); // slots of 55 ms
		const starts: number[] = [];
		await Promise.all(
			[0, 1, 2].map(() =>
				limiter.acquire().then((done) => {
					starts.push(Date.now());
					done();
				}),
			),
		);
		// One start per slot (20 ms in), one slot after the other: a late timer on a busy machine may
		// shorten a gap, never put two starts in one slot.
		const slots = starts.map((t) => Math.floor((t - OFFSET[1]) / 55));
		expect(slots).toEqual([slots[0], slots[0] + 1, slots[0] + 2]);
	});
});
