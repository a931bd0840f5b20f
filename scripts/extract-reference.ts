/**
 * Extracts the reference material the test sandbox needs from the shared folder into
 * test/sandbox/data/, so the project stands alone (a clone has no /work/shared).
 *
 *   npx tsx scripts/extract-reference.ts [pathToShared]
 *
 * pathToShared defaults to ../shared relative to the project root.
 * Output is deterministic (sorted paths/definitions, 2-space JSON).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';

const projectRoot = path.resolve(__dirname, '..');
const sharedDir = path.resolve(process.argv[2] ?? path.join(projectRoot, '..', 'shared'));
const outDir = path.join(projectRoot, 'test', 'sandbox', 'data');

export const V3_PATHS = [
	'/account/summary',
	'/emails',
	'/emails/{campaign_id}',
	'/emails/campaign_id_xrefs',
	'/emails/activities/{campaign_activity_id}',
	'/emails/activities/{campaign_activity_id}/schedules',
	'/emails/activities/{campaign_activity_id}/tests',
	'/emails/activities/{campaign_activity_id}/previews',
	'/emails/activities/{campaign_activity_id}/send_history',
	'/contact_lists',
	'/contact_lists/{list_id}',
	'/contacts',
	'/contacts/{contact_id}',
	'/contacts/sign_up_form',
	'/reports/summary_reports/email_campaign_summaries',
	'/reports/stats/email_campaigns/{campaign_ids}',
	'/reports/stats/email_campaign_activities/{campaign_activity_ids}',
	'/reports/email_reports/{campaign_activity_id}/links',
	'/reports/email_reports/{campaign_activity_id}/tracking/sends',
	'/reports/email_reports/{campaign_activity_id}/tracking/opens',
	'/reports/email_reports/{campaign_activity_id}/tracking/unique_opens',
	'/reports/email_reports/{campaign_activity_id}/tracking/didnotopens',
	'/reports/email_reports/{campaign_activity_id}/tracking/clicks',
	'/reports/email_reports/{campaign_activity_id}/tracking/forwards',
	'/reports/email_reports/{campaign_activity_id}/tracking/optouts',
	'/reports/email_reports/{campaign_activity_id}/tracking/bounces',
	'/activities',
	'/activities/{activity_id}',
	'/activities/contacts_json_import',
	'/activities/add_list_memberships',
	'/activities/remove_list_memberships',
	'/activities/contact_delete',
	'/activities/contacts_taggings_add',
	'/activities/contacts_taggings_remove',
	'/activities/contact_exports',
	'/contact_exports/{file_export_id}',
	'/contact_tags',
	'/contact_tags/{tag_id}',
	'/contact_custom_fields',
	'/contact_custom_fields/{custom_field_id}',
	// Issue 14: campaign follow-ups and v2 ids for every object.
	'/emails/activities/{campaign_activity_id}/non_opener_resends',
	'/emails/activities/{campaign_activity_id}/non_opener_resends/{resend_request_id}',
	'/emails/activities/{campaign_activity_id}/abtest',
	'/segments',
	'/segments/{segment_id}',
	'/segments/{segment_id}/name',
	'/contact_lists/list_id_xrefs',
	'/contacts/contact_id_xrefs',
];

/**
 * Corrections to the official contract, applied while extracting. Each one names the value it
 * replaces (`was`) and the contract's own text that contradicts it (`evidence`: a string found at
 * `evidence.at`); extraction fails when either no longer matches the source, so an erratum goes
 * as soon as Constant Contact fixes its file.
 */
interface Erratum {
	/** Dotted path from the definitions, e.g. ListActivityRemoveContacts.properties.list_ids.maxItems */
	at: string;
	was: Json;
	now: Json;
	evidence: { at: string; text: string };
	/** Why `now` is this value, when the evidence does not say the number itself. */
	note?: string;
}

const REMOVE_SOURCE = 'ListActivityRemoveContacts.properties.source.properties';
const TAG_IDS_NOTE =
	'50: the limit of every other tag_ids array of the contract (TagAddRemoveContacts, ContactsExport)';

