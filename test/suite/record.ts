/**
 * The suite record: what `npm test` writes while it runs, for the checks in test/suite/.
 *
 * scripts/test.js sets CC_SUITE_RECORD_DIR (a folder in its temp dir) and CC_SUITE_STEP (engine,
 * timing, e2e) for every test step. While they are set:
 *  - every Sandbox appends its requests (v3: contract check) and the secrets it holds or issued;
 *  - the harness and the e2e tests append what a user could see: output items, errors, logs,
 *    n8n's output and REST answers (the "exposure").
 * One JSONL file per kind, step and process (`<kind>.<step>.<pid>.jsonl`), appended
 * synchronously. Without CC_SUITE_RECORD_DIR nothing is written.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { envVar } from '../../scripts/env-vars';

export const RECORD_DIR_ENV = 'CC_SUITE_RECORD_DIR';
export const STEP_ENV = 'CC_SUITE_STEP';

export type RecordKind = 'requests' | 'secrets' | 'exposure';

export interface RequestRecord {
	api: 'v2' | 'v3' | 'oauth';
	/** 'n8n': sent by n8n's HTTP client (the node, its credentials); 'test': a test's own fetch. */
	client: 'n8n' | 'test';
	method: string;
	path: string;
	status: number;
	/** v3 only: the contract operation, e.g. "GET /emails/{campaign_id}" (absent when none matches). */
	operation?: string;
	operationId?: string;
	/** v3 only: whether the request matched an operation and validated against it. */
	valid?: boolean;
	errors?: string[];
}

export type SecretKind =
	| 'v2ApiKey'
	| 'v2AccessToken'
	| 'clientSecret'
	| 'clientBasicAuth'
	| 'accessToken'
	| 'refreshToken';

export interface SecretRecord {
	kind: SecretKind;
	value: string;
	/** One of the sandbox's fixed, configured credentials (scanned whatever their length). */
	fixed: boolean;
}

export interface ExposureRecord {
	source: 'harness' | 'e2e';
	/** Test file › test name › what ran, to find a hit. */
	where: string;
	items: string[];
	/** Per error: its texts (see errorTexts). */
	errors: string[][];
	logs: string[];
	/** e2e: answers of n8n's REST API that a test read. */
	responses: string[];
	/** harness: the engine line the run used. */
	engine?: string;
}

export function recordDir(): string | undefined {
	return envVar(RECORD_DIR_ENV);
}

export function recordStep(): string {
	return (envVar(STEP_ENV) ?? 'manual').replace(/[^\w-]/g, '_');
}

/** Appends one line to this process's file of that kind; a no-op unless recording. */
export function appendRecord(kind: RecordKind, entry: RequestRecord | SecretRecord | ExposureRecord): void {
	const dir = recordDir();
	if (!dir) return;
	mkdirSync(dir, { recursive: true });
	appendFileSync(path.join(dir, `${kind}.${recordStep()}.${process.pid}.jsonl`), JSON.stringify(entry) + '\n');
}

export function appendExposure(
	entry: Omit<ExposureRecord, 'items' | 'errors' | 'logs' | 'responses'> & Partial<ExposureRecord>,
): void {
	if (!recordDir()) return;
	appendRecord('exposure', { items: [], errors: [], logs: [], responses: [], ...entry });
}

/** "file › test name" of the running jest test, when there is one. */
export function currentTestName(): string {
	const state = (
		globalThis as { expect?: { getState?: () => { testPath?: string; currentTestName?: string } } }
	).expect?.getState?.();
	if (!state) return '(outside jest)';
	const file = state.testPath ? path.relative(path.resolve(__dirname, '../..'), state.testPath) : '?';
	return `${file} › ${state.currentTestName ?? '(beforeAll/afterAll)'}`;
}

/**
 * JSON text of any value, as JSON.stringify gives it (toJSON honoured), but never throwing:
 * cycles become "[Circular]", BigInts strings.
 */
export function jsonText(value: unknown): string {
	const stack: unknown[] = [];
	try {
		return (
			JSON.stringify(value, function (this: unknown, _key, v: unknown) {
				if (typeof v === 'bigint') return v.toString();
				if (v === null || typeof v !== 'object') return v;
				// `this` is the holder: drop stack entries that are not its ancestors.
				while (stack.length && stack[stack.length - 1] !== this) stack.pop();
				if (stack.includes(v)) return '[Circular]';
				stack.push(v);
				return v;
			}) ?? String(value)
		);
	} catch (e) {
		return `[not serializable: ${(e as Error).message}]`;
	}
}

/**
 * The texts of an error that can reach a user: message, description, stack, the error's JSON
 * (what n8n stores), and the same for each error in its `cause` chain.
 */
export function errorTexts(error: unknown): string[] {
	const out: string[] = [];
	let current: unknown = error;
	for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
		if (typeof current !== 'object') {
			out.push(String(current));
			break;
		}
		const e = current as { message?: unknown; description?: unknown; stack?: unknown; cause?: unknown };
		for (const text of [e.message, e.description, e.stack]) if (typeof text === 'string' && text) out.push(text);
		out.push(jsonText(current));
		current = e.cause;
	}
	return out;
}
