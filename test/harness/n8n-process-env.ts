/**
 * Process environment for the in-process n8n engine. Imported first by the harness so it runs
 * before n8n-core is loaded: n8n-core writes `<N8N_USER_FOLDER>/.n8n/config` (instance settings,
 * encryption key) the first time a node execution context is created, and would otherwise write
 * into the home folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { envVar } from '../../scripts/env-vars';

const MARK = 'N8N_HARNESS_USER_FOLDER';

if (!envVar(MARK) || envVar('N8N_USER_FOLDER') !== envVar(MARK)) {
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

// n8n's settings: the value set, else the harness's default (scripts/env-vars.js).
for (const key of [
	'N8N_ENCRYPTION_KEY',
	'N8N_DIAGNOSTICS_ENABLED',
	'N8N_VERSION_NOTIFICATIONS_ENABLED',
	'N8N_TEMPLATES_ENABLED',
	'N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS',
]) {
	process.env[key] = envVar(key);
}
// Debug: the harness captures every log line (the n8n the scripts start logs at info).
process.env.N8N_LOG_LEVEL = envVar('N8N_LOG_LEVEL') ?? 'debug';

export const harnessUserFolder = envVar('N8N_USER_FOLDER') as string;
