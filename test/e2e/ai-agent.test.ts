/**
 * The node as an AI tool in the real n8n 2.41: through the AI Agent of the example workflow
 * "AI assistant for campaigns" (examples/ai-assistant.json: Chat Trigger -> AI Agent with n8n's
 * OpenAI Chat Model and three Constant Contact tools), and through n8n's MCP Server Trigger driven
 * by the official MCP client (@modelcontextprotocol/sdk).
 *
 * One `n8n start` (GENERIC_TIMEZONE America/New_York) serves both. The model is the scripted fake
 * of fake-openai.ts (the OpenAI credential's Base URL points at it): each step of a script
 * reads what the agent sent (the tools offered, the tool results) and answers the tool call or
 * the text a model would. What the tools did is checked in the sandbox's state.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DateTime } from 'luxon';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
	cli,
	createEnv,
	rest,
	startServer,
	workflowExecutions,
	E2eEnv,
	EXAMPLES_DIR,
	PACKAGE_NAME,
	seconds,
} from './real-n8n';
import { FakeOpenAi, lastToolResult, text, toolResults } from './fake-openai';
import { appendExposure, currentTestName } from '../suite/record';
import type { SeededCampaign, SeededList } from '../sandbox';

const INSTANCE_ZONE = 'America/New_York';
const MCP_ZONE = 'Europe/Paris';
const TOOL_TYPE = `${PACKAGE_NAME}.constantContactTool`;
const UNKNOWN_ACTIVITY = '00000000-0000-4000-8000-00000000beef';
const EXAMPLE = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, 'ai-assistant.json'), 'utf8'));
const EXAMPLE_ID: string = EXAMPLE.id;
const CHAT_TRIGGER = EXAMPLE.nodes.find((n: any) => n.type === '@n8n/n8n-nodes-langchain.chatTrigger');
const OPENAI_CREDENTIAL_ID: string = EXAMPLE.nodes.find((n: any) => n.credentials?.openAiApi).credentials.openAiApi.id;

/** A workflow of the test: MCP Server Trigger (path constant-contact) with the example's three tools. */
function mcpWorkflow() {
	const tools = EXAMPLE.nodes.filter((n: any) => n.type === TOOL_TYPE);
	return {
		id: 'ccE2EMcpServer',
		name: 'e2e: Constant Contact MCP server',
		active: false,
		settings: { executionOrder: 'v1', timezone: MCP_ZONE },
		nodes: [
			{
				id: 'e2e-mcp-trigger',
				name: 'MCP Server Trigger',
				type: '@n8n/n8n-nodes-langchain.mcpTrigger',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: 'b7d1c3a0-0000-4000-8000-00000000abcd',
				parameters: { path: 'constant-contact' },
			},
			...tools.map((t: any, i: number) => ({ ...t, id: `e2e-mcp-tool-${i}` })),
		],
		connections: Object.fromEntries(
			tools.map((t: any) => [t.name, { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] }]),
		),
	};
}

let env: E2eEnv;
let fake: FakeOpenAi;
let server: { stop(): Promise<unknown>; logs(): string } | undefined;
let cookie: string;
let url: string;
let list: SeededList;
let springSale: SeededCampaign<'v3'>;
let summerSale: SeededCampaign<'v3'>;
const timings: Record<string, number> = {};

/**
 * Publishes (activates) the stored workflow's current version through the REST API, as the
 * editor does, and waits until n8n 2.41's publication (an outbox drained in the background)
 * has registered its triggers.
 */