export const ERRATA: Erratum[] = [
	{
		at: 'ListActivityRemoveContacts.properties.list_ids.maxItems',
		was: 0,
		now: 50,
		evidence: {
			at: 'ListActivityRemoveContacts.properties.list_ids.description',
			text: 'Specify up to 50 target <code>list_id</code>s',
		},
	},
	{
		at: `${REMOVE_SOURCE}.list_ids.maxItems`,
		was: 0,
		now: 50,
		evidence: { at: `${REMOVE_SOURCE}.list_ids.description`, text: 'Include up to 50 <code>list_id</code> values' },
	},
	{
		at: `${REMOVE_SOURCE}.contact_ids.maxItems`,
		was: 0,
		now: 500,
		evidence: {
			at: `${REMOVE_SOURCE}.contact_ids.description`,
			text: 'Include up to 500 <code>contact_id</code> values',
		},
	},
	{
		at: `${REMOVE_SOURCE}.tag_ids.maxItems`,
		was: 0,
		now: 50,
		evidence: {
			at: `${REMOVE_SOURCE}.tag_ids.description`,
			text: 'Removes all contacts assigned with the specified <code>tag_id</code>s',
		},
		note: TAG_IDS_NOTE,
	},
	{
		at: 'ListActivityAddContacts.properties.source.properties.tag_ids.maxItems',
		was: 0,
		now: 50,
		evidence: {
			at: 'ListActivityAddContacts.properties.source.properties.tag_ids.description',
			text: 'Adds all contacts assigned with the specified <code>tag_id</code>s',
		},
		note: TAG_IDS_NOTE,
	},
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const PROSE_KEYS = new Set(['description', 'summary', 'x-example', 'example', 'examples', 'tags']);
/** Keys whose value is a map of user-chosen names (not schema keywords). */
const NAME_MAPS = new Set([
	'properties',
	'definitions',
	'paths',
	'responses',
	'scopes',
	'securityDefinitions',
	'patternProperties',
]);

function clean(node: Json, isNameMap = false): Json {
	if (Array.isArray(node)) return node.map((n) => clean(n));
	if (node === null || typeof node !== 'object') return node;
	const out: { [k: string]: Json } = {};
	for (const [k, v] of Object.entries(node)) {
		if (!isNameMap && (PROSE_KEYS.has(k) || k.startsWith('x-ctctmcp'))) continue;
		out[k] = clean(v, !isNameMap && NAME_MAPS.has(k));
	}
	return out;
}

function collectRefs(node: Json, into: Set<string>): void {
	if (Array.isArray(node)) node.forEach((n) => collectRefs(n, into));
	else if (node && typeof node === 'object') {
		for (const [k, v] of Object.entries(node)) {
			if (k === '$ref' && typeof v === 'string') into.add(v);
			else collectRefs(v, into);
		}
	}
}

function sortKeys<T extends Json>(obj: { [k: string]: T }): { [k: string]: T } {
	const out: { [k: string]: T } = {};
	for (const k of Object.keys(obj).sort()) out[k] = obj[k];
	return out;
}

/** The parent object and key a dotted path below `definitions` points at; throws when a step is missing. */
function locate(definitions: { [k: string]: any }, dotted: string): { parent: { [k: string]: any }; key: string } {
	const keys = dotted.split('.');
	let parent: any = definitions;
	for (const k of keys.slice(0, -1)) {
		parent = parent?.[k];
		if (parent === null || typeof parent !== 'object') throw new Error(`erratum: ${dotted}: no "${k}" in the contract`);
	}
	return { parent, key: keys[keys.length - 1] };
}

/** Applies ERRATA to the source's definitions; fails loudly when one no longer matches it. */
function applyErrata(definitions: { [k: string]: any }): void {
	for (const e of ERRATA) {
		const target = locate(definitions, e.at);
		const evidence = locate(definitions, e.evidence.at);
		const said = evidence.parent[evidence.key];
		if (JSON.stringify(target.parent[target.key]) !== JSON.stringify(e.was))
			throw new Error(
				`erratum ${e.at}: the contract now says ${JSON.stringify(target.parent[target.key])}, not ${JSON.stringify(e.was)}: remove or update the erratum`,
			);
		if (typeof said !== 'string' || !said.includes(e.evidence.text))
			throw new Error(`erratum ${e.at}: its evidence "${e.evidence.text}" is no longer at ${e.evidence.at}`);
		target.parent[target.key] = e.now;
	}
}

function buildContract(): Json {
	const src = yaml.load(
		fs.readFileSync(path.join(sharedDir, 'reference', 'constant-contact-v3-openapi.yml'), 'utf8'),
	) as { [k: string]: any };
	applyErrata(src.definitions);
	const paths: { [k: string]: Json } = {};
	for (const p of [...V3_PATHS].sort()) {
		if (!src.paths[p]) throw new Error(`path ${p} missing from the contract`);
		paths[p] = src.paths[p];
	}
	// transitive closure of #/definitions and #/responses references
	const definitions: { [k: string]: Json } = {};
	const responses: { [k: string]: Json } = {};
	const seen = new Set<string>();
	let frontier = new Set<string>();
	collectRefs(paths, frontier);
	while (frontier.size) {
		const next = new Set<string>();
		for (const ref of frontier) {
			if (seen.has(ref)) continue;
			seen.add(ref);
			const m = /^#\/(definitions|responses)\/(.+)$/.exec(ref);
			if (!m) throw new Error(`unsupported $ref ${ref}`);
			const name = m[2].replace(/~1/g, '/').replace(/~0/g, '~');
			const bucket = m[1] === 'definitions' ? definitions : responses;
			const value = src[m[1]][name];
			if (value === undefined) throw new Error(`dangling $ref ${ref}`);
			bucket[name] = value;
			collectRefs(value, next);
		}
		frontier = next;
	}
	const doc: { [k: string]: Json } = {
		swagger: src.swagger,
		info: { title: 'Constant Contact v3 (subset used by n8n-nodes-constant-contact)', version: src.info.version },
		host: src.host,
		basePath: src.basePath,
		schemes: src.schemes,
		consumes: src.consumes,
		produces: src.produces,
		paths,
		securityDefinitions: src.securityDefinitions,
		definitions: sortKeys(definitions),
	};
	if (Object.keys(responses).length) doc.responses = sortKeys(responses);
	for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k];
	return clean(doc);
}

