import type { Row } from './common';

const verdict = (row: Row) => (row.met === undefined ? '-' : row.met ? 'PASS' : 'FAIL');

function table(header: string[], lines: string[][]): string[] {
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
	const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)];
}

export function printRows(rows: Row[]) {
	console.log(
		'\nConstant Contact node benchmark (n8n engine in-process, and a real n8n in queue mode, against the sandbox)\n',
	);
	for (const row of rows) {
		console.log(`| ${row.scenario}`);
		console.log(
			`|   ${Object.entries(row.figures)
				.map(([k, v]) => `${k}: ${v}`)
				.join(' | ')}`,
		);
		for (const note of row.notes ?? []) console.log(`|   ${note}`);
		if (row.target) console.log(`|   target ${row.target}: ${row.met ? 'met' : 'NOT MET'}`);
	}
	console.log('\nSummary\n');
	const lines = rows.map((row) => [row.scenario, row.headline, row.target ?? '(no target)', verdict(row)]);
	for (const line of table(['Scenario', 'Result', 'Target', ''], lines)) console.log(line);
	console.log('');
}
