/**
 * The bad-input sweep: runs the node through the engine with one field given a generated value
 * (the other fields good) and checks how it ends. See samples.ts for what each verdict allows.
 */
import * as fc from 'fast-check';

import type { RunResult } from '../../harness';
import { type World } from '../world';
import { AUTHENTICATION, fieldsOf, parameterIssues, type Api } from './node';
import type { Kind, Sample } from './samples';

export interface FieldCase {
	/** Where the value goes: 'name', 'filters.afterDate', 'additionalFields.customFields.field.0.value'. */
	path: string;
	kind: Kind;
	/** Parameters this field needs besides the operation's base ones (e.g. getBy: 'email'). */
	with?: Record<string, unknown>;
	/**
	 * What an error about this field may call it, besides its display name and parameter name: the
	 * short label the node uses, or the API's name for it. Required for paths inside a fixedCollection.
	 */
	alsoNamed?: string[];
}

export interface OperationCase<F> {
	/** Good parameters (fresh for each run: names that must be unique stay unique). */
	base: (fixtures: F) => Record<string, unknown>;
	fields: FieldCase[];
}

/** Generated values per field, on top of its kind's fixed examples (null, a list, an object from an expression). */
export const RUNS_PER_FIELD = 3;

/** A fixed seed per field, so a run is repeatable and adding a field changes no other field's values. */
export function seedOf(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return hash | 0;
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
	const keys = path.split('.');
	let node: Record<string, unknown> = target;
	keys.slice(0, -1).forEach((key, i) => {
		if (typeof node[key] !== 'object' || node[key] === null) node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
		node = node[key] as Record<string, unknown>;
	});
	node[keys[keys.length - 1]] = value;
	return target;
}

export function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
	const merged: Record<string, unknown> = { ...base };
	for (const [key, value] of Object.entries(extra)) {
		const current = merged[key];
		const bothObjects = [current, value].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
		merged[key] = bothObjects ? deepMerge(current as Record<string, unknown>, value as Record<string, unknown>) : value;
	}
	return merged;
}

const normalized = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether an error text names the field (any of its names, ignoring case, spaces and punctuation). */
export function namesField(text: string, names: string[]): boolean {
	const haystack = normalized(text);
	return names.some((name) => haystack.includes(normalized(name)));
}

// What a crash or an unfinished message looks like.
const CRASH =
	/TypeError|ReferenceError|RangeError|SyntaxError|Cannot (read|set) propert|is not a function|is not iterable|is not defined|\bundefined\b|\[object Object\]|\bNaN\b/;
const MAX_MESSAGE = 1500;

type NodeError = Error & { description?: string | null; cause?: unknown; httpCode?: string | null };

/** The error is one of n8n's node errors with a clear text that names the field. */
export function expectCleanError(error: Error | undefined, names: string[]): void {
	expect(error).toBeDefined();
	const e = error as NodeError;
	const text = `${e.message}\n${e.description ?? ''}`;
	const where = `${e.constructor.name}: ${text.slice(0, 400)}`;
	expect([where, ['NodeOperationError', 'NodeApiError'].includes(e.constructor.name)]).toEqual([where, true]);
	expect([where, CRASH.test(text)]).toEqual([where, false]);
	expect([where, text.length <= MAX_MESSAGE]).toEqual([where, true]);
	const crashes: string[] = [];
	for (
		let cause = e.cause, depth = 0;
		cause instanceof Object && depth < 5;
		cause = (cause as NodeError).cause, depth++
	) {
		if (/^(TypeError|ReferenceError|RangeError|SyntaxError)$/.test((cause as Error).name))
			crashes.push((cause as Error).message);
	}
	expect([where, crashes]).toEqual([where, []]);
	expect([where, names, namesField(text, names)]).toEqual([where, names, true]);
}

export interface Target {
	api: Api;
	resource: string;
	operation: string;
}

/** Runs the node once with `parameters`; n8n refusing to start (WorkflowHasIssuesError) is returned, not thrown. */
async function runOrRefused(world: World, target: Target, parameters: Record<string, unknown>, options = {}) {
	const full = {
		authentication: AUTHENTICATION[target.api],
		resource: target.resource,
		operation: target.operation,
		...parameters,
	};
	try {
		return { result: await world.run(full, options), full };
	} catch (error) {
		if ((error as Error).constructor.name !== 'WorkflowHasIssuesError') throw error;
		return { refused: error as Error, full };
	}
}

interface Outcome {
	result?: RunResult;
	refused?: Error;
	/** The node's parameters as run. */
	full: Record<string, unknown>;
}