async function publish(id: string) {
	const wf = await rest(url, cookie, 'GET', `/rest/workflows/${id}`);
	expect(wf.status).toBe(200);
	const versionId: string = wf.json.data.versionId;
	const r = await rest(url, cookie, 'POST', `/rest/workflows/${id}/activate`, { versionId });
	if (r.status !== 200) throw new Error(`activate ${id}: HTTP ${r.status} ${r.text.slice(0, 2000)}`);
	expect(r.json.data.active).toBe(true);
	const t = Date.now();
	for (;;) {
		const s = (await rest(url, cookie, 'GET', `/rest/workflows/${id}/publication-status`)).json.data;
		if (s.status === 'published' && s.liveVersionId === versionId) return s;
		if (s.status === 'failed' || s.status === 'partial') throw new Error(`publish ${id}: ${JSON.stringify(s)}`);
		if (Date.now() - t > 30_000) throw new Error(`publish ${id}: still ${JSON.stringify(s)} after 30 s`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

beforeAll(async () => {
	const t = Date.now();
	fake = await FakeOpenAi.start();
	env = await createEnv('ai', { importCreds: false });
	env.opts.timezone = INSTANCE_ZONE;
	// n8n 2.41.1 does not read this setting (only older lines did): community nodes are tools
	// without it. Set off here, whatever the caller's environment says, to prove it.
	env.opts.env = { N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'false' };
	// The example's credential ids: Constant Contact v3 (sandbox) and an OpenAI credential whose
	// Base URL is the fake model.
	await cli.importCredentials(
		[
			env.credentials.v3,
			{
				id: OPENAI_CREDENTIAL_ID,
				name: 'OpenAI (fake model)',
				type: 'openAiApi',
				data: { apiKey: fake.apiKey, url: fake.baseUrl, header: false },
			},
		],
		env.opts,
	);
	// The example as its file has it (as `npm start` imports it), and the MCP server workflow.
	await cli.importWorkflow([EXAMPLE, mcpWorkflow()], env.opts);
	timings.setup = seconds(t);

	const sb = env.sandbox;
	[list] = sb.addLists(1, { name: 'Spring customers', contacts: 3 });
	sb.draftCampaigns('v3', 3, { prefix: 'Newsletter', lists: [list] });
	springSale = sb.draftCampaign('v3', { name: 'Spring sale', lists: [list] });
	sb.draftCampaign('v3', { name: 'Spring sale (old copy)', lists: [list] });
	summerSale = sb.draftCampaign('v3', { name: 'Summer sale', lists: [list] });

	const t2 = Date.now();
	({ server, cookie, url } = await startServer(env));
	timings.server = seconds(t2);
}, 400_000);

afterAll(async () => {
	if (server) {
		// kept with the user folder when E2E_KEEP=1
		fs.writeFileSync(path.join(env.userFolder, 'n8n-server.log'), server.logs());
		await server.stop();
	}
	if (fake) await fake.close();
	if (env) await env.cleanup();
	console.log(`ai-agent.test.ts timings (s): ${JSON.stringify(timings)}`);
});

afterEach(() => {
	// what n8n sent to the model: the conversation, the tool results; never a credential's secret
	const sent = fake.takeRequests().map((r) => JSON.stringify(r.body ?? null));
	recordExposure('requests to the model', sent);
	const v3 = env.credentials.v3.data;
	const secrets = [
		...Object.values(env.sandbox.secrets),
		v3.oauthTokenData.access_token,
		v3.oauthTokenData.refresh_token,
	].filter((x): x is string => typeof x === 'string' && x.length > 0);
	expect(secrets.length).toBeGreaterThanOrEqual(6);
	for (const secret of secrets) expect(sent.filter((b) => b.includes(secret))).toEqual([]);
	expect(fake.unexpected.map((r) => text(r.messages[r.messages.length - 1]))).toEqual([]);
	expect(env.sandbox.contractViolations).toEqual([]);
});

/** The first Tuesday 09:00 in `zone` after today ("next Tuesday 9:00"). */
function nextTuesdayNine(zone: string): DateTime {
	let d = DateTime.now().setZone(zone).startOf('day').plus({ days: 1 });
	while (d.weekday !== 2) d = d.plus({ days: 1 });
	return d.set({ hour: 9 });
}
const localIso = (d: DateTime) => d.toFormat("yyyy-MM-dd'T'HH:mm:ss");

/** Sends a chat message to the example's (published) chat; resolves the agent's answer. */
async function chat(sessionId: string, chatInput: string) {
	const res = await fetch(`${url}/webhook/${CHAT_TRIGGER.webhookId}/chat`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ action: 'sendMessage', sessionId, chatInput }),
	});
	const body = await res.text();
	recordExposure(`chat answer (HTTP ${res.status})`, [body]);
	let json: any; // one JSON answer (response mode "last node"), or JSON lines (streaming)
	try {
		json = JSON.parse(body);
	} catch {
		json = undefined;
	}
	return { status: res.status, body, json };
}

/** Adds what n8n handed out (to the model, the chat, the MCP client) to the suite's secret scan (`npm test`). */
function recordExposure(what: string, items: string[]) {
	appendExposure({ source: 'e2e', where: `${currentTestName()} › ${what}`, items });
}

const finished = (e: { status: string }) => !['new', 'running'].includes(e.status);

