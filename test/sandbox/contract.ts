/**
 * v3 contract enforcement: the Swagger 2.0 subset in ./data/v3-contract.json is converted to
 * OpenAPI 3 with swagger2openapi at start, then every v3 request is validated with
 * openapi-backend (validateRequest). The sandbox also checks its own v3 responses.
 *
 * Both libraries run in a worker thread with Node's own module loader: under jest,
 * openapi-backend's ESM dependency (@apidevtools/json-schema-ref-parser) cannot be loaded
 * through jest's CommonJS runtime, while plain Node >= 20.19 loads it natively. The worker
 * code is plain JavaScript (below) so it needs no TypeScript loader.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { DATA_DIR } from './state';

/** Query parameters the real API uses in its `_links.next.href` but the contract does not list. */
export const UNDECLARED_PAGING_PARAMS = ['cursor'];

export interface ContractCheck {
	/** null when the request is valid */
	errors: { key: string; message: string }[] | null;
	operationId?: string;
	/** The matched operation's path as the contract writes it, e.g. /emails/{campaign_id}. */
	pathTemplate?: string;
	/** false when no operation of the contract matches method + path */
	matched: boolean;
}

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('worker_threads');
const { createRequire } = require('module');
const fs = require('fs');
const req = createRequire(workerData.base);
const { OpenAPIBackend } = req('openapi-backend');
const s2o = req('swagger2openapi');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function describe(e) {
	const where = String(e.instancePath || '').replace(/^\//, '').replace(/^requestBody\/?/, 'body.').replace(/\//g, '.').replace(/\.$/, '');
	let key = 'json.field.invalid';
	let message = (where || 'request') + ': ' + e.message;
	switch (e.keyword) {
		case 'required':
			key = 'json.field.required';
			message = ((where ? where + '.' : '') + (e.params && e.params.missingProperty) + ': is required.').replace(/^body\.\./, 'body.');
			break;
		case 'maxLength': case 'maxItems': case 'maximum':
			key = 'json.max.length.violation'; break;
		case 'minLength': case 'minItems': case 'minimum':
			key = 'json.min.length.violation'; break;
		case 'enum':
			key = 'json.field.enum.invalid';
			message += ' (' + ((e.params && e.params.allowedValues) || []).join(', ') + ')';
			break;
		case 'additionalProperties':
			key = where.startsWith('query') ? 'query.param.invalid' : 'json.field.invalid';
			message = where + ": unknown property '" + (e.params && e.params.additionalProperty) + "'";
			break;
		case 'format': case 'pattern':
			key = 'json.regex.mismatch'; break;
	}
	if (where.startsWith('path')) key = 'path.param.invalid';
	return { key, message };
}

let api;
async function init() {
	const swagger = JSON.parse(fs.readFileSync(workerData.contractFile, 'utf8'));
	const { openapi } = await s2o.convertObj(swagger, { patch: true, warnOnly: true, resolve: false });
	openapi.servers = [{ url: '/' }];
	// The contract marks comma-separated list parameters as type string + format "csv" with an
	// enum of the allowed ITEMS (e.g. include=html_content,permalink_url). Express that as a
	// pattern over the items so a valid list is not rejected as a whole string.
	const esc = (v) => String(v).replace(/[.*+?^$()|[\]\{}]/g, '\$&');
	for (const ops of Object.values(openapi.paths)) {
		for (const op of Object.values(ops)) {
			for (const prm of (op && op.parameters) || []) {
				const sc = prm.schema;
				if (sc && sc.format === 'csv' && Array.isArray(sc.enum)) {
					const alt = '(' + sc.enum.map(esc).join('|') + ')';
					sc.pattern = '^' + alt + '(,' + alt + ')*$';
					delete sc.enum;
				}
			}
		}
	}
	api = new OpenAPIBackend({
		definition: openapi, strict: false, quick: false, validate: true, coerceTypes: true,
		ajvOpts: { strict: false, allErrors: true, logger: false },
		customizeAjv: (ajv) => {
			ajv.addFormat('uuid', UUID);
			ajv.addFormat('date-time', DATE_TIME);
			ajv.addFormat('date', DATE);
			ajv.addFormat('csv', /.*/);
			ajv.addFormat('int32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 });
			ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) });
			ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
			ajv.addFormat('uri', /^\S+$/);
			return ajv;
		},
	});
	await api.init();
}

