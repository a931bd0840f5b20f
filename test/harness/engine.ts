/**
 * Loads n8n's engine. `n8n-core` / `n8n-workflow` are plain imports: under the `engine-1.x` jest
 * project, moduleNameMapper points them (for the harness, the engine AND the node under test) at
 * the `n8n-core-v1` / `n8n-workflow-v1` aliases, as in a real 1.x n8n.
 */
import './n8n-process-env';

import path from 'node:path';
import * as core from 'n8n-core';
import * as workflow from 'n8n-workflow';

import { createCapturingLogger } from './logs';

export { core, workflow };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const workflowPkg = require('n8n-workflow/package.json') as { version: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const corePkg = require('n8n-core/package.json') as { version: string };

export const versions = { core: corePkg.version, workflow: workflowPkg.version };

export function engineLine(): '2.x' | '1.x' {
	return versions.core.startsWith('1.') ? '1.x' : '2.x';
}

if (versions.core.split('.')[0] !== versions.workflow.split('.')[0]) {
	throw new Error(`Mismatched engine: n8n-core ${versions.core} with n8n-workflow ${versions.workflow}`);
}

/**
 * A module as n8n-core itself resolves it (n8n-core carries its own nested @n8n/di and
 * @n8n/backend-common; the harness must talk to the same instances).
 */
function requireFromCore<T>(id: string): T {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve(id, { paths: [coreDir] })) as T;
}

interface DiContainer {
	set(token: unknown, instance: unknown): void;
	get<T>(token: unknown): T;
}

let loggerInstalled = false;

/** Routes n8n's DI Logger (a node's `this.logger`) and LoggerProxy into the harness capture. */
export function installLoggers() {
	if (loggerInstalled) return;
	const { Container } = requireFromCore<{ Container: DiContainer }>('@n8n/di');
	const { Logger } = requireFromCore<{ Logger: unknown }>('@n8n/backend-common');
	const logger = createCapturingLogger();
	Container.set(Logger, logger);
	workflow.LoggerProxy.init(logger as never);
	unrefSshCleanupTimer(Container);
	loggerInstalled = true;
}

/**
 * n8n-core's SSHClientsManager is a DI singleton that every node execution context creates (for
 * `getSSHClient`). Its constructor starts a 60 s `setInterval` (stale SSH clients), cleared only on
 * process exit. n8n-core 2.x `unref()`s that timer; 1.x (1.122) does not, so under jest the
 * engine-1.x worker could never exit once a node had run (jest needed `forceExit`). The harness
 * creates the singleton before any execution (its Logger is set just above) and unrefs the timer
 * as 2.x does: it still runs while the process is alive, it just does not keep it alive.
 */
function unrefSshCleanupTimer(Container: DiContainer) {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { SSHClientsManager } = require(path.join(coreDir, 'dist/execution-engine/ssh-clients-manager.js')) as {
		SSHClientsManager: unknown;
	};
	const manager = Container.get<{ cleanupTimer?: NodeJS.Timeout }>(SSHClientsManager);
	if (!manager.cleanupTimer)
		throw new Error(
			`n8n-core ${versions.core}: SSHClientsManager has no cleanupTimer any more; check what keeps jest from exiting`,
		);
	manager.cleanupTimer.unref();
}