/** The checks of one run, by what the sample must lead to (see samples.ts). */
function checkOutcome(
	world: World,
	mark: number,
	sample: Sample,
	field: { names: string[]; parameter: string },
	outcome: Outcome,
) {
	const requests = world.sandbox.requests.slice(mark).filter((r) => r.api !== 'oauth');
	const sent = requests.map((r) => `${r.method} ${r.path} -> ${r.status}`);
	if (outcome.refused) {
		// n8n does not start the workflow and marks the field in the editor: the node never runs.
		expect([sample.verdict, parameterIssues(outcome.full)]).toEqual([
			sample.verdict,
			expect.arrayContaining([field.parameter]),
		]);
		expect(sent).toEqual([]);
		return;
	}
	const { error } = outcome.result as RunResult;
	if (sample.verdict === 'reject') {
		expect(['the node accepted it', error === undefined]).toEqual(['the node accepted it', false]);
		expect(sent).toEqual([]);
	}
	if (sample.verdict === 'either') {
		// Acceptable input is sent only in a shape the API takes.
		expect(sent.filter((s) => / -> 4(00|22)$/.test(s))).toEqual([]);
	}
	if (error) expectCleanError(error, field.names);
}

export async function sweepField<F>(
	world: World,
	target: Target,
	opCase: OperationCase<F>,
	field: FieldCase,
	fixtures: F,
): Promise<void> {
	const key = `${target.resource}.${target.operation}`;
	const property = fieldsOf(target.api, key).get(field.path);
	const parameter = field.path.split('.')[0];
	const names = [...(property ? [property.displayName, property.name] : []), ...(field.alsoNamed ?? [])];
	if (names.length === 0)
		throw new Error(`${target.api} ${key}: "${field.path}" is no field of the operation and has no alsoNamed`);
	await fc.assert(
		fc.asyncProperty(field.kind.samples, async (sample) => {
			const parameters = setPath(
				structuredClone(deepMerge(opCase.base(fixtures), field.with)),
				field.path,
				sample.parameter,
			);
			const mark = world.mark;
			const violations = world.sandbox.contractViolations.length;
			const responseViolations = world.sandbox.responseViolations.length;
			const outcome = await runOrRefused(world, target, parameters);
			expect(world.sandbox.contractViolations.slice(violations)).toEqual([]);
			expect(world.sandbox.responseViolations.slice(responseViolations)).toEqual([]);
			checkOutcome(world, mark, sample, { names, parameter }, outcome);
		}),
		{
			seed: seedOf(`${target.api}.${key}.${field.path}`),
			// fast-check counts the examples among numRuns.
			numRuns: field.kind.examples.length + RUNS_PER_FIELD,
			examples: field.kind.examples.map((example) => [example]),
			endOnFailure: true,
		},
	);
}

export interface PairedCase<F> {
	operation: string;
	/** Parameters in which `={{ $json.value }}` gives each item its own value of the field. */
	parameters: (fixtures: F) => Record<string, unknown>;
	/** The field `$json.value` goes into (its display name or label, for the error). */
	names: string[];
	good: (fixtures: F) => unknown;
	bad: Kind;
}

/**
 * With Continue On Fail, a bad item loses nothing: the good item's output and the bad one's error
 * item both come out, paired to their input items, whichever comes first.
 */
export async function sweepPaired<F>(
	world: World,
	api: Api,
	resource: string,
	paired: PairedCase<F>,
	fixtures: F,
	runs: number,
): Promise<void> {
	const rejected = fc
		.oneof(...paired.bad.examples.map((e) => fc.constant(e)), paired.bad.samples)
		.filter((s) => s.verdict === 'reject');
	await fc.assert(
		fc.asyncProperty(rejected, fc.boolean(), async (bad, badFirst) => {
			const values = badFirst ? [bad.value, paired.good(fixtures)] : [paired.good(fixtures), bad.value];
			const target = { api, resource, operation: paired.operation };
			const outcome = await runOrRefused(world, target, paired.parameters(fixtures), {
				input: values.map((value) => ({ value })),
				continueOnFail: true,
			});
			expect(outcome.refused).toBeUndefined();
			const { error, items } = outcome.result as RunResult;
			expect(error).toBeUndefined();
			const [goodIndex, badIndex] = badFirst ? [1, 0] : [0, 1];
			const errors = items.filter((item) => item.json.error !== undefined);
			const outputs = items.filter((item) => item.json.error === undefined);
			expect(errors).toHaveLength(1);
			expect(errors[0].pairedItem).toEqual({ item: badIndex });
			expect(namesField(`${errors[0].json.error} ${errors[0].json.description ?? ''}`, paired.names)).toBe(true);
			expect(outputs.length).toBeGreaterThan(0);
			for (const output of outputs) expect(output.pairedItem).toEqual({ item: goodIndex });
			// Output order follows the input items.
			expect(items.indexOf(errors[0]) < items.indexOf(outputs[0])).toBe(badFirst);
		}),
		{ seed: seedOf(`${api}.${resource}.${paired.operation}.paired`), numRuns: runs, endOnFailure: true },
	);
}