/** The newest execution of the workflow once it has finished (it may end just after its answer). */
async function newestExecution(workflowId: string) {
	for (let i = 0; ; i++) {
		const [newest] = await executions(workflowId);
		if ((newest && finished(newest)) || i >= 50) return newest;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Changes parameters of the example's Chat Trigger in the stored workflow (as in the editor; publish after). */
async function editChatTrigger(parameters: Record<string, unknown>) {
	const stored = (await rest(url, cookie, 'GET', `/rest/workflows/${EXAMPLE_ID}`)).json.data;
	const nodes = stored.nodes.map((n: any) =>
		n.name === CHAT_TRIGGER.name ? { ...n, parameters: { ...n.parameters, ...parameters } } : n,
	);
	const patched = await rest(url, cookie, 'PATCH', `/rest/workflows/${EXAMPLE_ID}`, {
		nodes,
		connections: stored.connections,
		versionId: stored.versionId,
	});
	if (patched.status !== 200) throw new Error(`PATCH: HTTP ${patched.status} ${patched.text.slice(0, 2000)}`);
}

/** The workflow's executions, newest first (status, mode). */
const executions = (workflowId: string) => workflowExecutions(url, cookie, workflowId);

describe('example "AI assistant for campaigns" (Chat Trigger -> AI Agent -> Constant Contact tools)', () => {
	test('imports with the tool variant of the node and publishes as it is', async () => {
		const stored = await rest(url, cookie, 'GET', `/rest/workflows/${EXAMPLE_ID}`);
		expect(stored.status).toBe(200);
		const tools = stored.json.data.nodes.filter((n: any) => n.type === TOOL_TYPE).map((n: any) => n.name);
		expect(tools.sort()).toEqual(['Find campaigns', 'Get campaign', 'Schedule campaign']);
		// n8n made a tool variant of the node (usableAsTool): what the editor's node panel lists
		// (a static file of some MB, no REST answer: not for the suite's record)
		const types = await fetch(`${url}/types/nodes.json`, { headers: { cookie } });
		expect(types.status).toBe(200);
		const description = ((await types.json()) as any[]).find((d) => d.name === TOOL_TYPE);
		expect(description).toBeDefined();
		expect(description.outputs).toEqual(['ai_tool']);
		expect(description.properties.map((p: any) => p.name)).toEqual(
			expect.arrayContaining(['toolDescription', 'resource', 'operation']),
		);
		await publish(EXAMPLE_ID);
		// as imported, the chat is not public: its production URL answers nothing
		expect((await chat('session-closed', 'hello')).status).toBe(404);
		expect(fake.stepsServed).toBe(0);
	});

	test('make the chat public (as a user would) and publish again', async () => {
		await editChatTrigger({ public: true });
		await publish(EXAMPLE_ID);
	});

	test('"schedule the campaign \'Spring sale\' for next Tuesday 9:00": found, read and scheduled at the right UTC instant', async () => {
		const when = nextTuesdayNine(INSTANCE_ZONE);
		const before = env.sandbox.requests.length;
		fake.script(
			() => ({ toolCalls: [{ name: 'Find_campaigns', arguments: {} }] }),
			(req) => {
				const found = lastToolResult(req, 'Find_campaigns').find((c: any) => c.name === 'Spring sale');
				return { toolCalls: [{ name: 'Get_campaign', arguments: { campaign_id: found.campaign_id } }] };
			},
			(req) => {
				const [campaign] = lastToolResult(req, 'Get_campaign');
				return {
					toolCalls: [
						{
							name: 'Schedule_campaign',
							arguments: {
								campaign_activity_id: campaign.primary_campaign_activity_id,
								scheduled_date: localIso(when),
							},
						},
					],
				};
			},
			(req) => {
				const [schedule] = lastToolResult(req, 'Schedule_campaign');
				return { content: `Done: 'Spring sale' is scheduled for ${schedule.scheduled_date}.` };
			},
		);
		const t = Date.now();
		const r = await chat('session-schedule', "schedule the campaign 'Spring sale' for next Tuesday 9:00");
		timings.chatSchedule = seconds(t);
		if (r.status !== 200) throw new Error(`chat: HTTP ${r.status} ${r.body.slice(0, 3000)}`);
		expect(fake.stepsServed).toBe(4);
		const seen = fake.chatRequests(); // what the model was asked (the record starts afresh with each test)
		expect(seen.map((q) => q.stream ?? false)).toEqual([false, false, false, false]); // response mode "last node"
		expect(seen.map((q) => q.model)).toEqual(Array(4).fill('gpt-5-mini'));

		// what the model was given: the three tools with the $fromAI parameters, the user's
		// message, and a system message with the current date in the instance's time zone
		const first = seen[0];
		const tools = Object.fromEntries((first.tools ?? []).map((t) => [t.function.name, t.function]));
		expect(Object.keys(tools).sort()).toEqual(['Find_campaigns', 'Get_campaign', 'Schedule_campaign']);
		expect(Object.keys(tools.Find_campaigns.parameters.properties ?? {})).toEqual([]);
		expect(tools.Get_campaign.parameters.required).toEqual(['campaign_id']);
		expect(tools.Schedule_campaign.parameters.required.sort()).toEqual(['campaign_activity_id', 'scheduled_date']);
		expect(tools.Schedule_campaign.parameters.properties.scheduled_date.description).toMatch(/ISO-8601/);
		expect(tools.Schedule_campaign.description).toMatch(/primary_campaign_activity_id/);
		const system = first.messages.find((m) => m.role === 'system' || m.role === 'developer');
		const today = DateTime.now().setZone(INSTANCE_ZONE);
		expect(text(system)).toContain(today.toFormat('yyyy-MM-dd'));
		expect(text(system)).toContain(`time zone ${INSTANCE_ZONE}`);
		expect(text(first.messages[first.messages.length - 1])).toBe(
			"schedule the campaign 'Spring sale' for next Tuesday 9:00",
		);

		// the tool results the agent sent back are our node's output
		const found = lastToolResult(seen[1], 'Find_campaigns');
		expect(found.map((c: any) => c.name)).toEqual(expect.arrayContaining(['Spring sale', 'Spring sale (old copy)']));
		const [campaign] = lastToolResult(seen[2], 'Get_campaign');
		expect(campaign.campaign_id).toBe(springSale.campaignId);
		expect(campaign.primary_campaign_activity_id).toBe(springSale.activityId);
		const [scheduled] = lastToolResult(seen[3], 'Schedule_campaign');
		expect(scheduled).toMatchObject({ campaign_activity_id: springSale.activityId, send_now: false });
		expect(DateTime.fromISO(scheduled.scheduled_date).toMillis()).toBe(when.toMillis());

		// the sandbox: that activity scheduled at next Tuesday 09:00 New York time, in UTC
		const activity = env.sandbox.v3Activity(springSale.activityId)!;
		expect(activity.current_status).toBe('SCHEDULED');
		expect(DateTime.fromISO(activity.scheduled_date!).toMillis()).toBe(when.toMillis());
		expect(when.setZone(INSTANCE_ZONE).toFormat('ccc HH:mm')).toBe('Tue 09:00');
		expect(env.sandbox.v3Campaign(springSale.campaignId)!.current_status).toBe('Scheduled');
		const posts = env.sandbox.requests.slice(before).filter((q) => q.method !== 'GET');
		expect(posts.map((q) => q.path)).toEqual([
			expect.stringContaining(`/emails/activities/${springSale.activityId}/schedules`),
		]);
		expect((posts[0].body as any).scheduled_date).toBe(when.toUTC().toISO());

		// the agent's answer reached the chat; the execution succeeded
		expect(r.json.output).toBe(`Done: 'Spring sale' is scheduled for ${scheduled.scheduled_date}.`);
		expect(await newestExecution(EXAMPLE_ID)).toMatchObject({ status: 'success', mode: 'webhook' });
	});

	test('bad tool calls (a date that is not a date, an unknown activity) come back to the model as the node’s errors', async () => {
		const before = env.sandbox.requests.length;
		fake.script(
			() => ({
				toolCalls: [
					{
						name: 'Schedule_campaign',
						arguments: { campaign_activity_id: summerSale.activityId, scheduled_date: 'next Tuesday around 9' },
					},
				],
			}),
			() => ({
				toolCalls: [
					{
						name: 'Schedule_campaign',
						arguments: {
							campaign_activity_id: UNKNOWN_ACTIVITY,
							scheduled_date: localIso(nextTuesdayNine(INSTANCE_ZONE)),
						},
					},
				],
			}),
			(req) => ({ content: `I could not schedule it: ${JSON.parse(toolResults(req).pop()!.content)[0].error}` }),
		);
		const r = await chat('session-bad-calls', "schedule 'Summer sale' next Tuesday around 9");
		if (r.status !== 200) throw new Error(`chat: HTTP ${r.status} ${r.body.slice(0, 3000)}`);
		expect(fake.stepsServed).toBe(3);
		const seen = fake.chatRequests();
		expect(seen).toHaveLength(3);

		const [badDate] = toolResults(seen[1]);
		expect(badDate.name).toBe('Schedule_campaign');
		// n8n 2.41 hands a failed tool run back to the agent as one item { error: <the error's message> }
		expect(JSON.parse(badDate.content)).toEqual([{ error: '"Scheduled Date" is not a date: "next Tuesday around 9"' }]);
		const unknown = toolResults(seen[2]).pop()!;
		expect(unknown.callId).not.toBe(badDate.callId);
		const [{ error }] = JSON.parse(unknown.content);
		expect(error).toMatch(new RegExp(`${UNKNOWN_ACTIVITY}.*not found`)); // the API's words, as the node's error has them
		expect(r.json.output).toBe(`I could not schedule it: ${error}`);

		// nothing was scheduled: the bad date was refused before any request, the unknown id by the API
		expect(env.sandbox.v3Activity(summerSale.activityId)!.current_status).toBe('DRAFT');
		const writes = env.sandbox.requests.slice(before).filter((q) => q.method !== 'GET');
		expect(writes.map((q) => [q.path, q.status])).toEqual([
			[expect.stringContaining(`/emails/activities/${UNKNOWN_ACTIVITY}/schedules`), 404],
		]);
		expect(await newestExecution(EXAMPLE_ID)).toMatchObject({ status: 'success', mode: 'webhook' });
	});

	test('with the Streaming response mode the answer streams (the model is asked with stream: true)', async () => {
		await editChatTrigger({ public: true, options: { responseMode: 'streaming' } });
		await publish(EXAMPLE_ID);
		fake.script(
			() => ({ toolCalls: [{ name: 'Find_campaigns', arguments: {} }] }),
			(req) => {
				const drafts = lastToolResult(req, 'Find_campaigns').filter((c: any) => c.current_status === 'Draft');
				return { content: `Drafts: ${drafts.map((c: any) => c.name).join(', ')}.` };
			},
		);
		const r = await chat('session-streaming', 'which campaigns are drafts?');
		expect(r.status).toBe(200);
		// n8n streams JSON lines: begin, the items (the text in pieces), end
		const chunks = r.body
			.split('\n')
			.filter((l) => l.trim())
			.map((l) => JSON.parse(l));
		const items = chunks.filter((c) => c.type === 'item').map((c) => c.content);
		expect(items.length).toBeGreaterThan(1);
		expect(chunks.map((c) => c.type)).toEqual(expect.arrayContaining(['begin', 'item', 'end']));
		const answer = items.join('');
		// the drafts the tool found are the sandbox's (Spring sale is scheduled by now)
		const drafts = env.sandbox
			.v3Campaigns()
			.filter((c) => c.current_status === 'Draft')
			.map((c) => c.name);
		expect(drafts.length).toBeLessThan(100); // all of them fit the tool's limit
		expect(answer).toMatch(/^Drafts: .*\.$/);
		expect(answer.slice('Drafts: '.length, -1).split(', ').sort()).toEqual(drafts.sort());
		expect(drafts).toContain('Summer sale');
		expect(drafts).not.toContain('Spring sale');
		expect(fake.chatRequests().map((q) => q.stream)).toEqual([true, true]);
		expect(fake.stepsServed).toBe(2);
	});
});

describe("n8n's MCP Server Trigger with the node's tools, driven by the MCP client SDK", () => {
	let client: Client;

	beforeAll(async () => {
		await publish('ccE2EMcpServer');
		client = new Client({ name: 'n8n-nodes-constant-contact-e2e', version: '1.0.0' });
		await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp/constant-contact`)));
	});

	afterAll(async () => {
		await client?.close();
	});

	test('lists the three tools with their $fromAI parameters', async () => {
		const { tools } = await client.listTools();
		const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
		expect(Object.keys(byName).sort()).toEqual(['Find_campaigns', 'Get_campaign', 'Schedule_campaign']);
		expect(byName.Schedule_campaign.inputSchema.required?.sort()).toEqual(['campaign_activity_id', 'scheduled_date']);
		expect(byName.Get_campaign.inputSchema.required).toEqual(['campaign_id']);
		expect(byName.Find_campaigns.description).toMatch(/find a campaign by its name/);
	});

	test('the legacy SSE transport works on the same URL too', async () => {
		const sse = new Client({ name: 'n8n-nodes-constant-contact-e2e-sse', version: '1.0.0' });
		await sse.connect(new SSEClientTransport(new URL(`${url}/mcp/constant-contact`)));
		try {
			const { tools } = await sse.listTools();
			expect(tools.map((t) => t.name).sort()).toEqual(['Find_campaigns', 'Get_campaign', 'Schedule_campaign']);
			const result = await sse.callTool({ name: 'Get_campaign', arguments: { campaign_id: springSale.campaignId } });
			expect(JSON.parse(textOf(result))[0].name).toBe('Spring sale');
		} finally {
			await sse.close();
		}
	});

	test('find, read and schedule "Summer sale" by tool calls; the date is read in the workflow time zone', async () => {
		const executionsBefore = (await executions('ccE2EMcpServer')).length;
		const found = JSON.parse(textOf(await client.callTool({ name: 'Find_campaigns', arguments: {} })));
		const summer = found.find((c: any) => c.name === 'Summer sale');
		expect(summer.campaign_id).toBe(summerSale.campaignId);
		const [campaign] = JSON.parse(
			textOf(await client.callTool({ name: 'Get_campaign', arguments: { campaign_id: summer.campaign_id } })),
		);
		expect(campaign.primary_campaign_activity_id).toBe(summerSale.activityId);

		const when = nextTuesdayNine(MCP_ZONE);
		const result = await client.callTool({
			name: 'Schedule_campaign',
			arguments: { campaign_activity_id: campaign.primary_campaign_activity_id, scheduled_date: localIso(when) },
		});
		expect(result.isError).toBeFalsy();
		const [scheduled] = JSON.parse(textOf(result));
		expect(DateTime.fromISO(scheduled.scheduled_date).toMillis()).toBe(when.toMillis());
		const activity = env.sandbox.v3Activity(summerSale.activityId)!;
		expect(activity.current_status).toBe('SCHEDULED');
		expect(DateTime.fromISO(activity.scheduled_date!).toMillis()).toBe(when.toMillis());
		expect(when.toUTC().hour).not.toBe(9); // Paris is not UTC: the conversion is what is checked
		// each tool call ran the workflow once
		let fresh: { mode: string; status: string }[] = [];
		for (let i = 0; i < 50; i++) {
			const runs = await executions('ccE2EMcpServer');
			fresh = runs.slice(0, runs.length - executionsBefore);
			if (fresh.length >= 3 && fresh.every(finished)) break;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		expect(fresh.map((e) => [e.mode, e.status])).toEqual(Array(3).fill(['webhook', 'success']));
	});

	test('bad calls answer the node’s error (message and hint) as a tool error, and the server goes on', async () => {
		const before = env.sandbox.requests.length;
		const badDate = await client.callTool({
			name: 'Schedule_campaign',
			arguments: { campaign_activity_id: summerSale.activityId, scheduled_date: 'soon' },
		});
		expect(badDate.isError).toBe(true);
		expect(textOf(badDate)).toContain('"Scheduled Date" is not a date: "soon"');
		expect(textOf(badDate)).toContain('Use an ISO-8601 date such as 2026-05-10T09:00:00');

		const unknown = await client.callTool({
			name: 'Schedule_campaign',
			arguments: { campaign_activity_id: UNKNOWN_ACTIVITY, scheduled_date: localIso(nextTuesdayNine(MCP_ZONE)) },
		});
		expect(unknown.isError).toBe(true);
		expect(textOf(unknown)).toMatch(new RegExp(`${UNKNOWN_ACTIVITY}.*not found`));
		expect(textOf(unknown)).toContain(`No campaign activity with ID "${UNKNOWN_ACTIVITY}" exists`);
		const writes = env.sandbox.requests.slice(before).filter((q) => q.method !== 'GET');
		expect(writes.map((q) => q.status)).toEqual([404]);

		const again = await client.callTool({ name: 'Get_campaign', arguments: { campaign_id: springSale.campaignId } });
		expect(again.isError).toBeFalsy();
		expect(JSON.parse(textOf(again))[0].name).toBe('Spring sale');
	});
});

function textOf(result: any): string {
	const t = (result.content ?? []).map((c: any) => c.text ?? '').join('');
	recordExposure('MCP tool result', [t]);
	return t;
}
