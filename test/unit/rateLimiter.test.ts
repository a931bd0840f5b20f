import { limiterFor, type Limiter, pacingOf } from '../../nodes/ConstantContact/transport/rateLimiter';

// Limiters live for the process, one per key and rate: each test uses its own key.
let keys = 0;
const freshKey = () => `unit-${++keys}`;

// Slots of 255 ms (4/s: 1000/4 + 5) counted from the epoch; the clock starts at a slot's start.
const SLOT = 255;
const T0 = SLOT * 4000;
// Taking every slot, a process starts 16 ms into its slot; every 2nd, 11 ms; every 3rd, 6 ms.
const OFFSET = { 1: 16, 2: 11, 3: 6 };

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
	test('4 per second: one start per 255 ms slot (1000/4 + 5), 16 ms into it, in arrival order', async () => {
		const { starts, order } = askTurns(limiterFor(freshKey(), 4), 6);
		await jest.advanceTimersByTimeAsync(2000);
		expect(starts).toEqual([0, 1, 2, 3, 4, 5].map((k) => k * SLOT + OFFSET[1]));
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
		expect(pacingOf(`unit-${keys}`, 4)).toEqual({ period: 1, slowdowns: 0 });
	});

	test('10 per second: slots of 105 ms', async () => {
		const { starts } = askTurns(limiterFor(freshKey(), 10), 4);
		await jest.advanceTimersByTimeAsync(1000);
		// The clock is 14 ms past this slot's start (16 ms in): within the tolerance of half the
		// window's margin (10 x 105 - 1000) / 2 = 25 ms, so it starts at once, the others on their slots.
		const first = Math.floor(T0 / 105) * 105 + OFFSET[1] - T0;
		expect(first).toBe(-14);
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
		// Its slot alone would start the 5th at 1036; the window after the answer ends at 1106.
		expect(starts).toEqual([16, 271, 526, 781, OFFSET[1] + 90 + 1000]);
	});

	test('a slow answer (over 100 ms) leaves the pacing to the slots', async () => {
		const { starts, dones } = askTurns(limiterFor(freshKey(), 4), 5);
		await jest.advanceTimersByTimeAsync(OFFSET[1] + 101);
		(await dones[0])();
		await jest.advanceTimersByTimeAsync(2000);
		expect(starts[4]).toBe(4 * SLOT + OFFSET[1]);
	});

	test('only the first report counts', async () => {
		const { starts, dones } = askTurns(limiterFor(freshKey(), 4), 5);
		await jest.advanceTimersByTimeAsync(OFFSET[1] + 10);
		const done = await dones[0];
		done(); // quick: window until 1026, before its slot's 1036
		await jest.advanceTimersByTimeAsync(80);
		done(); // would be 1106 if it counted
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
		// The request waiting for slot 1 moves too: every 2nd slot from slot 0 + 2 + 1, 11 ms in.
		expect(starts).toEqual([16, 3, 5, 7, 9].map((k, i) => (i === 0 ? k : k * SLOT + OFFSET[2])));
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

	test('after a quiet while it tries one more slot again, and keeps it while no refusal comes', async () => {
		const key = freshKey();
		const limiter = limiterFor(key, 4);
		const first = askTurns(limiter, 1);
		await jest.advanceTimersByTimeAsync(OFFSET[1] + 5);
		(await first.dones[0])('throttled');
		expect(pacingOf(key, 4)?.period).toBe(2);
		// Probing waits 20 slots (5.1 s) x jitter (0.5 + 0.5) x 3 / period (2): 7.65 s after the change.
		await jest.advanceTimersByTimeAsync(7550);
		const early = askTurns(limiter, 1);
		await jest.advanceTimersByTimeAsync(SLOT);
		(await early.dones[0])(); // started 7.66 s after the change: too soon to probe
		expect(early.starts).toHaveLength(1);
		expect(pacingOf(key, 4)?.period).toBe(2);
		const late = askTurns(limiter, 1);
		await jest.advanceTimersByTimeAsync(SLOT * 3);
		(await late.dones[0])();
		expect(pacingOf(key, 4)?.period).toBe(1);
		const probe = askTurns(limiter, 2);
		await jest.advanceTimersByTimeAsync(SLOT * 4);
		for (const done of probe.dones) (await done)();
		expect(pacingOf(key, 4)).toEqual({ period: 1, slowdowns: 1 });
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
		// One start per slot (16 ms in), one slot after the other: a late timer on a busy machine may
		// shorten a gap, never put two starts in one slot.
		const slots = starts.map((t) => Math.floor((t - 16) / 55));
		expect(slots).toEqual([slots[0], slots[0] + 1, slots[0] + 2]);
	});
});
