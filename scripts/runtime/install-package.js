#!/usr/bin/env node
'use strict';
/**
 * Installs this project's built package into <user folder>/.n8n/nodes the way n8n 2.41 installs a
 * community package from Settings -> Community Nodes, so node types are named
 * `n8n-nodes-constant-contact.constantContact`:
 *   1. `npm pack` the project (package.json "files": ["dist"]);
 *   2. extract it into <nodes>/node_modules/<name> (n8n: `npm pack` + `tar -xzf --strip-components=1`);
 *   3. drop devDependencies, peerDependencies and optionalDependencies from the extracted
 *      package.json, then `npm install --install-strategy=shallow --ignore-scripts ...` inside the
 *      package folder (only when it has runtime dependencies): like n8n, the n8n-workflow peer is
 *      never installed, so the package uses the n8n-workflow of the running n8n;
 *   4. record the version in <nodes>/package.json "dependencies" (as n8n does).
 * Skips everything when a hash of dist/ + package.json matches the last install.
 *
 * It also links <user folder>/node_modules -> <runtime>/n8n/node_modules: because the demo user
 * folder lives inside the project, Node's module lookup from the package would otherwise walk up
 * into the project's own node_modules (dev copies of n8n-workflow and luxon) before reaching n8n's
 * (n8n appends its own module paths to NODE_PATH, which only applies after that walk). The link
 * makes `require('n8n-workflow')` / `require('luxon')` resolve to the very files n8n itself uses,
 * as for a user whose ~/.n8n is outside any node_modules tree.
 *
 * CLI:    node scripts/runtime/install-package.js [--user-folder=DIR] [--force]
 * Module: await require('./install-package').installPackage({ userFolder, force })
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const P = require('./paths');
const { cleanEnv, prependPath, run, seconds, log } = require('./proc');

const say = (msg) => log('package', msg);
const STATE_FILE = '.cc-installed.json';

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/** sha256 over package.json (fields that matter) and every file under dist/ except build info. */
function hashPackage(projectDir = P.PROJECT_DIR) {
	const pkg = readJson(path.join(projectDir, 'package.json'));
	const h = crypto.createHash('sha256');
	const { name, version, main, files, n8n, dependencies, peerDependencies } = pkg;
	h.update(JSON.stringify({ name, version, main, files, n8n, dependencies, peerDependencies }));
	const dist = path.join(projectDir, 'dist');
	if (!fs.existsSync(dist)) throw new Error(`${dist} does not exist: run \`npm run build\` first`);
	const walk = (dir) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
			const p = path.join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.isFile() && !e.name.endsWith('.tsbuildinfo')) {
				h.update(path.relative(dist, p) + '\0');
				h.update(fs.readFileSync(p));
				h.update('\0');
			}
		}
	};
	walk(dist);
	return h.digest('hex');
}

function nodesDir(userFolder) {
	return path.join(path.resolve(userFolder || P.USER_FOLDER), '.n8n', 'nodes');
}

/** Links <userFolder>/node_modules to n8n's node_modules (see the header comment). */
function linkN8nModules(userFolder) {
	const link = path.join(path.resolve(userFolder || P.USER_FOLDER), 'node_modules');
	const target = path.join(P.N8N_INSTALL_DIR, 'node_modules');
	let current;
	try {
		current = fs.readlinkSync(link);
	} catch {}
	if (current && path.resolve(path.dirname(link), current) === target) return;
	fs.rmSync(link, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(link), { recursive: true });
	fs.symlinkSync(path.relative(path.dirname(link), target), link, 'dir');
}

