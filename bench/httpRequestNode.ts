/**
 * n8n's own HTTP Request node (n8n-nodes-base from the local n8n runtime in .runtime/), loaded
 * into this process so it runs in the same engine as our node: its `n8n-workflow` / `n8n-core`
 * imports are pointed at the project's copies, which the harness's engine uses. Its other
 * dependencies (lodash, @n8n/utils, ...) come from the runtime as in n8n.
 */
import Module from 'node:module';
import path from 'node:path';
import type { IVersionedNodeType } from 'n8n-workflow';

import { PROJECT_ROOT } from '../test/harness';

interface RuntimeInstaller {
	installRuntime(options?: { quiet?: boolean }): Promise<{ skipped: boolean }>;
}
interface RuntimePaths {
	N8N_INSTALL_DIR: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimePaths = require('../scripts/runtime/paths') as RuntimePaths;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const installer = require('../scripts/runtime/install') as RuntimeInstaller;

export const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';

const RUNTIME_MODULES = path.join(runtimePaths.N8N_INSTALL_DIR, 'node_modules');
const ENGINE_PACKAGE = /^n8n-(workflow|core)(\/|$)/;

interface ModuleInternals {
	_resolveFilename(request: string, parent: Module | undefined, ...rest: unknown[]): string;
	_nodeModulePaths(from: string): string[];
}

let redirecting = false;

/**
 * Resolves `n8n-workflow` / `n8n-core` required from inside the runtime as if the project had
 * required them. Stays installed: n8n-nodes-base requires some modules lazily, at execution.
 */
function redirectEngineImports() {
	if (redirecting) return;
	redirecting = true;
	const modules = Module as unknown as ModuleInternals;
	const original = modules._resolveFilename;
	const fromProject = path.join(PROJECT_ROOT, 'bench', 'httpRequestNode.js');
	modules._resolveFilename = function (this: unknown, request, parent, ...rest) {
		if (parent?.filename?.startsWith(RUNTIME_MODULES) && ENGINE_PACKAGE.test(request)) {
			const asProject = {
				...parent,
				id: fromProject,
				filename: fromProject,
				paths: modules._nodeModulePaths(PROJECT_ROOT),
			};
			return original.call(this, request, asProject as Module, ...rest);
		}
		return original.call(this, request, parent, ...rest);
	};
}

/** Installs the runtime if it is missing (cached), then loads the HTTP Request node. */
export async function loadHttpRequestNode(): Promise<IVersionedNodeType> {
	const { skipped } = await installer.installRuntime();
	if (!skipped) console.log('[bench] n8n runtime installed in .runtime/');
	redirectEngineImports();
	const file = path.join(RUNTIME_MODULES, 'n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequest } = require(file) as { HttpRequest: new () => IVersionedNodeType };
	const node = new HttpRequest();
	assertSameEngine();
	return node;
}

/** The engine's n8n-workflow must be the only one loaded, or the comparison is not in one engine. */
function assertSameEngine() {
	const foreign = Object.keys(require.cache).filter(
		(file) => file.startsWith(RUNTIME_MODULES) && /\/node_modules\/n8n-(workflow|core)\//.test(file),
	);
	if (foreign.length) throw new Error(`The runtime's own engine was loaded: ${foreign[0]}`);
}
