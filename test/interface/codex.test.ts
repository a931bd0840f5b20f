/**
 * The codex files (`<Node>.node.json`, what n8n's node panel reads beside each node) as n8n's own
 * apps write them: the node type they describe, n8n's categories, documentation links that lead
 * somewhere (the README's sections), search aliases; and the one description the panel shows for
 * the node and its trigger (n8n shows the trigger's on the entry they share). The browser test
 * (test/e2e/browser.test.ts) checks the panel itself.
 */
import fs from 'node:fs';
import path from 'node:path';

import { ConstantContact } from '../../nodes/ConstantContact/ConstantContact.node';
import { NODE_DESCRIPTION } from '../../nodes/ConstantContact/helpers/description';
import { ConstantContactTrigger } from '../../nodes/ConstantContactTrigger/ConstantContactTrigger.node';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const REPOSITORY: string = pkg.homepage; // the public repository, whose page shows the README
/** The top-level categories of n8n's node panel (n8n-nodes-base's codex files). */
const N8N_CATEGORIES = [
	'Analytics',
	'Communication',
	'Data & Storage',
	'Development',
	'Finance & Accounting',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N} _-]/gu, '')
		.replace(/ /g, '-');
const anchors = new Set(['readme', ...[...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]))]);

const nodes = [
	{ file: 'nodes/ConstantContact/ConstantContact.node.json', type: new ConstantContact().description },
	{
		file: 'nodes/ConstantContactTrigger/ConstantContactTrigger.node.json',
		type: new ConstantContactTrigger().description,
	},
];

test('the anchors are read as GitHub writes them', () => {
	expect(anchorOf('Trigger: Constant Contact Trigger')).toBe('trigger-constant-contact-trigger');
	expect(anchorOf('Constant Contact V3 OAuth2 API — recommended')).toBe('constant-contact-v3-oauth2-api--recommended');
	expect(anchors).toContain('credentials');
	expect(anchors).not.toContain('no-such-section');
});

describe.each(nodes)('$file', ({ file, type }) => {
	const codex = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

	test('describes its node type, as n8n names it once the package is installed', () => {
		expect(codex.node).toBe(`${pkg.name}.${type.name}`);
		expect({ nodeVersion: codex.nodeVersion, codexVersion: codex.codexVersion }).toEqual({
			nodeVersion: '1.0',
			codexVersion: '1.0',
		});
	});

	test("lists it under n8n's Marketing category (and only n8n's categories)", () => {
		expect(codex.categories).toContain('Marketing');
		expect(codex.categories.filter((c: string) => !N8N_CATEGORIES.includes(c))).toEqual([]);
	});

	test('links its documentation and its credentials to sections of the README', () => {
		const urls = ['primaryDocumentation', 'credentialDocumentation'].map((kind) => {
			expect(codex.resources[kind]).toHaveLength(1);
			return codex.resources[kind][0].url as string;
		});
		for (const url of urls) {
			const [base, anchor] = url.split('#');
			expect({ url, base, known: anchors.has(anchor) }).toEqual({ url, base: REPOSITORY, known: true });
		}
	});

	test('is found by the words people search for', () => {
		expect(codex.alias).toEqual(expect.arrayContaining(['email', 'newsletter', 'campaign']));
	});
});

test('the node and its trigger have the one description the node panel shows for both', () => {
	expect(nodes.map(({ type }) => type.description)).toEqual([NODE_DESCRIPTION, NODE_DESCRIPTION]);
});
