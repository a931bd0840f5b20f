import {
	failureOf,
	inBatches,
	readIdsOfItems,
	requestIdsOfItems,
	type IdAnswer,
} from '../../nodes/ConstantContact/helpers/batches';

describe('inBatches', () => {
	test('consecutive groups of at most `size`, in order', () => {
		expect(inBatches([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
		expect(inBatches([1, 2, 3, 4], 2)).toEqual([
			[1, 2],
			[3, 4],
		]);
		expect(inBatches(['a'], 150)).toEqual([['a']]);
		expect(inBatches([1, 2, 3], 1)).toEqual([[1], [2], [3]]);
		expect(inBatches([], 10)).toEqual([]);
	});

	test('does not change its input', () => {
		const items = [1, 2, 3];
		inBatches(items, 2);
		expect(items).toEqual([1, 2, 3]);
	});
});

describe('readIdsOfItems', () => {
	test('an item whose field is wrong gets its own error and asks for nothing', () => {
		const bad = new Error('"Campaign IDs" is not a valid ID: "x"');
		const { wanted, failed } = readIdsOfItems([0, 1, 2], (i) => {
			if (i === 1) throw bad;
			return [`id-${i}`];
		});
		expect(wanted).toEqual([
			{ itemIndex: 0, ids: ['id-0'] },
			{ itemIndex: 2, ids: ['id-2'] },
		]);
		expect(failed).toEqual([{ itemIndexes: [1], error: bad }]);
		expect(failed[0].itemIndexes).toEqual([1]);
	});

	test('no items, nothing', () => {
		expect(readIdsOfItems([], () => ['x'])).toEqual({ wanted: [], failed: [] });
	});
});

describe('requestIdsOfItems', () => {
	test('distinct ids, `perCall` per request, each asked for with the first item asking', async () => {
		const calls: Array<[string[], number]> = [];
		const byId = await requestIdsOfItems(
			[
				{ itemIndex: 0, ids: ['a', 'b'] },
				{ itemIndex: 1, ids: ['b', 'c', 'd'] },
				{ itemIndex: 2, ids: ['a', 'e'] },
			],
			2,
			async (ids, itemIndex) => {
				calls.push([ids, itemIndex]);
				return ids.join('+');
			},
		);
		expect(calls).toEqual([
			[['a', 'b'], 0],
			[['c', 'd'], 1],
			[['e'], 2],
		]);
		expect([...byId.entries()]).toEqual([
			['a', { answer: 'a+b' }],
			['b', { answer: 'a+b' }],
			['c', { answer: 'c+d' }],
			['d', { answer: 'c+d' }],
			['e', { answer: 'e' }],
		]);
	});

	test("a failed request's error is the outcome of exactly its ids", async () => {
		const refused = new Error('HTTP 400');
		const byId = await requestIdsOfItems([{ itemIndex: 0, ids: ['a', 'b', 'c'] }], 1, async (ids) => {
			if (ids[0] === 'b') throw refused;
			return ids[0];
		});
		expect(byId.get('a')).toEqual({ answer: 'a' });
		expect(byId.get('b')).toEqual({ error: refused });
		expect(byId.get('c')).toEqual({ answer: 'c' });
	});

	test('at most 5 requests wait at once; the next group starts when a whole group is answered', async () => {
		let inFlight = 0;
		let most = 0;
		const events: string[] = [];
		const ids = Array.from({ length: 12 }, (_, i) => `id${i}`);
		await requestIdsOfItems([{ itemIndex: 0, ids }], 1, async ([id]) => {
			inFlight++;
			most = Math.max(most, inFlight);
			events.push(`start ${id}`);
			// id0 is the slow one of the first group.
			await new Promise((resolve) => setTimeout(resolve, id === 'id0' ? 30 : 1));
			events.push(`end ${id}`);
			inFlight--;
		});
		expect(most).toBe(5);
		expect(events.indexOf('start id5')).toBeGreaterThan(events.indexOf('end id0'));
		expect(events.filter((e) => e.startsWith('start')).slice(0, 5)).toEqual([
			'start id0',
			'start id1',
			'start id2',
			'start id3',
			'start id4',
		]);
		expect(events.filter((e) => e.startsWith('start'))).toHaveLength(12);
	});

	test('no ids, no requests', async () => {
		const request = jest.fn(async () => 'x');
		expect((await requestIdsOfItems([{ itemIndex: 0, ids: [] }], 10, request)).size).toBe(0);
		expect(request).not.toHaveBeenCalled();
	});
});

describe('failureOf', () => {
	const error1 = new Error('first');
	const error2 = new Error('second');
	const byId = new Map<string, IdAnswer<string>>([
		['a', { answer: 'ok' }],
		['b', { error: error1 }],
		['c', { error: error2 }],
	]);

	test('the first error among the ids, in their order', () => {
		expect(failureOf(['a', 'b', 'c'], byId)).toBe(error1);
		expect(failureOf(['c', 'b'], byId)).toBe(error2);
	});

	test('undefined when every id was answered (or never asked)', () => {
		expect(failureOf(['a'], byId)).toBeUndefined();
		expect(failureOf(['unknown'], byId)).toBeUndefined();
		expect(failureOf([], byId)).toBeUndefined();
	});
});
