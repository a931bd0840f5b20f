/** Contract conformance of the v3 requests the node sent during the suite, and its coverage table. */
import { byPathThenMethod, type StepRequest } from './read';

export interface Conformance {
	/** v3 requests sent by n8n (the node and its credential test). */
	nodeRequests: StepRequest[];
	violations: StepRequest[];
	/** Requests per contract operation the node used. */
	used: Map<string, number>;
	neverUsed: string[];
	/** v3 requests of the tests' own HTTP calls (sandbox set-up and the sandbox's own tests). */
	testRequests: number;
	v2Requests: number;
	oauthRequests: number;
}

export function conformance(requests: StepRequest[], operations: string[]): Conformance {
	const nodeRequests = requests.filter((r) => r.api === 'v3' && r.client === 'n8n');
	const used = new Map<string, number>();
	for (const r of nodeRequests) if (r.operation) used.set(r.operation, (used.get(r.operation) ?? 0) + 1);
	return {
		nodeRequests,
		violations: nodeRequests.filter((r) => r.valid !== true),
		used,
		neverUsed: operations.filter((op) => !used.has(op)),
		testRequests: requests.filter((r) => r.api === 'v3' && r.client === 'test').length,
		v2Requests: requests.filter((r) => r.api === 'v2').length,
		oauthRequests: requests.filter((r) => r.api === 'oauth').length,
	};
}

export function validatedLine(c: Conformance): string {
	const valid = c.nodeRequests.length - c.violations.length;
	const percent = c.nodeRequests.length ? Math.floor((valid / c.nodeRequests.length) * 1000) / 10 : 0;
	return `${valid} of ${c.nodeRequests.length} v3 requests validated (${percent}%)`;
}

export function coverageTable(c: Conformance, operations: string[]): string {
	const rows = [...c.used.keys()].sort(byPathThenMethod);
	const width = Math.max(40, ...operations.map((o) => o.length), ...rows.map((o) => o.length));
	const show = (op: string) => op.replace(/^(\S+) /, (_, method: string) => `${method.padEnd(6)} `);
	const line = (op: string, n: string) => `  ${show(op).padEnd(width + 2)}  ${n.padStart(8)}`;
	const out = [
		`v3 contract operations the node used (${rows.length} of the ${operations.length} in test/sandbox/data/v3-contract.json):`,
		line('method path', 'requests'),
		...rows.map((op) => line(op, String(c.used.get(op)))),
		`v3 contract operations never exercised (${c.neverUsed.length}):`,
		...(c.neverUsed.length ? c.neverUsed.map((op) => `  ${show(op)}`) : ['  (none)']),
		validatedLine(c),
		`(not counted: ${c.testRequests} v3 requests made by the tests themselves; ${c.v2Requests} v2 and ${c.oauthRequests} OAuth requests, which the v3 contract does not describe)`,
	];
	return out.join('\n');
}

export function describeViolation(r: StepRequest): string {
	return `[${r.step}] ${r.method} ${r.path} -> ${r.status}${r.operation ? ` (${r.operation})` : ''}: ${(r.errors ?? ['not validated']).join('; ')}`;
}
