import type { BatchOutcome } from './types';

/** `items` in consecutive groups of at most `size`, for endpoints that cap the ids per call. */
export function inBatches<T>(items: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
	return batches;
}

/** What one item of a batch asks for. */
export interface ItemIds {
	itemIndex: number;
	ids: string[];
}

/**
 * Reads each item's ids; an item whose field is wrong gets its own error outcome and asks for
 * nothing.
 */
export function readIdsOfItems(
	itemIndexes: number[],
	read: (itemIndex: number) => string[],
): { wanted: ItemIds[]; failed: BatchOutcome[] } {
	const wanted: ItemIds[] = [];
	const failed: BatchOutcome[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			wanted.push({ itemIndex, ids: read(itemIndex) });
		} catch (error) {
			failed.push({ itemIndexes: [itemIndex], error: error as Error });
		}
	}
	return { wanted, failed };
}

export type IdAnswer<Answer> = { answer: Answer } | { error: Error };

// Requests of one batch that wait on the network at once (the rate limiter paces their starts).
const CONCURRENT_REQUESTS = 5;

/**
 * Asks for the distinct ids of all items, `perCall` per request, and returns each id's request
 * outcome: the answer that covered it, or the error of its request (which then concerns exactly
 * the items that asked for one of its ids). `itemIndex` is the first item asking, for errors.
 */
export async function requestIdsOfItems<Answer>(
	wanted: ItemIds[],
	perCall: number,
	request: (ids: string[], itemIndex: number) => Promise<Answer>,
): Promise<Map<string, IdAnswer<Answer>>> {
	const firstAsker = new Map<string, number>();
	for (const { itemIndex, ids } of wanted) for (const id of ids) if (!firstAsker.has(id)) firstAsker.set(id, itemIndex);
	const byId = new Map<string, IdAnswer<Answer>>();
	const batches = inBatches([...firstAsker.keys()], perCall);
	for (const group of inBatches(batches, CONCURRENT_REQUESTS)) {
		await Promise.all(
			group.map(async (ids) => {
				let outcome: IdAnswer<Answer>;
				try {
					outcome = { answer: await request(ids, firstAsker.get(ids[0]) as number) };
				} catch (error) {
					outcome = { error: error as Error };
				}
				for (const id of ids) byId.set(id, outcome);
			}),
		);
	}
	return byId;
}

/** The first request error among an item's ids, if any. */
export function failureOf<Answer>(ids: string[], byId: Map<string, IdAnswer<Answer>>): Error | undefined {
	for (const id of ids) {
		const outcome = byId.get(id);
		if (outcome && 'error' in outcome) return outcome.error;
	}
	return undefined;
}

/**
 * Each item's outcome once its ids were asked for: the error of a request that carried one of
 * them, or what `outcome` makes of the answers covering its ids (in the item's order).
 */
export function outcomesPerItem<Answer>(
	wanted: ItemIds[],
	failed: BatchOutcome[],
	byId: Map<string, IdAnswer<Answer>>,
	outcome: (item: ItemIds, answers: Answer[]) => BatchOutcome,
): BatchOutcome[] {
	return [
		...failed,
		...wanted.map((item): BatchOutcome => {
			const error = failureOf(item.ids, byId);
			if (error) return { itemIndexes: [item.itemIndex], error };
			return outcome(
				item,
				item.ids.map((id) => (byId.get(id) as { answer: Answer }).answer),
			);
		}),
	];
}
