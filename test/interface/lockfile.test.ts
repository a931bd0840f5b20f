/**
 * `npm ci` installs exactly package-lock.json and refuses a lock that does not match
 * package.json: this catches the drift before CI does (after a dependency change, run
 * `npm install` and commit both files).
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const pkg = read('package.json');
const lock = read('package-lock.json');
const KINDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

test('the lock was written for this package.json', () => {
	const root = lock.packages[''];
	expect({ name: lock.name, version: lock.version }).toEqual({ name: pkg.name, version: pkg.version });
	for (const kind of KINDS) expect({ kind, ranges: root[kind] ?? {} }).toEqual({ kind, ranges: pkg[kind] ?? {} });
});

test('every direct dependency is locked at a version its range accepts', () => {
	const wrong: string[] = [];
	for (const kind of ['dependencies', 'devDependencies'] as const) {
		for (const [name, range] of Object.entries<string>(pkg[kind] ?? {})) {
			const locked = lock.packages[`node_modules/${name}`];
			const wanted = range.startsWith('npm:') ? range.slice(range.lastIndexOf('@') + 1) : range;
			if (!locked || !semver.satisfies(locked.version, wanted))
				wrong.push(`${name}: ${range} locked at ${locked?.version}`);
		}
	}
	expect(wrong).toEqual([]);
});

test('no runtime dependencies (n8n provides n8n-workflow and luxon)', () => {
	expect(pkg.dependencies ?? {}).toEqual({});
});
