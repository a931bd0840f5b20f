/**
 * Canned replies: a test makes the sandbox answer the next request that matches a method, a
 * path (and optionally query parameters) with a given reply, once. v2 / v3 requests are still
 * authenticated and rate limited first; on other paths (e.g. v2's OAuth endpoints) the canned
 * reply is the only answer there is.
 */
import type { Reply } from './common';

export interface CannedReply {
	method: string;
	/** The full path (e.g. /v2/account/info), or a pattern over it. */
	path: string | RegExp;
	/** Query parameters the request must carry with these values. */
	query?: Record<string, string>;
	reply: Reply;
}

export class CannedReplies {
	private queue: CannedReply[] = [];

	add(canned: CannedReply): void {
		this.queue.push(canned);
	}

	/** The first matching canned reply, removed from the queue; undefined when none matches. */
	take(method: string, path: string, query: Record<string, string>): Reply | undefined {
		const index = this.queue.findIndex(
			(c) =>
				c.method.toUpperCase() === method &&
				(typeof c.path === 'string' ? c.path === path : c.path.test(path)) &&
				Object.entries(c.query ?? {}).every(([k, v]) => query[k] === v),
		);
		if (index < 0) return undefined;
		return this.queue.splice(index, 1)[0].reply;
	}

	/** Canned replies not used yet. */
	get pending(): CannedReply[] {
		return [...this.queue];
	}

	clear(): void {
		this.queue = [];
	}
}
