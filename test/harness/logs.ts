/**
 * Log capture: n8n-workflow's LoggerProxy, n8n-core's DI Logger (which is what a node's
 * `this.logger` returns) and console output are all recorded as plain text lines, so a test can
 * assert that no secret appears anywhere in what a run logged.
 */
import { inspect } from 'node:util';

import { envVar } from '../../scripts/env-vars';

export type LogSink = (line: string) => void;

const sinks = new Set<LogSink>();

/** Write a line to every active capture (and to stderr when HARNESS_VERBOSE is set). */
export function emit(line: string) {
	for (const sink of sinks) sink(line);
	if (envVar('HARNESS_VERBOSE')) process.stderr.write(`[harness] ${line}\n`);
}

function render(value: unknown): string {
	if (typeof value === 'string') return value;
	return inspect(value, { depth: 10, breakLength: Infinity, maxStringLength: Infinity, maxArrayLength: 1000 });
}

function format(level: string, message: unknown, meta?: unknown): string {
	let line = `${level}: ${render(message)}`;
	if (
		meta !== undefined &&
		!(typeof meta === 'object' && meta !== null && Object.keys(meta).length === 0 && !(meta instanceof Error))
	) {
		line += ` ${render(meta)}`;
	}
	return line;
}

/**
 * Logger with the shape of @n8n/backend-common's Logger and n8n-workflow's ILogger.
 * Unknown methods (newer engines may add some) are captured too instead of crashing.
 */
export function createCapturingLogger(scope?: string): Record<string, (...args: unknown[]) => unknown> {
	const prefix = scope ? `[${scope}] ` : '';
	const base: Record<string, (...args: unknown[]) => unknown> = {
		error: (message, meta) => emit(format('error', `${prefix}${render(message)}`, meta)),
		warn: (message, meta) => emit(format('warn', `${prefix}${render(message)}`, meta)),
		info: (message, meta) => emit(format('info', `${prefix}${render(message)}`, meta)),
		debug: (message, meta) => emit(format('debug', `${prefix}${render(message)}`, meta)),
		verbose: (message, meta) => emit(format('verbose', `${prefix}${render(message)}`, meta)),
		log: (level, message, meta) => emit(format(String(level), `${prefix}${render(message)}`, meta)),
		scoped: (scopes) => createCapturingLogger(Array.isArray(scopes) ? scopes.join(',') : String(scopes)),
		setLevel: () => undefined,
		setInternalLogger: () => undefined,
	};
	return new Proxy(base, {
		get(target, prop) {
			if (typeof prop === 'symbol' || prop in target) return (target as never)[prop];
			if (prop === 'then') return undefined; // not a thenable
			return (...args: unknown[]) => emit(format(String(prop), args[0], args[1]));
		},
	});
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/**
 * Starts capturing. Returns the collected lines and a stop function that restores console.
 * Console methods are replaced only while at least one capture is active.
 */
export function startCapture(): { lines: string[]; stop: () => void } {
	const lines: string[] = [];
	const sink: LogSink = (line) => lines.push(line);
	sinks.add(sink);
	if (sinks.size === 1) patchConsole();
	return {
		lines,
		stop: () => {
			sinks.delete(sink);
			if (sinks.size === 0) restoreConsole();
		},
	};
}

let saved: Partial<Record<(typeof CONSOLE_METHODS)[number], (...args: unknown[]) => void>> | undefined;

function patchConsole() {
	if (saved) return;
	saved = {};
	for (const method of CONSOLE_METHODS) {
		saved[method] = console[method] as (...args: unknown[]) => void;
		console[method] = (...args: unknown[]) => emit(`console.${method}: ${args.map(render).join(' ')}`);
	}
}

function restoreConsole() {
	if (!saved) return;
	for (const method of CONSOLE_METHODS) {
		if (saved[method]) console[method] = saved[method] as never;
	}
	saved = undefined;
}
