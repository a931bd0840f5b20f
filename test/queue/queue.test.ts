/**
 * Queue mode for real: n8n 2.41 `start` with EXECUTIONS_MODE=queue, 3 `n8n worker
 * --concurrency=1` processes and Redis, our package installed as a community node for all of
 * them (test/queue/cluster.ts), against the sandbox at its real limits (4 requests/s, 10,000 a
 * day, counted over every client). One cluster for every scenario:
 *  (a) 3 webhook executions started together, 100 v3 schedules each, one credential;
 *  (b) the same on v2;
 *  (c) v3 again with the access token expiring mid-run (rotating refresh tokens);
 *  (d) the Constant Contact Trigger, active all along: only main polls, once per change.
 * Every figure comes from the sandbox's own records. run.js prints them again at the end.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';

import { envVar } from '../../scripts/env-vars';
import { startCluster, type Cluster } from './cluster';
import { describeRun, LIMIT_PER_SECOND, runSchedules, type RunFigures } from './scenario';
import { scheduleWorkflow, triggerWorkflow, WEBHOOK_PATH } from './workflows';

const WORKERS = 3;
const EXECUTIONS = 3;
const ITEMS = 100;
/** (c): fewer items (the CI budget); the tokens expire once this many schedules were accepted. */
const EXPIRY_ITEMS = 40;
const EXPIRE_AFTER = 30;

const print = (text: string) => process.stdout.write(`\n[queue] ${text}\n`);
const figures: Record<string, unknown> = {};
const summaries: string[] = [];

function report(key: string, title: string, f: RunFigures | undefined, extra: string[] = []) {
	if (f) {
		const { outcomes: _outcomes, ...rest } = f;
		figures[key] = rest;
	}
	const text = [f ? describeRun(title, f) : `${title}: did not run`, ...extra.map((l) => `  ${l}`)].join('\n');
	summaries.push(text);
	print(text);
}

/** Receives what the trigger workflow posts (one request per item). */
interface Collector {
	url: string;
	received: Array<{ campaign_id: string; event: string; execution: string; at: number }>;
	close(): Promise<void>;
}

