/** Reading the suite record (test/suite/record.ts) back: its files, requests and secrets. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { ExposureRecord, RecordKind, RequestRecord, SecretRecord } from './record';

export interface RecordFile {
	kind: RecordKind;
	step: string;
	pid: number;
	file: string;
}

export function recordFiles(dir: string): RecordFile[] {
	const out: RecordFile[] = [];
	for (const name of readdirSync(dir).sort()) {
		const m = /^(requests|secrets|exposure)\.([\w-]+)\.(\d+)\.jsonl$/.exec(name);
		if (m) out.push({ kind: m[1] as RecordKind, step: m[2], pid: Number(m[3]), file: path.join(dir, name) });
	}
	return out;
}

/** The lines of a JSONL file, parsed, with their line numbers. */
export function readLines<T>(file: string): Array<{ line: number; entry: T }> {
	return readFileSync(file, 'utf8')
		.split('\n')
		.map((text, i) => ({ text, line: i + 1 }))
		.filter(({ text }) => text.trim() !== '')
		.map(({ text, line }) => ({ line, entry: JSON.parse(text) as T }));
}

export type StepRequest = RequestRecord & { step: string };

export function readRequests(files: RecordFile[]): StepRequest[] {
	return files
		.filter((f) => f.kind === 'requests')
		.flatMap((f) => readLines<RequestRecord>(f.file).map(({ entry }) => ({ ...entry, step: f.step })));
}

export function readSecrets(files: RecordFile[]): SecretRecord[] {
	const byValue = new Map<string, SecretRecord>();
	for (const f of files.filter((x) => x.kind === 'secrets')) {
		for (const { entry } of readLines<SecretRecord>(f.file))
			if (!byValue.has(entry.value)) byValue.set(entry.value, entry);
	}
	return [...byValue.values()];
}

/** Each exposure line of each file, one file at a time (the files can be large). */
export function* readExposures(
	files: RecordFile[],
): Generator<{ file: RecordFile; line: number; entry: ExposureRecord }> {
	for (const file of files.filter((f) => f.kind === 'exposure')) {
		for (const { line, entry } of readLines<ExposureRecord>(file.file)) yield { file, line, entry };
	}
}

/** The operations of the v3 contract extract, as "METHOD /path/{template}". */
export function contractOperations(contractFile: string): string[] {
	const contract = JSON.parse(readFileSync(contractFile, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
	const methods = ['get', 'post', 'put', 'patch', 'delete'];
	return Object.entries(contract.paths)
		.flatMap(([p, ops]) =>
			Object.keys(ops)
				.filter((m) => methods.includes(m))
				.map((m) => `${m.toUpperCase()} ${p}`),
		)
		.sort(byPathThenMethod);
}

export function byPathThenMethod(a: string, b: string): number {
	const [ma, pa] = a.split(' ');
	const [mb, pb] = b.split(' ');
	return pa === pb ? ma.localeCompare(mb) : pa.localeCompare(pb);
}
