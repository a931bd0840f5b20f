import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';

import { DEFAULT_SCOPE, type Sandbox } from '../test/sandbox';

// A full collection before each measured run, without asking for `node --expose-gc`.
v8.setFlagsFromString('--expose-gc');
export const collectGarbage = vm.runInNewContext('gc') as () => void;

export interface Row {
	scenario: string;
	/** The figure the target is about, for the summary table. */
	headline: string;
	figures: Record<string, string | number>;
	target?: string;
	met?: boolean;
	/** Extra lines printed under the figures (e.g. where the time went). */
	notes?: string[];
}

/** A v3 credential pointing at the sandbox; `requestsPerSecond` as the user would set it. */
export function v3Credentials(sandbox: Sandbox, overrides: Record<string, unknown> = {}) {
	return {
		constantContactOAuth2Api: {
			clientId: sandbox.secrets.clientId,
			clientSecret: sandbox.secrets.clientSecret,
			authServerUrl: sandbox.oauthBaseUrl,
			baseUrl: sandbox.v3BaseUrl,
			grantType: 'authorizationCode',
			scope: DEFAULT_SCOPE,
			oauthTokenData: sandbox.issueTokens(),
			...overrides,
		},
	};
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Peak RSS and heap while `work` runs, sampled every 20 ms. */
export async function withMemory<T>(
	work: () => Promise<T>,
): Promise<{ value: T; peakRssMb: number; peakHeapDeltaMb: number }> {
	collectGarbage();
	const baseHeap = process.memoryUsage().heapUsed;
	let peakRss = 0;
	let peakHeap = 0;
	const sample = () => {
		const m = process.memoryUsage();
		peakRss = Math.max(peakRss, m.rss);
		peakHeap = Math.max(peakHeap, m.heapUsed);
	};
	const timer = setInterval(sample, 20);
	try {
		const value = await work();
		sample();
		return { value, peakRssMb: peakRss / 2 ** 20, peakHeapDeltaMb: (peakHeap - baseHeap) / 2 ** 20 };
	} finally {
		clearInterval(timer);
	}
}

/**
 * CPU time of this process's main thread in ms (Linux; NaN elsewhere), 10 ms resolution. Unlike
 * wall time, other processes on the machine barely move it.
 */
export function mainThreadCpuMs(): number {
	try {
		const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime and stime (fields 14 and 15 of stat), in clock ticks of 10 ms
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return NaN;
	}
}
