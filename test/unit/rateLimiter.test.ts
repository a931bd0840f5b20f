import { limiterFor, type Limiter } from '../../nodes/ConstantContact/transport/rateLimiter';

// Limiters live for the process, one per key and rate: each test uses its own key.
let keys = 0;
const freshKey = () => `unit-${++keys}`;

beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
afterEach(() => jest.useRealTimers());

/** Asks for `count` turns at once; returns when each turn came (ms after the call) and its `done`. */
function askTurns(limiter: Limiter, count: number) {
	const t0 = Date.now();
	const starts: number[] = [];
	const order: number[] = [];
	const dones = Array.from({ length: count }, (_, i) =>
		limiter.acquire().then((done) => {
			starts[i] = Date.now() - t0;
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
		expect(starts).toEqual(Array(20).fill(0));
	});
});

describe('spacing', () => {
	test('4 per second: starts 255 ms apart (1000/4 + 5), 60 ms more after an idle limiter, in arrival order', async () => {
		const { starts, order } = askTurns(limiterFor(freshKey(), 4), 6);
		await jest.advanceTimersByTimeAsync(2000);
		// Nobody reported an answer: the spacing alone paces.
		expect(starts).toEqual([0, 315, 570, 825, 1080, 1335]);
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
	});

	test('10 per second: 105 ms apart', async () => {
		const { starts } = askTurns(limiterFor(freshKey(), 10), 4);
		await jest.advanceTimersByTimeAsync(1000);
		expect(starts).toEqual([0, 165, 270, 375]);
	});

	test('a turn is not given early', async () => {
		const { starts } = askTurns(limiterFor(freshKey(), 4), 2);
		await jest.advanceTimersByTimeAsync(314);
		expect(starts).toEqual([0]);
		await jest.advanceTimersByTimeAsync(1);
		expect(starts).toEqual([0, 315]);
	});

	test('after an idle spell the first request starts at once, the next 315 ms later', async () => {
		const limiter = limiterFor(freshKey(), 4);
		askTurns(limiter, 2);
		await jest.advanceTimersByTimeAsync(5000);
		const { starts } = askTurns(limiter, 3);
		await jest.advanceTimersByTimeAsync(1000);
		expect(starts).toEqual([0, 315, 570]);
	});

	test('a request that comes within the spacing of the last start waits out the rest of it', async () => {
		const limiter = limiterFor(freshKey(), 4);
		askTurns(limiter, 1);
		await jest.advanceTimersByTimeAsync(100);
		const { starts } = askTurns(limiter, 1);
		await jest.advanceTimersByTimeAsync(1000);
		expect(starts).toEqual([215]);
	});

	test('each key paces on its own', async () => {
		const a = askTurns(limiterFor(freshKey(), 4), 2);
		const b = askTurns(limiterFor(freshKey(), 4), 2);
		await jest.advanceTimersByTimeAsync(1000);
		expect(a.starts).toEqual([0, 315]);
		expect(b.starts).toEqual([0, 315]);
	});
});

describe('release (done) and the rate window', () => {
	test('when the request 4 starts back was answered quickly, the 5th waits a full second after that answer', async () => {
		const { starts, dones } = askTurns(limiterFor(freshKey(), 4), 5);
		await jest.advanceTimersByTimeAsync(0);
		await jest.advanceTimersByTimeAsync(90);
		(await dones[0])(); // answered at 90 ms (quick: within 100 ms)
		await jest.advanceTimersByTimeAsync(2000);
		// Spacing alone would start the 5th at 1080; the window after the answer ends at 1090.
		expect(starts).toEqual([0, 315, 570, 825, 1090]);
	});

	test('a slow answer (over 100 ms) leaves the pacing to the spacing', async () => {
		const { starts, dones } = askTurns(limiterFor(freshKey(), 4), 5);
		await jest.advanceTimersByTimeAsync(101);
		(await dones[0])();
		await jest.advanceTimersByTimeAsync(2000);
		expect(starts).toEqual([0, 315, 570, 825, 1080]);
	});

	test('only the first done counts', async () => {
		const { starts, dones } = askTurns(limiterFor(freshKey(), 4), 5);
		await jest.advanceTimersByTimeAsync(50);
		const done = await dones[0];
		done(); // 50 ms: quick, window until 1050 (under the spacing's 1080)
		await jest.advanceTimersByTimeAsync(40);
		done(); // would be 1090 if it counted
		await jest.advanceTimersByTimeAsync(2000);
		expect(starts).toEqual([0, 315, 570, 825, 1080]);
	});

	test('the window follows the request 4 starts back, not the first one', async () => {
		const { starts, dones } = askTurns(limiterFor(freshKey(), 4), 6);
		await jest.advanceTimersByTimeAsync(315 + 99);
		(await dones[1])(); // the 2nd started at 315, answered at 414: window until 1414
		await jest.advanceTimersByTimeAsync(3000);
		expect(starts).toEqual([0, 315, 570, 825, 1080, 1414]);
	});
});

describe('real time', () => {
	test('a few real requests keep the spacing (small real waits)', async () => {
		jest.useRealTimers();
		const limiter = limiterFor(freshKey(), 20); // 55 ms apart, 115 ms after idle
		const t0 = Date.now();
		const starts: number[] = [];
		await Promise.all(
			[0, 1, 2].map(() =>
				limiter.acquire().then((done) => {
					starts.push(Date.now() - t0);
					done();
				}),
			),
		);
		expect(starts[0]).toBeLessThan(50);
		expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(114);
		expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(54);
	});
});
