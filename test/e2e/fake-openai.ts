/**
 * A scripted stand-in for an OpenAI-compatible chat model (node:http only), for the e2e tests of
 * the node as an AI Agent tool. n8n's OpenAI Chat Model node (lmChatOpenAi, "Use Responses API"
 * off) talks to it as to api.openai.com when the OpenAI credential's Base URL is `fake.baseUrl`:
 *
 * - GET  /v1/models: the model list (credential test, the node's model picker);
 * - POST /v1/chat/completions: the next reply of the script, as a completion or, with
 *   `stream: true`, as server-sent chunks (role, content, tool-call deltas, finish reason, usage).
 *
 * A reply is computed by the test's script from the request (the conversation so far, the tools
 * offered), so a scripted tool call can use what an earlier tool returned, as a model would.
 * Every request is recorded; a request with a wrong API key is refused (401), one the script
 * has no reply for gets a 500 and is recorded in `unexpected`.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export const FAKE_MODEL = 'gpt-fake-tools';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool' | 'developer';
	content?: string | { type: string; text?: string }[] | null;
	tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
	tool_call_id?: string;
}

export interface ToolDefinition {
	type: 'function';
	function: { name: string; description?: string; parameters?: any };
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ToolDefinition[];
	stream?: boolean;
	[key: string]: unknown;
}

export interface ToolCall {
	name: string;
	arguments: Record<string, unknown>;
}

/** What the model answers: text, or tool calls (possibly several at once). */
export type Reply = { content: string } | { toolCalls: ToolCall[] };

/** One step of a script: the reply to the n-th chat request since the script was set. */
export type Step = (request: ChatRequest) => Reply;

export interface RecordedRequest {
	method: string;
	path: string;
	authorization?: string;
	body?: any;
	status: number;
}

/** Text of a message's content (a string or content parts). */
export function text(message: ChatMessage | undefined): string {
	const c = message?.content;
	if (typeof c === 'string') return c;
	if (Array.isArray(c)) return c.map((p) => p.text ?? '').join('');
	return '';
}

/** The tool results the agent sent back since the last user message: `[{ name, content }]`, in order. */
export function toolResults(request: ChatRequest): { name: string; content: string; callId: string }[] {
	const lastUser = request.messages.map((m) => m.role).lastIndexOf('user');
	const names = new Map<string, string>();
	for (const m of request.messages) for (const c of m.tool_calls ?? []) names.set(c.id, c.function.name);
	return request.messages
		.slice(lastUser + 1)
		.filter((m) => m.role === 'tool')
		.map((m) => ({ name: names.get(m.tool_call_id ?? '') ?? '?', content: text(m), callId: m.tool_call_id ?? '' }));
}

/** The content of the last result of tool `name` since the last user message, parsed as JSON. */
export function lastToolResult(request: ChatRequest, name: string): any {
	const results = toolResults(request).filter((r) => r.name === name);
	if (!results.length) throw new Error(`no result of tool ${name} in the request`);
	return JSON.parse(results[results.length - 1].content);
}

export class FakeOpenAi {
	readonly requests: RecordedRequest[] = [];
	/** Chat requests no step was left for (should stay empty). */
	readonly unexpected: ChatRequest[] = [];
	private steps: Step[] = [];
	private served = 0;
	private callCount = 0;

	private constructor(
		private readonly server: http.Server,
		readonly apiKey: string,
	) {}

	static async start({ apiKey = 'sk-fake-e2e-key' } = {}): Promise<FakeOpenAi> {
		const server = http.createServer((req, res) => fake.handle(req, res));
		const fake = new FakeOpenAi(server, apiKey);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return fake;
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
	}

	/** Replaces the script: `steps[n]` answers the n-th chat request from now on. */
	script(...steps: Step[]): void {
		this.steps = steps;
		this.served = 0;
	}

	/** How many steps of the current script have answered. */
	get stepsServed(): number {
		return this.served;
	}

	/** Hands out the requests recorded so far and forgets them. */
	takeRequests(): RecordedRequest[] {
		return this.requests.splice(0);
	}

