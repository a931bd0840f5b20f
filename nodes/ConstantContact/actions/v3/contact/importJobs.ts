/** How an import's rows go into requests: as few as the API's limits allow. */
import { utf8Bytes } from '../../../helpers/values';
import type { ImportRow } from './importRows';

/** One request: its rows, and its body exactly as it is sent (its size is what was measured). */
export interface ImportJob {
	rows: ImportRow[];
	body: string;
}

export interface ImportLimits {
	/** Bytes of body per request. */
	bytes: number;
	contacts: number;
}

const HEAD = '{"import_data":[';

/** The end of the body: what the request says for all its rows. */
function tailOf(row: ImportRow): string {
	const sms = row.smsPermission ? `,"sms_permission_to_send":${JSON.stringify(row.smsPermission)}` : '';
	return `],"list_ids":${JSON.stringify(row.listIds)}${sms}}`;
}

/**
 * Rows in input order, grouped by what the request says for all of them (lists, SMS permission),
 * each group cut into requests within `limits`, filled in turn. A row that does not fit in a
 * request on its own is returned in `tooLarge`.
 */
export function packImports(rows: ImportRow[], limits: ImportLimits): { jobs: ImportJob[]; tooLarge: ImportRow[] } {
	const groups = new Map<string, ImportRow[]>();
	for (const row of rows) {
		const tail = tailOf(row);
		const group = groups.get(tail);
		if (group) group.push(row);
		else groups.set(tail, [row]);
	}
	const jobs: ImportJob[] = [];
	const tooLarge: ImportRow[] = [];
	for (const [tail, group] of groups) {
		const envelope = utf8Bytes(HEAD) + utf8Bytes(tail);
		let current: ImportRow[] = [];
		let bytes = envelope;
		const close = () => {
			if (current.length) jobs.push({ rows: current, body: HEAD + current.map((row) => row.json).join(',') + tail });
			current = [];
			bytes = envelope;
		};
		for (const row of group) {
			if (envelope + row.bytes > limits.bytes) {
				tooLarge.push(row);
				continue;
			}
			const comma = current.length ? 1 : 0;
			if (bytes + comma + row.bytes > limits.bytes || current.length === limits.contacts) close();
			bytes += (current.length ? 1 : 0) + row.bytes;
			current.push(row);
		}
		close();
	}
	return { jobs, tooLarge };
}
