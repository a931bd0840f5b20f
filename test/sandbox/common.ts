/** Request context, reply helpers and small utilities shared by the v2, v3 and OAuth handlers. */
import type { SandboxState } from './state';

export interface Reply {
	status: number;
	body?: unknown; // JSON-serialised unless `raw` is set
	raw?: string;
	contentType?: string;
	headers?: Record<string, string>;
}

export interface Ctx {
	method: string; // upper case
	/** path below the API prefix, e.g. /emails/abc (v3), /emailmarketing/campaigns (v2) */
	path: string;
	segments: string[];
	query: Record<string, string>;
	body: any;
	rawBody: string;
	headers: Record<string, string>;
	now: number; // sandbox clock
	state: SandboxState;
}

export const json = (status: number, body?: unknown, headers?: Record<string, string>): Reply => ({
	status,
	body,
	headers,
});

/** v2 and v3 error body: an array of {error_key, error_message}. */
export const apiError = (status: number, key: string, message: string): Reply => ({
	status,
	body: [{ error_key: key, error_message: message }],
});

export class HttpError extends Error {
	constructor(public readonly reply: Reply) {
		super(JSON.stringify(reply.body));
	}
}
export const fail = (status: number, key: string, message: string): never => {
	throw new HttpError(apiError(status, key, message));
};

export const EMAIL_RE = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

export function encodeCursor(o: unknown): string {
	return Buffer.from(JSON.stringify(o)).toString('base64url');
}
export function decodeCursor<T>(s: string): T | undefined {
	try {
		const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
		return v && typeof v === 'object' ? (v as T) : undefined;
	} catch {
		return undefined;
	}
}

/** The `limit` query parameter: an integer from `min` to `max` (400 otherwise), `def` when absent. */
export function limitParam(q: Record<string, string>, def: number, max: number, min = 1): number {
	if (q.limit === undefined) return def;
	const n = Number(q.limit);
	if (!Number.isInteger(n) || n < min || n > max)
		fail(400, 'query.param.invalid', `limit: must be an integer from ${min} to ${max}.`);
	return n;
}

/** The decoded `cursor` query parameter (undefined without one); 400 when `valid` rejects it. */
export function cursorParam<T>(q: Record<string, string>, valid: (c: T) => boolean): T | undefined {
	if (q.cursor === undefined) return undefined;
	const c = decodeCursor<T>(q.cursor);
	if (!c || !valid(c)) fail(400, 'query.param.invalid', 'cursor: is not a valid paging cursor.');
	return c;
}

/** `_links` with the next page's href, as the API writes it: `/v3<path>?cursor=…&limit=…`. */
export function nextLinks(path: string, cursor: unknown, limit: number): { next: { href: string } } {
	return { next: { href: `/v3${path}?cursor=${encodeCursor(cursor)}&limit=${limit}` } };
}

/** Parse an ISO-8601 date; undefined when invalid. */
export function parseIso(s: unknown): number | undefined {
	if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/i.test(s)) return undefined;
	const t = Date.parse(s);
	return Number.isNaN(t) ? undefined : t;
}

/**
 * Sorted-list cache: the sorted array is rebuilt only when the state version changes, so
 * paging through 25,000 campaigns is O(n log n) once plus O(log n + page) per page.
 */
export class SortedCache<T> {
	private version = -1;
	private items: T[] = [];
	get(version: number, build: () => T[]): T[] {
		if (version !== this.version) {
			this.items = build();
			this.version = version;
		}
		return this.items;
	}
}

/** First index whose item sorts after `key` (items sorted by cmp ascending). */
export function firstAfter<T, K>(items: T[], key: K, cmp: (item: T, key: K) => number): number {
	let lo = 0;
	let hi = items.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cmp(items[mid], key) <= 0) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