function isInsideProject(dir) {
	const rel = path.relative(P.PROJECT_DIR, path.resolve(dir));
	return !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Installs the package unless unchanged. Options: userFolder (default .runtime/user), force,
 * projectDir (default this project). Resolves { skipped, name, version, packageDir, hash, seconds }.
 */
async function installPackage(options = {}) {
	const t = Date.now();
	const projectDir = options.projectDir || P.PROJECT_DIR;
	const userFolder = path.resolve(options.userFolder || P.USER_FOLDER);
	const pkg = readJson(path.join(projectDir, 'package.json'));
	const name = pkg.name;
	if (!/^(@[^/]+\/)?n8n-nodes-/.test(name)) throw new Error(`n8n only loads packages named n8n-nodes-* (got ${name})`);
	const dir = nodesDir(userFolder);
	const packageDir = path.join(dir, 'node_modules', name);
	if (isInsideProject(userFolder)) linkN8nModules(userFolder);

	const hash = hashPackage(projectDir);
	const state = readJson(path.join(dir, STATE_FILE));
	if (!options.force && state && state.hash === hash && fs.existsSync(path.join(packageDir, 'package.json'))) {
		return { skipped: true, name, version: pkg.version, packageDir, hash, seconds: (Date.now() - t) / 1000 };
	}

	say(
		`Installing ${name}@${pkg.version} (packed from ${path.relative(process.cwd(), projectDir) || '.'}) into ${packageDir} ...`,
	);
	fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
	// nodes/package.json as n8n creates it
	const nodesPkgFile = path.join(dir, 'package.json');
	const nodesPkg = readJson(nodesPkgFile) || { name: 'installed-nodes', private: true, dependencies: {} };
	nodesPkg.dependencies = nodesPkg.dependencies || {};

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-pack-'));
	try {
		const env = cleanEnv();
		const packed = await run('npm', ['pack', '--json', '--ignore-scripts', `--pack-destination=${tmp}`], {
			cwd: projectDir,
			env,
			quiet: true,
		});
		const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
		const tarball = path.join(tmp, info[0].filename);
		const files = info[0].files.map((f) => f.path);
		const nodeFiles = (pkg.n8n && pkg.n8n.nodes) || [];
		const missing = [...nodeFiles, ...((pkg.n8n && pkg.n8n.credentials) || [])].filter((f) => !files.includes(f));
		if (missing.length)
			say(`warning: files listed in package.json "n8n" are not in the package: ${missing.join(', ')}`);

		fs.rmSync(packageDir, { recursive: true, force: true });
		fs.mkdirSync(packageDir, { recursive: true });
		await run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], { quiet: true });

		const extractedPkgFile = path.join(packageDir, 'package.json');
		const { devDependencies, peerDependencies, optionalDependencies, ...installed } = readJson(extractedPkgFile);
		fs.writeFileSync(extractedPkgFile, JSON.stringify(installed, null, 2));
		if (installed.dependencies && Object.keys(installed.dependencies).length) {
			await run(
				'npm',
				[
					'install',
					'--audit=false',
					'--fund=false',
					'--bin-links=false',
					'--install-strategy=shallow',
					'--ignore-scripts=true',
					'--package-lock=false',
				],
				{ cwd: packageDir, env: prependPath(cleanEnv(), P.NODE_BIN_DIR), quiet: true },
			);
		}
		nodesPkg.dependencies[name] = installed.version;
		fs.writeFileSync(nodesPkgFile, JSON.stringify(nodesPkg, null, 2));
		// A leftover n8n-workflow next to the package (older installs, manual npm install) would be a
		// second copy: the package must use n8n's own.
		for (const dup of ['n8n-workflow', 'n8n-core']) {
			const p = path.join(dir, 'node_modules', dup);
			if (fs.existsSync(p)) {
				say(`removing ${p}: community packages must use n8n's own ${dup}`);
				fs.rmSync(p, { recursive: true, force: true });
			}
		}
		fs.writeFileSync(
			path.join(dir, STATE_FILE),
			JSON.stringify({ name, version: installed.version, hash, installedAt: new Date().toISOString() }, null, 2) + '\n',
		);
		say(`${name}@${installed.version} installed in ${seconds(t)} (${files.length} files; restart n8n to load changes)`);
		return {
			skipped: false,
			name,
			version: installed.version,
			packageDir,
			hash,
			files,
			seconds: (Date.now() - t) / 1000,
		};
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

module.exports = { installPackage, hashPackage, nodesDir, linkN8nModules };

if (require.main === module) {
	const arg = (n) =>
		(process.argv.find((a) => a.startsWith(`--${n}=`)) || '').split('=').slice(1).join('=') || undefined;
	installPackage({ userFolder: arg('user-folder'), force: process.argv.includes('--force') }).then(
		(r) =>
			r.skipped &&
			say(
				`${r.name}@${r.version} unchanged since last install (dist hash ${r.hash.slice(0, 12)}); --force to reinstall`,
			),
		(err) => {
			process.stderr.write(`[package] ${err.message}\n`);
			process.exit(1);
		},
	);
}
