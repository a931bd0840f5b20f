/**
 * What a run showed (output items, errors, logs), appended to the suite record while `npm test`
 * records it (test/suite/record.ts), for the suite's secret scan. A no-op otherwise.
 */
import type { INodeExecutionData, IRunData } from 'n8n-workflow';

import { appendExposure, currentTestName, errorTexts, jsonText, recordDir } from '../suite/record';

export interface RunExposure {
	/** What ran, e.g. "runNode Constant Contact". */
	what: string;
	engine: string;
	items: INodeExecutionData[];
	/** Error objects as thrown, and the engine's stored copies. */
	errors: unknown[];
	logs: string[];
}

export function recordRunExposure(run: RunExposure): void {
	if (!recordDir()) return;
	appendExposure({
		source: 'harness',
		where: `${currentTestName()} › ${run.what}`,
		engine: run.engine,
		items: run.items.map((item) => jsonText(item)),
		errors: distinctErrorTexts(run.errors),
		logs: run.logs,
	});
}

/**
 * The texts of each error, each text once: the same error is often at hand several times (as
 * thrown, as the run's error); an error that adds no new text is left out.
 */
function distinctErrorTexts(errors: unknown[]): string[][] {
	const seen = new Set<string>();
	const out: string[][] = [];
	for (const error of new Set(errors)) {
		if (error === undefined || error === null) continue;
		const fresh = errorTexts(error).filter((text) => !seen.has(text));
		fresh.forEach((text) => seen.add(text));
		if (fresh.length) out.push(fresh);
	}
	return out;
}

/** Every item every node output in a run, and every error stored with a node's run. */
export function runDataExposure(runData: IRunData | undefined): { items: INodeExecutionData[]; errors: unknown[] } {
	const items: INodeExecutionData[] = [];
	const errors: unknown[] = [];
	for (const runs of Object.values(runData ?? {})) {
		for (const task of runs ?? []) {
			if (task.error) errors.push(task.error);
			for (const output of task.data?.main ?? []) items.push(...(output ?? []));
		}
	}
	return { items, errors };
}
