'use strict';
/**
 * The one table of the environment variables that the tests, the scripts and the benchmark read
 * (CommonJS, no dependencies: scripts/*.js require it, TypeScript imports it through
 * env-vars.d.ts). Read them with envVar() / envFlag(): a name missing from this table throws.
 * test/env-vars.test.ts fails when the code mentions a CC_ / E2E_ variable this table lacks or
 * reads process.env.<NAME> directly.
 *
 * `default` is what envVar() returns when the variable is unset or empty; a default the code
 * computes (a path) is described in `meaning` instead. Not listed: npm's own `npm_*` variables,
 * which scripts/runtime/proc.js drops from a child's environment, and the N8N_* settings the
 * scripts give the n8n they start (scripts/runtime/n8n-cli.js): those are written, not read.
 */

/** @type {Readonly<Record<string, { meaning: string, default?: string }>>} */
const ENV_VARS = Object.freeze({
	// The sandbox (test/sandbox/) and the local demo (`npm start`, scripts/runtime/)
	CC_SANDBOX_PORT: {
		meaning: 'port of the sandbox server of `npm start` and `npm run sandbox` (`--port` wins)',
		default: '4010',
	},
	CC_SANDBOX_HOST: { meaning: 'address `npm run sandbox` listens on (`--host` wins)', default: '127.0.0.1' },
	CC_SANDBOX_V2_API_KEY: {
		meaning: "the sandbox's v2 api_key (every Sandbox and the demo's credentials)",
		default: 'sandbox-v2-api-key',
	},
	CC_SANDBOX_V2_ACCESS_TOKEN: { meaning: "the sandbox's v2 bearer token", default: 'sandbox-v2-access-token' },
	CC_SANDBOX_CLIENT_ID: { meaning: "the sandbox's v3 OAuth2 client id", default: 'sandbox-client-id' },
	CC_SANDBOX_CLIENT_SECRET: { meaning: "the sandbox's v3 OAuth2 client secret", default: 'sandbox-client-secret' },
	CC_SANDBOX_COMMAND: {
		meaning:
			'space-separated command that replaces `tsx test/sandbox/cli.ts` when the scripts start the sandbox (a stand-in)',
	},
	CC_N8N_PORT: { meaning: "port of the demo's n8n editor (`npm start`)", default: '5678' },
	CC_RUNTIME_DIR: { meaning: 'where the n8n runtime (Node 24 + n8n) is installed; default .runtime/ in the project' },
	CC_REDIS_SERVER: {
		meaning:
			'the redis-server binary for queue mode (`npm run test:queue`, the queue rows of `npm run bench`, `npm start -- --workers N`); default redis-server on PATH, then /usr/bin/redis-server',
	},
	PATH: { meaning: 'where scripts/runtime/redis.js looks for redis-server when CC_REDIS_SERVER is unset' },

	// The suite record (`npm test`, scripts/test.js; test/suite/record.ts)
	CC_SUITE_RECORD_DIR: {
		meaning: 'folder of the suite record; set by `npm test` for each test step, nothing is recorded without it',
	},
	CC_SUITE_STEP: {
		meaning: 'which step of `npm test` is writing the suite record (engine, timing, e2e, queue)',
		default: 'manual',
	},
	CC_SUITE_EXPECTED_STEPS: {
		meaning: 'comma-separated steps the suite check expects in the record',
		default: 'engine,timing,e2e',
	},
	CC_KEEP_SUITE_RECORD: { meaning: '1: `npm test` keeps the suite record even when its checks passed' },

	// End-to-end tests (test/e2e/)
	E2E_KEEP: {
		meaning: "1: keep each end-to-end test's n8n user folder in .runtime/ (and the browser test's screenshots)",
	},
	E2E_SHOTS_DIR: { meaning: "where the browser test writes its screenshots; default the user folder's shots/" },
	E2E_UPDATE_DOCS: {
		meaning: "1: the browser test writes the README's screenshots into docs/ (otherwise next to its other screenshots)",
	},
	E2E_REPORT: {
		meaning: "path of test/e2e/run.js's jest JSON report (its argument wins); default .runtime/e2e-report.json",
	},
	CHROMIUM_PATH: { meaning: 'the Chromium binary the browser test drives (tried before /usr/bin/chromium)' },

	// Queue-mode tests (test/queue/)
	CC_QUEUE_FIGURES: {
		meaning:
			"where test/queue/queue.test.ts writes its measured figures (JSON) for test/queue/run.js's summary; set by run.js",
	},

	// The in-process engine harness (test/harness/)
	HARNESS_VERBOSE: { meaning: 'any value: also print every log line a run captures to stderr' },
	N8N_HARNESS_USER_FOLDER: {
		meaning: "the harness's own temporary n8n user folder (set by it, so a re-import keeps the same folder)",
	},

	// n8n's own settings that the harness and the scripts read or give a default
	N8N_USER_FOLDER: { meaning: "n8n's data folder; the harness always points it at a fresh temporary folder" },
	N8N_ENCRYPTION_KEY: {
		meaning: "n8n's credential encryption key; the harness's default",
		default: 'n8n-harness-test-encryption-key',
	},
	N8N_DIAGNOSTICS_ENABLED: { meaning: "n8n's telemetry; off in the harness", default: 'false' },
	N8N_VERSION_NOTIFICATIONS_ENABLED: { meaning: "n8n's version check; off in the harness", default: 'false' },
	N8N_TEMPLATES_ENABLED: { meaning: "n8n's workflow templates; off in the harness", default: 'false' },
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: {
		meaning: "n8n's check of the settings file's mode; off in the harness",
		default: 'false',
	},
	N8N_LOG_LEVEL: {
		meaning: "n8n's log level: the harness defaults it to debug (logs are captured), the n8n the scripts start to info",
	},
	GENERIC_TIMEZONE: {
		meaning: 'time zone of the n8n the scripts start, when the caller gives none (then TZ, then UTC)',
	},
	TZ: { meaning: 'the process time zone, second fallback for GENERIC_TIMEZONE' },
	NODE_ENV: {
		meaning:
			'jest sets it to test; removed from the environment of the n8n the scripts start (n8n would run no command)',
	},
	NODE_OPTIONS: {
		meaning: "emptied for the benchmark's package-load child process, so that no preloaded module is measured",
	},
});

function entry(name) {
	if (!Object.prototype.hasOwnProperty.call(ENV_VARS, name)) {
		throw new Error(`${name} is not in the table of environment variables (scripts/env-vars.js): add it there`);
	}
	return ENV_VARS[name];
}

/** The variable's value; unset or empty: its default (undefined when it has none). */
function envVar(name) {
	const { default: fallback } = entry(name);
	const value = process.env[name];
	return value === undefined || value === '' ? fallback : value;
}

/** Whether the variable is set to "1". */
function envFlag(name) {
	entry(name);
	return process.env[name] === '1';
}

module.exports = { ENV_VARS, envVar, envFlag };
