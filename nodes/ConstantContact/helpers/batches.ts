/** `items` in consecutive groups of at most `size`, for endpoints that cap the ids per call. */
export function inBatches<T>(items: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
	return batches;
}
