/**
 * The names a saved workflow or credential depends on, read from the BUILT package (dist/): node
 * and credential type names, every parameter name where it is shown (its displayOptions), its
 * type and default, and every option value, collection option and fixedCollection field inside.
 * Display names, descriptions and hints are left out: they may change.
 *
 * `npx tsx test/interface/saved-names.ts --write` stores the current set in saved-names.json.
 * Only when a change deliberately adds names: the test lets later work add, never remove.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

const ROOT = path.resolve(__dirname, '../..');
export const STORED = path.join(__dirname, 'saved-names.json');

type Shown = NonNullable<INodeProperties['displayOptions']>;

function where(displayOptions: Shown | undefined): string {
	const parts: string[] = [];
	for (const kind of ['show', 'hide'] as const) {
		const conditions = displayOptions?.[kind] ?? {};
		for (const key of Object.keys(conditions).sort()) {
			parts.push(`${kind}:${key}=${JSON.stringify(conditions[key])}`);
		}
	}
	return parts.length ? ` [${parts.join(' ')}]` : '';
}

function propertyNames(prefix: string, properties: INodeProperties[], out: string[]): void {
	for (const p of properties) {
		const id = `${prefix}${p.name}${where(p.displayOptions)}`;
		out.push(`${id} type=${p.type} default=${JSON.stringify(p.default ?? null)}`);
		const methods = p.typeOptions?.loadOptionsMethod ?? p.typeOptions?.loadOptionsDependsOn;
		if (methods) out.push(`${id} loadOptions=${JSON.stringify(methods)}`);
		for (const mode of (p.modes ?? []) as Array<{ name: string; typeOptions?: { searchListMethod?: string } }>) {
			out.push(
				`${id} mode=${mode.name}${mode.typeOptions?.searchListMethod ? ` search=${mode.typeOptions.searchListMethod}` : ''}`,
			);
		}
		for (const option of (p.options ?? []) as unknown as Array<Record<string, unknown>>) {
			if ('value' in option) out.push(`${id} value=${JSON.stringify(option.value)}`);
			else if (p.type === 'fixedCollection') {
				propertyNames(`${id} > ${String(option.name)}.`, (option.values ?? []) as INodeProperties[], out);
			} else propertyNames(`${id} > `, [option as unknown as INodeProperties], out);
		}
	}
}

function load<T>(file: string, exportName: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const Class = (require(path.join(ROOT, file)) as Record<string, new () => T>)[exportName];
	return new Class();
}

/** The saved names of the package as built, sorted. */
export function savedNames(): string[] {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const out: string[] = [];
	for (const file of pkg.n8n.nodes) {
		const exportName = path.basename(file).replace(/\.node\.js$/, '');
		const { description } = load<{ description: INodeTypeDescription }>(file, exportName);
		const node = `node ${description.name}`;
		out.push(`${node} version=${JSON.stringify(description.version)}`);
		for (const c of description.credentials ?? []) out.push(`${node} credential ${c.name}${where(c.displayOptions)}`);
		propertyNames(`${node} > `, description.properties, out);
	}
	for (const file of pkg.n8n.credentials) {
		const exportName = path.basename(file).replace(/\.credentials\.js$/, '');
		const credential = load<ICredentialType>(file, exportName[0].toUpperCase() + exportName.slice(1));
		const name = `credential ${credential.name}`;
		out.push(`${name} extends=${JSON.stringify(credential.extends ?? [])}`);
		propertyNames(`${name} > `, credential.properties, out);
	}
	return [...new Set(out)].sort();
}

if (require.main === module && process.argv.includes('--write')) {
	const names = savedNames();
	fs.writeFileSync(STORED, `${JSON.stringify(names, null, 2)}\n`);
	console.log(`${names.length} saved names written to ${path.relative(ROOT, STORED)}`);
}
