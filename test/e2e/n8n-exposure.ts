/**
 * What the real n8n showed during the end-to-end tests, appended to the suite record while
 * `npm test` records it (test/suite/record.ts), for the suite's secret scan: the output of every
 * n8n CLI command (with the items and errors of `n8n execute`), n8n's server log, and every
 * answer of n8n's REST API a test read. A no-op otherwise.
 */
import { appendExposure, currentTestName, errorTexts, jsonText, recordDir } from '../suite/record';

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

interface CliResult {
	stdout?: string;
	stderr?: string;
	resultData?: { runData?: Record<string, Array<{ error?: unknown; data?: { main?: unknown[][] } }>>; error?: unknown };
	error?: unknown;
}

/** Wraps the async n8n CLI helpers so that what each command printed (and ran) is recorded. */
export function recordingCli<T extends Record<string, unknown>>(cli: T): T {
	const wrapped: Record<string, unknown> = { ...cli };
	for (const name of ['runN8n', 'importWorkflow', 'importCredentials', 'publishWorkflow', 'executeWorkflow']) {
		const original = cli[name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
		if (typeof original !== 'function') continue;
		wrapped[name] = async (...args: unknown[]) => {
			const result = await original(...args);
			recordCliResult(`n8n CLI ${name}`, result as CliResult);
			return result;
		};
	}
	return wrapped as T;
}

function recordCliResult(what: string, result: CliResult): void {
	if (!recordDir() || !result || typeof result !== 'object') return;
	const items: string[] = [];
	const errors: string[][] = [];
	for (const runs of Object.values(result.resultData?.runData ?? {})) {
		for (const run of runs ?? []) {
			if (run.error) errors.push(errorTexts(run.error));
			for (const output of run.data?.main ?? []) for (const item of output ?? []) items.push(jsonText(item));
		}
	}
	if (result.error) errors.push(errorTexts(result.error));
	appendExposure({
		source: 'e2e',
		where: `${currentTestName()} › ${what}`,
		items,
		errors,
		logs: [...lines(result.stdout ?? ''), ...lines(result.stderr ?? '')],
	});
}

export function recordServerLog(text: string): void {
	appendExposure({ source: 'e2e', where: `${currentTestName()} › n8n server log`, logs: lines(text) });
}

export function recordRestAnswer(method: string, path: string, status: number, text: string): void {
	appendExposure({
		source: 'e2e',
		where: `${currentTestName()} › REST ${method} ${path} -> ${status}`,
		responses: [text],
	});
}
