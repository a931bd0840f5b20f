'use strict';
// Fixed, documented settings of the local demo (`npm start`). Nothing here is a real secret.
const path = require('path');
const P = require('./paths');
const { envVar } = require('../env-vars');

const SANDBOX_PORT = Number(envVar('CC_SANDBOX_PORT'));
const N8N_PORT = Number(envVar('CC_N8N_PORT'));
const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;

module.exports = {
	N8N_PORT,
	SANDBOX_PORT,
	SANDBOX_URL,
	SANDBOX: {
		url: SANDBOX_URL,
		v2BaseUrl: `${SANDBOX_URL}/v2`,
		v3BaseUrl: `${SANDBOX_URL}/v3`,
		oauthBaseUrl: `${SANDBOX_URL}/oauth2/default/v1`,
		// What the sandbox uses too (test/sandbox/index.ts): the table's defaults, or the CC_SANDBOX_* env vars
		secrets: {
			v2ApiKey: envVar('CC_SANDBOX_V2_API_KEY'),
			v2AccessToken: envVar('CC_SANDBOX_V2_ACCESS_TOKEN'),
			clientId: envVar('CC_SANDBOX_CLIENT_ID'),
			clientSecret: envVar('CC_SANDBOX_CLIENT_SECRET'),
		},
	},
	OWNER: {
		email: 'demo@example.com',
		password: 'Demo-n8n-2025',
		firstName: 'Demo',
		lastName: 'User',
	},
	ENCRYPTION_KEY: 'cc-local-demo-encryption-key-0001',
	USER_FOLDER: P.USER_FOLDER,
	EXAMPLES_DIR: path.join(P.PROJECT_DIR, 'examples'),
	CREDENTIALS: {
		v3: { id: 'ccOAuth2Demo', name: 'Constant Contact v3 (sandbox)', type: 'constantContactOAuth2Api' },
		v2: { id: 'ccApiKeyDemo', name: 'Constant Contact v2 (sandbox)', type: 'constantContactApi' },
		// The example "AI assistant for campaigns" needs one: a placeholder with no working key (see start.js).
		openAi: { id: 'ccOpenAiDemo', name: 'OpenAI (placeholder: put your API key here)', type: 'openAiApi' },
	},
	V3_SCOPE: 'account_read campaign_data contact_data offline_access',
};
