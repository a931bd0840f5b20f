/**
 * Overhead: our node against n8n's HTTP Request node making the same 1,000 calls (GET one v3
 * campaign per item) to one sandbox with its limits off and no latency, in the same in-process
 * engine, with the same OAuth2 credential. Our node's credential has Requests per Second 0.
 */
import { runNode, type RunResult } from '../test/harness';
import { Sandbox } from '../test/sandbox';
import { collectGarbage, mainThreadCpuMs, median, v3Credentials, type Row } from './common';
import { HTTP_REQUEST_TYPE, loadHttpRequestNode } from './httpRequestNode';

const CALLS = 1000;
const ROUNDS = 5;
const TARGET_RATIO = 1.1;

type Contender = 'node' | 'httpRequest';

interface Measurement {
	wallMs: number;
	/** CPU time of the main thread (engine, both nodes and the sandbox all run on it). */
	cpuMs: number;
	/** Time the engine recorded for the node under test alone. */
	nodeMs: number;
	requests: number;
	ok: number;
	ids: string[];
	error?: Error;
}

export async function overhead(): Promise<Row> {
	const httpRequest = await loadHttpRequestNode();
	const sandbox = await Sandbox.start({ latencyMs: 0, rateLimitPerSecond: false, dailyLimit: false });
	try {
		const campaigns = sandbox.draftCampaigns('v3', CALLS, { prefix: 'Overhead' });
		const input = campaigns.map((c) => ({ campaignId: c.campaignId }));
		const expectedIds = input.map((i) => i.campaignId);
		const common = {
			input,
			credentials: v3Credentials(sandbox, { requestsPerSecond: 0 }),
			extraNodes: [{ type: HTTP_REQUEST_TYPE, node: httpRequest }],
		};
		const runs: Record<Contender, () => Promise<RunResult>> = {
			node: async () =>
				await runNode({
					...common,
					parameters: {
						authentication: 'oAuth2',
						resource: 'campaign',
						operation: 'get',
						campaignId: { __rl: true, mode: 'id', value: '={{ $json.campaignId }}' },
					},
				}),
			// The way a user calls the API with this credential: "Predefined Credential Type".
			httpRequest: async () =>
				await runNode({
					...common,
					nodeType: HTTP_REQUEST_TYPE,
					parameters: {
						method: 'GET',
						url: `=${sandbox.v3BaseUrl}/emails/{{ $json.campaignId }}`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'constantContactOAuth2Api',
						options: {},
					},
				}),
		};

		const measure = async (who: Contender): Promise<Measurement> => {
			collectGarbage();
			const mark = sandbox.requests.length;
			const cpuBefore = mainThreadCpuMs();
			const started = performance.now();
			const result = await runs[who]();
			const wallMs = performance.now() - started;
			const cpuMs = mainThreadCpuMs() - cpuBefore;
			const seen = sandbox.requests.slice(mark);
			return {
				wallMs,
				cpuMs,
				nodeMs: result.run.data.resultData.runData[result.nodeName]?.[0]?.executionTime ?? NaN,
				requests: seen.length,
				ok: seen.filter((r) => r.status === 200 && r.method === 'GET' && r.path.startsWith('/v3/emails/')).length,
				ids: result.items.map((item) => String(item.json.campaign_id)),
				error: result.error,
			};
		};

		await measure('node');
		await measure('httpRequest');
		const results: Record<Contender, Measurement[]> = { node: [], httpRequest: [] };
		for (let round = 0; round < ROUNDS; round++) {
			// Alternating who goes first spreads any drift (GC, sandbox state) over both.
			const order: Contender[] = round % 2 ? ['httpRequest', 'node'] : ['node', 'httpRequest'];
			for (const who of order) results[who].push(await measure(who));
		}

		const wall = (who: Contender) => median(results[who].map((m) => m.wallMs));
		const nodeOnly = (who: Contender) => median(results[who].map((m) => m.nodeMs));
		const cpu = (who: Contender) => median(results[who].map((m) => m.cpuMs));
		const ratio = wall('node') / wall('httpRequest');
		// The target: main-thread CPU per call, the steadier figure on a busy machine, as the
		// median of the interleaved rounds' ratios.
		const cpuRatio = median(results.node.map((m, round) => m.cpuMs / results.httpRequest[round].cpuMs));
		// Each round's two runs meet nearly the same machine; this one shrugs off slow drifts.
		const pairedRatio = median(results.node.map((m, round) => m.wallMs / results.httpRequest[round].wallMs));
		const all = [...results.node, ...results.httpRequest];
		const exact = all.every((m) => !m.error && m.requests === CALLS && m.ok === CALLS);
		const sameOutput = all.every((m) => m.ids.length === CALLS && m.ids.every((id, i) => id === expectedIds[i]));
		const perRun = (who: Contender) => results[who].map((m) => `${m.requests}/${m.ok}`).join(' ');
		return {
			scenario: `Overhead vs HTTP Request node, ${CALLS.toLocaleString('en')} GETs`,
			headline: `CPU ${cpuRatio.toFixed(2)}x (median of ${ROUNDS} rounds); wall ${wall('node').toFixed(0)} ms vs ${wall('httpRequest').toFixed(0)} ms = ${ratio.toFixed(2)}x; ${exact ? `${CALLS} requests per run, all 200` : 'REQUESTS DIFFER'}; ${sameOutput ? 'same output' : 'OUTPUT DIFFERS'}`,
			figures: {
				'node median ms': wall('node').toFixed(0),
				'HTTP Request median ms': wall('httpRequest').toFixed(0),
				ratio: `${ratio.toFixed(2)}x`,
				'CPU ratio (median of rounds)': `${cpuRatio.toFixed(2)}x`,
				'requests/200s per run (node)': perRun('node'),
				'(HTTP Request)': perRun('httpRequest'),
				'same 1,000 ids': sameOutput ? 'yes' : 'NO',
			},
			notes: [
				'v3 Campaign → Get per item vs HTTP Request (GET, Predefined Credential Type: the same OAuth2 credential); sandbox limits off, 0 ms latency',
				`runs: node ${results.node.map((m) => m.wallMs.toFixed(0)).join(', ')} ms; HTTP Request ${results.httpRequest
					.map((m) => m.wallMs.toFixed(0))
					.join(
						', ',
					)} ms (after one warm-up each, ${ROUNDS} interleaved rounds); median of the per-round ratios ${pairedRatio.toFixed(2)}x`,
				`engine-recorded node execution time (median): node ${nodeOnly('node').toFixed(0)} ms, HTTP Request ${nodeOnly('httpRequest').toFixed(0)} ms`,
				`main-thread CPU time (median; sandbox included): node ${cpu('node').toFixed(0)} ms, HTTP Request ${cpu('httpRequest').toFixed(0)} ms, ratio ${(cpu('node') / cpu('httpRequest')).toFixed(2)}x`,
			],
			target: `CPU per call <= ${TARGET_RATIO}x, ${CALLS} requests per run, all 200`,
			met: cpuRatio <= TARGET_RATIO && exact && sameOutput,
		};
	} finally {
		await sandbox.close();
	}
}
