/** The secret scan over the suite's exposure record. */
import type { RecordFile } from './read';
import { readExposures } from './read';
import type { ExposureRecord, SecretRecord } from './record';

/** Tokens are long; fixed sandbox credentials are scanned whatever their length. */
export const MIN_SECRET_LENGTH = 8;

export function secretsToScan(secrets: SecretRecord[]): SecretRecord[] {
	return secrets.filter((s) => s.value.length >= MIN_SECRET_LENGTH || (s.fixed && s.value.length > 0));
}

const PREFIX = 6;

/**
 * Finds any of many secrets in a text. Thousands of tokens share a few prefixes (sbx_at_,
 * sbx_rt_, sandbox-...), so each prefix is searched natively and full values are checked only
 * where a prefix occurs.
 */
export class SecretMatcher {
	private readonly byPrefix = new Map<string, Map<number, Map<string, SecretRecord>>>();
	private readonly short: SecretRecord[] = [];

	constructor(secrets: SecretRecord[]) {
		for (const secret of secrets) {
			if (secret.value.length < PREFIX) {
				this.short.push(secret);
				continue;
			}
			const prefix = secret.value.slice(0, PREFIX);
			const byLength = this.byPrefix.get(prefix) ?? new Map<number, Map<string, SecretRecord>>();
			this.byPrefix.set(prefix, byLength);
			const values = byLength.get(secret.value.length) ?? new Map<string, SecretRecord>();
			byLength.set(secret.value.length, values);
			values.set(secret.value, secret);
		}
	}

	find(text: string): SecretRecord | undefined {
		for (const [prefix, byLength] of this.byPrefix) {
			for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
				for (const [length, values] of byLength) {
					const found = values.get(text.slice(at, at + length));
					if (found) return found;
				}
			}
		}
		return this.short.find((s) => text.includes(s.value));
	}
}

export interface Hit {
	/** file:line of the exposure record, and where in the suite it came from. */
	record: string;
	where: string;
	part: 'item' | 'error' | 'log' | 'response';
	index: number;
	secret: SecretRecord['kind'];
	/** The text around the hit, with the secret masked. */
	excerpt: string;
}

export interface ScanResult {
	items: number;
	errors: number;
	logs: number;
	responses: number;
	records: number;
	engines: Set<string>;
	sources: Set<string>;
	hits: Hit[];
}

export function scanExposures(files: RecordFile[], matcher: SecretMatcher): ScanResult {
	const result: ScanResult = {
		items: 0,
		errors: 0,
		logs: 0,
		responses: 0,
		records: 0,
		engines: new Set(),
		sources: new Set(),
		hits: [],
	};
	for (const { file, line, entry } of readExposures(files)) {
		result.records++;
		result.sources.add(`${entry.source}:${file.step}`);
		if (entry.engine) result.engines.add(`${file.step}:${entry.engine}`);
		const record = `${file.file}:${line}`;
		const check = (part: Hit['part'], index: number, text: string) => {
			const secret = matcher.find(text);
			if (secret)
				result.hits.push({
					record,
					where: entry.where,
					part,
					index,
					secret: secret.kind,
					excerpt: excerpt(text, secret.value),
				});
		};
		entry.items.forEach((t, i) => check('item', i, t));
		// One hit per error, from the first of its texts (message, description, stack, JSON, causes) that has one.
		entry.errors.forEach((texts, i) => check('error', i, texts.find((t) => matcher.find(t)) ?? ''));
		entry.logs.forEach((t, i) => check('log', i, t));
		entry.responses.forEach((t, i) => check('response', i, t));
		count(result, entry);
	}
	return result;
}

function count(result: ScanResult, entry: ExposureRecord): void {
	result.items += entry.items.length;
	result.errors += entry.errors.length;
	result.logs += entry.logs.length;
	result.responses += entry.responses.length;
}

function excerpt(text: string, secret: string): string {
	const at = text.indexOf(secret);
	const masked = `${secret.slice(0, 4)}…(${secret.length} chars)`;
	return `${text.slice(Math.max(0, at - 80), at)}[${masked}]${text.slice(at + secret.length, at + secret.length + 80)}`.replace(
		/\s+/g,
		' ',
	);
}