	/** The chat completion requests received (bodies), oldest first. */
	chatRequests(): ChatRequest[] {
		return this.requests.filter((r) => r.path === '/v1/chat/completions' && r.body).map((r) => r.body as ChatRequest);
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (d) => (raw += d));
		req.on('end', () => {
			const path = (req.url ?? '/').split('?')[0];
			let body: any;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				body = raw;
			}
			const record: RecordedRequest = {
				method: req.method ?? 'GET',
				path,
				authorization: req.headers.authorization,
				body,
				status: 0,
			};
			this.requests.push(record);
			const send = (status: number, payload: unknown) => {
				record.status = status;
				res.writeHead(status, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify(payload));
			};
			if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
				return send(401, openAiError('Incorrect API key provided.', 'invalid_api_key', 'invalid_request_error'));
			}
			if (req.method === 'GET' && path === '/v1/models') {
				return send(200, {
					object: 'list',
					data: [{ id: FAKE_MODEL, object: 'model', created: 1_700_000_000, owned_by: 'e2e' }],
				});
			}
			if (req.method === 'POST' && path === '/v1/chat/completions') {
				if (!body || !Array.isArray(body.messages)) {
					return send(400, openAiError("'messages' is required", null, 'invalid_request_error'));
				}
				const step = this.steps[this.served];
				if (!step) {
					this.unexpected.push(body);
					return send(500, openAiError('the test script has no reply for this request', null, 'server_error'));
				}
				this.served++;
				let reply: Reply;
				try {
					reply = step(body);
				} catch (e) {
					this.unexpected.push(body);
					return send(500, openAiError(`the test script failed: ${(e as Error).message}`, null, 'server_error'));
				}
				const offered = new Set((body.tools ?? []).map((t: ToolDefinition) => t.function.name));
				if ('toolCalls' in reply) {
					const unknown = reply.toolCalls.filter((c) => !offered.has(c.name)).map((c) => c.name);
					if (unknown.length) {
						this.unexpected.push(body);
						return send(
							500,
							openAiError(`the script calls tools not offered: ${unknown.join(', ')}`, null, 'server_error'),
						);
					}
				}
				record.status = 200;
				if (body.stream) this.stream(res, body, reply);
				else send(200, this.completion(body, reply));
				return;
			}
			send(404, openAiError(`Unknown request URL: ${req.method} ${path}`, 'unknown_url', 'invalid_request_error'));
		});
	}

	private toolCallsOf(reply: Reply) {
		if (!('toolCalls' in reply)) return undefined;
		return reply.toolCalls.map((c) => ({
			id: `call_${++this.callCount}`,
			type: 'function' as const,
			function: { name: c.name, arguments: JSON.stringify(c.arguments) },
		}));
	}

	private completion(body: ChatRequest, reply: Reply) {
		const toolCalls = this.toolCallsOf(reply);
		return {
			id: `chatcmpl-${this.requests.length}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: body.model,
			choices: [
				{
					index: 0,
					message: {
						role: 'assistant',
						content: toolCalls ? null : (reply as { content: string }).content,
						...(toolCalls ? { tool_calls: toolCalls } : {}),
						refusal: null,
					},
					logprobs: null,
					finish_reason: toolCalls ? 'tool_calls' : 'stop',
				},
			],
			usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
		};
	}

	private stream(res: http.ServerResponse, body: ChatRequest, reply: Reply) {
		const toolCalls = this.toolCallsOf(reply);
		const id = `chatcmpl-${this.requests.length}`;
		const created = Math.floor(Date.now() / 1000);
		const chunk = (delta: object, finish: string | null = null, extra: object = {}) =>
			`data: ${JSON.stringify({
				id,
				object: 'chat.completion.chunk',
				created,
				model: body.model,
				choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
				...extra,
			})}\n\n`;
		res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
		res.write(chunk({ role: 'assistant', content: toolCalls ? null : '' }));
		if (toolCalls) {
			toolCalls.forEach((c, index) => {
				res.write(
					chunk({
						tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.function.name, arguments: '' } }],
					}),
				);
				// the arguments in two pieces, as real streams split them
				const args = c.function.arguments;
				const half = Math.ceil(args.length / 2);
				for (const piece of [args.slice(0, half), args.slice(half)]) {
					res.write(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
				}
			});
		} else {
			for (const word of (reply as { content: string }).content.split(/(?<= )/)) res.write(chunk({ content: word }));
		}
		res.write(chunk({}, toolCalls ? 'tool_calls' : 'stop'));
		const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
		if (streamOptions?.include_usage) {
			res.write(
				`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`,
			);
		}
		res.end('data: [DONE]\n\n');
	}
}

function openAiError(message: string, code: string | null, type: string) {
	return { error: { message, type, param: null, code } };
}