/** Every *.json under dir (any depth), as paths relative to it, sorted. */
function jsonFiles(dir: string, rel = ''): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
		const child = rel ? `${rel}/${entry.name}` : entry.name;
		if (entry.isDirectory()) out.push(...jsonFiles(dir, child));
		else if (entry.name.endsWith('.json')) out.push(child);
	}
	return out.sort();
}

/** All of the shared v2 fixtures (every *.json, whatever folder), re-serialized; fails if one is missing after. */
function copyFixtures(): string[] {
	const from = path.join(sharedDir, 'reference', 'v2-fixtures');
	const to = path.join(outDir, 'v2-fixtures');
	fs.rmSync(to, { recursive: true, force: true });
	const sources = jsonFiles(from);
	for (const rel of sources) {
		const parsed = JSON.parse(fs.readFileSync(path.join(from, rel), 'utf8'));
		fs.mkdirSync(path.dirname(path.join(to, rel)), { recursive: true });
		fs.writeFileSync(path.join(to, rel), JSON.stringify(parsed, null, 2) + '\n');
	}
	const copied = new Set(jsonFiles(to));
	const missing = sources.filter((rel) => !copied.has(rel));
	if (missing.length) throw new Error(`v2 fixtures not copied: ${missing.join(', ')}`);
	return sources;
}

function main(): void {
	if (!fs.existsSync(sharedDir)) {
		console.error(`shared reference folder not found: ${sharedDir}`);
		process.exit(1);
	}
	fs.mkdirSync(outDir, { recursive: true });
	const contract = buildContract() as { [k: string]: any };
	fs.writeFileSync(path.join(outDir, 'v3-contract.json'), JSON.stringify(contract, null, 2) + '\n');
	const fixtures = copyFixtures();
	console.log(
		`v3-contract.json: ${Object.keys(contract.paths).length} paths, ${Object.keys(contract.definitions).length} definitions, ${ERRATA.length} errata; ` +
			`v2-fixtures: ${fixtures.length} files -> ${path.relative(projectRoot, outDir)}`,
	);
}

main();
