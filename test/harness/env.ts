/**
 * Process environment for the in-process n8n engine. Imported first by the harness so it runs
 * before n8n-core is loaded: n8n-core writes `<N8N_USER_FOLDER>/.n8n/config` (instance settings,
 * encryption key) the first time a node execution context is created, and would otherwise write
 * into the home folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MARK = 'N8N_HARNESS_USER_FOLDER';

if (!process.env[MARK] || process.env.N8N_USER_FOLDER !== process.env[MARK]) {
	// Always a fresh temp folder: never the developer's real n8n user folder.
	const dir = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
	process.env.N8N_USER_FOLDER = dir;
	process.env[MARK] = dir;
	process.on('exit', () => {
		try {
			rmSync(dir, { recursive: true, force: true });
		} catch {
			// best effort
		}
	});
}

const defaults: Record<string, string> = {
	N8N_ENCRYPTION_KEY: 'n8n-harness-test-encryption-key',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
	N8N_LOG_LEVEL: 'debug',
};
for (const [key, value] of Object.entries(defaults)) {
	if (process.env[key] === undefined) process.env[key] = value;
}

export const harnessUserFolder = process.env.N8N_USER_FOLDER as string;