function validateRequest(m) {
	const r = { method: m.method, path: m.path, query: m.query, body: m.body, headers: m.headers };
	const op = api.matchOperation(r);
	if (!op) return { errors: null, matched: false };
	const res = api.validateRequest(r, op);
	return { errors: res.valid ? null : (res.errors || []).map(describe), operationId: op.operationId, pathTemplate: op.path, matched: true };
}

function validateResponse(m) {
	const op = api.matchOperation({ method: m.method, path: m.path, headers: {}, query: {} });
	if (!op) return [];
	const r = (op.responses || {})[String(m.status)];
	if (!r || !r.content) return [];
	const res = api.validateResponse(m.body, op, m.status);
	return res.valid ? [] : (res.errors || []).map((e) => describe(e).message);
}

init().then(
	() => parentPort.postMessage({ ready: true }),
	(e) => parentPort.postMessage({ ready: false, error: String(e && e.stack || e) }),
);
parentPort.on('message', (m) => {
	try {
		const result = m.type === 'request' ? validateRequest(m) : validateResponse(m);
		parentPort.postMessage({ id: m.id, result });
	} catch (e) {
		parentPort.postMessage({ id: m.id, error: String(e && e.stack || e) });
	}
});
`;

export class Contract {
	private seq = 0;
	private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();

	private constructor(private readonly worker: Worker) {
		worker.on('message', (m: { id?: number; result?: unknown; error?: string }) => {
			if (m.id === undefined) return;
			const p = this.pending.get(m.id);
			if (!p) return;
			this.pending.delete(m.id);
			if (m.error) p.reject(new Error(m.error));
			else p.resolve(m.result);
		});
		worker.on('error', (e) => {
			for (const p of this.pending.values()) p.reject(e);
			this.pending.clear();
		});
	}

	static async load(): Promise<Contract> {
		const worker = new Worker(WORKER_SOURCE, {
			eval: true,
			workerData: { base: path.join(__dirname, 'contract.ts'), contractFile: path.join(DATA_DIR, 'v3-contract.json') },
		});
		await new Promise<void>((resolve, reject) => {
			worker.once('message', (m: { ready: boolean; error?: string }) =>
				m.ready ? resolve() : reject(new Error(`v3 contract failed to load: ${m.error}`)),
			);
			worker.once('error', reject);
		});
		worker.unref();
		return new Contract(worker);
	}

	private call<T>(msg: Record<string, unknown>): Promise<T> {
		const id = ++this.seq;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.worker.postMessage({ ...msg, id });
		});
	}

	async validateRequest(
		method: string,
		relPath: string,
		query: Record<string, string>,
		body: unknown,
		headers: Record<string, string>,
	): Promise<ContractCheck> {
		const q = { ...query };
		for (const p of UNDECLARED_PAGING_PARAMS) delete q[p];
		let b = body;
		// The contract types scheduled_date as date-time, while its own prose (and seed 002) make
		// "0" the documented "send now" value.
		if (b && typeof b === 'object' && (b as any).scheduled_date === '0')
			b = { ...(b as any), scheduled_date: '1970-01-01T00:00:00.000Z' };
		return this.call<ContractCheck>({
			type: 'request',
			method,
			path: relPath,
			query: q,
			body: b,
			headers: { 'content-type': 'application/json', ...headers },
		});
	}

	/** Errors when `body` does not match the documented response for `status` ([] when fine). */
	validateResponse(method: string, relPath: string, status: number, body: unknown): Promise<string[]> {
		return this.call<string[]>({ type: 'response', method, path: relPath, status, body });
	}

	async close(): Promise<void> {
		await this.worker.terminate();
	}
}