async function startCollector(): Promise<Collector> {
	const received: Collector['received'] = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			try {
				received.push({ ...JSON.parse(body), at: Date.now() });
			} catch {
				received.push({ campaign_id: `unparsable: ${body.slice(0, 100)}`, event: '', execution: '', at: Date.now() });
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/trigger`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

let cluster: Cluster;
let collector: Collector;
/** v3 campaigns made on purpose for (d) after the trigger's first poll */
const newCampaigns: string[] = [];
/** v3 campaigns at the trigger's first poll: every other one (the drafts (a) and (c) seed too) is new */
let baseline = new Set<string>();
let triggerActiveSince = 0;

const polls = () =>
	cluster.env.sandbox.requests.filter(
		(r) => r.api === 'v3' && r.method === 'GET' && r.path === '/v3/emails' && r.arrivedAt >= triggerActiveSince,
	);

async function until(what: string, ok: () => boolean, timeoutMs: number): Promise<void> {
	const t = Date.now();
	while (!ok()) {
		if (Date.now() - t > timeoutMs) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

beforeAll(async () => {
	collector = await startCollector();
	const t = Date.now();
	cluster = await startCluster({
		tag: 'test',
		workers: WORKERS,
		webhooks: [WEBHOOK_PATH.v3, WEBHOOK_PATH.v2],
		workflows: () => [scheduleWorkflow('v3'), scheduleWorkflow('v2'), triggerWorkflow(collector.url)],
	});
	const s = cluster.startup;
	print(
		`cluster up in ${((Date.now() - t) / 1000).toFixed(1)} s: Redis ${s.redis.toFixed(1)} s, main ${s.main.toFixed(1)} s, ` +
			`workers ${s.workers.map((w) => w.toFixed(1)).join(' / ')} s (started together, --concurrency=1 each)`,
	);
	// The trigger's first poll (at activation) records every campaign; changes after it fire.
	triggerActiveSince = t;
	await until('the trigger’s first poll', () => polls().some((r) => r.status === 200), 60_000);
	baseline = new Set(cluster.env.sandbox.v3Campaigns().map((c) => c.campaign_id));
	newCampaigns.push(
		...cluster.env.sandbox.draftCampaigns('v3', 2, { prefix: 'Trigger check A' }).map((c) => c.campaignId),
	);
}, 300_000);

afterAll(async () => {
	await cluster?.stop();
	await collector?.close();
	const file = envVar('CC_QUEUE_FIGURES');
	if (file) fs.writeFileSync(file, JSON.stringify({ summaries, figures }, null, 2));
}, 120_000);

/** Every execution answered all its items, each done once, none failed, never over the limit. */
function expectClean(f: RunFigures, itemsPerExecution: number) {
	expect(f.outcomes.map((o) => o.problem ?? 'ok')).toEqual(Array(EXECUTIONS).fill('ok'));
	expect(f.items).toBe(EXECUTIONS * itemsPerExecution);
	expect(f.done).toBe(EXECUTIONS * itemsPerExecution);
	expect(f.mismatches).toEqual([]);
	expect(f.duplicates).toBe(0);
	expect(f.maxAcceptedInAnySecond).toBeLessThanOrEqual(LIMIT_PER_SECOND);
	expect({ failed: f.failed, errors: f.errors }).toEqual({ failed: 0, errors: {} });
}

test(`(a) ${EXECUTIONS} webhook executions x ${ITEMS} v3 schedules on one credential, ${WORKERS} workers: each item done once, none failed, at most 4 accepted in any second`, async () => {
	const f = await runSchedules(cluster, { api: 'v3', executions: EXECUTIONS, itemsPerExecution: ITEMS, label: 'a-v3' });
	report('a', '(a) v3', f);
	expect(f.workerFinish.map((w) => w.executions)).toEqual(Array(WORKERS).fill(1));
	expectClean(f, ITEMS);
}, 900_000);

test(`(b) the same on v2 (${EXECUTIONS} x ${ITEMS} schedules, one API key)`, async () => {
	newCampaigns.push(
		...cluster.env.sandbox.draftCampaigns('v3', 1, { prefix: 'Trigger check B' }).map((c) => c.campaignId),
	);
	const f = await runSchedules(cluster, { api: 'v2', executions: EXECUTIONS, itemsPerExecution: ITEMS, label: 'b-v2' });
	report('b', '(b) v2', f);
	expectClean(f, ITEMS);
}, 900_000);

test(`(c) the v3 access token expires mid-run (rotating refresh tokens): no execution fails for "reconnect", no refresh token is used twice`, async () => {
	const sandbox = cluster.env.sandbox;
	const usesBefore = sandbox.refreshTokenUses().length;
	let expiredAt = 0;
	const f = await runSchedules(cluster, {
		api: 'v3',
		executions: EXECUTIONS,
		itemsPerExecution: EXPIRY_ITEMS,
		label: 'c-expiry',
		during: async ({ acceptedSchedules }) => {
			await until(`${EXPIRE_AFTER} accepted schedules`, () => acceptedSchedules() >= EXPIRE_AFTER, 300_000);
			sandbox.expireAccessTokens();
			expiredAt = Date.now();
		},
	});
	const uses = sandbox.refreshTokenUses().slice(usesBefore);
	const perToken = new Map<string, number>();
	for (const u of uses) perToken.set(u.token, (perToken.get(u.token) ?? 0) + 1);
	const reused = [...perToken.values()].filter((n) => n > 1).length;
	const reconnect = f.outcomes.flatMap((o) => o.items).filter((i) => /reconnect/i.test(i.error ?? ''));
	report('c', '(c) v3, access token expired mid-run', f, [
		`tokens expired after ${EXPIRE_AFTER} accepted schedules (${((expiredAt - Date.now()) / -1000).toFixed(1)} s before the end); ` +
			`refresh-token uses: ${uses.length} (${uses.filter((u) => u.granted).length} granted, ${uses.filter((u) => !u.granted).length} refused), ` +
			`${reused} token(s) used more than once; items failed for "reconnect": ${reconnect.length}`,
	]);
	figures.c_refresh = {
		uses: uses.length,
		granted: uses.filter((u) => u.granted).length,
		reused,
		reconnect: reconnect.length,
	};
	expect(expiredAt).toBeGreaterThan(0);
	expect(uses.filter((u) => u.granted).length).toBeGreaterThanOrEqual(1);
	expect({ reused, reconnect: reconnect.length }).toEqual({ reused: 0, reconnect: 0 });
	expectClean(f, EXPIRY_ITEMS);
}, 900_000);

test('(d) the Constant Contact Trigger in queue mode fires once per change: only main polls, the executions run on workers', async () => {
	// Each campaign made after the first poll is reported by the next one (polls are a minute apart).
	const created = () =>
		cluster.env.sandbox
			.v3Campaigns()
			.map((c) => c.campaign_id)
			.filter((id) => !baseline.has(id));
	await until(
		'every new campaign reported by the trigger',
		() => created().every((id) => collector.received.some((r) => r.campaign_id === id)),
		150_000,
	);
	// One more poll after the last report, to see that nothing is reported again.
	const lastReport = Math.max(...collector.received.map((r) => r.at));
	await until('one more poll', () => polls().some((r) => r.arrivedAt > lastReport + 1000), 90_000);
	await new Promise((r) => setTimeout(r, 3000));

	const reported = collector.received.map((r) => r.campaign_id);
	const counts = new Map<string, number>();
	for (const id of reported) counts.set(id, (counts.get(id) ?? 0) + 1);
	const executions = [...new Set(collector.received.map((r) => r.execution))];
	const onWorkers = executions.filter((e) => cluster.workerOf(e));
	// Poll bursts (a poll and its pages or retries): one per minute when only main polls. The first
	// gap (the poll at activation, then the minute's) may be short.
	const times = polls().map((r) => r.arrivedAt);
	const bursts: number[] = [];
	for (const t of times) if (!bursts.length || t - bursts[bursts.length - 1] > 20_000) bursts.push(t);
	const gaps = bursts.slice(1).map((t, i) => (t - bursts[i]) / 1000);
	const text = [
		`(d) trigger: ${created().length} campaigns created while it was active (${newCampaigns.length} for this check, the rest the drafts (a) and (c) seeded), ` +
			`${reported.length} reports (${counts.size} distinct) in ${executions.length} executions ` +
			`(${onWorkers.length} run by a worker); ${bursts.length} polls, seconds apart: ${gaps.map((g) => g.toFixed(0)).join(', ')}`,
	].join('\n');
	summaries.push(text);
	print(text);
	figures.d = {
		newCampaigns: newCampaigns.length,
		reports: reported.length,
		executions: executions.length,
		polls: bursts.length,
		gaps,
	};

	expect(newCampaigns.every((id) => created().includes(id))).toBe(true);
	expect([...counts.entries()].sort()).toEqual(
		created()
			.map((id) => [id, 1])
			.sort(),
	);
	expect(onWorkers).toEqual(executions);
	expect(gaps.slice(1).filter((g) => g < 45)).toEqual([]);
}, 300_000);
