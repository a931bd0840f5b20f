/**
 * The real n8n 2.41 editor in Debian's Chromium (playwright-core, no downloaded browser): log in,
 * create a workflow, add a Manual Trigger ("Trigger manually") from the "What triggers this
 * workflow?" panel, then open the node panel from the trigger's output, search "Constant Contact"
 * (one entry, with the node's own description; an alias word finds it too), open the entry (the
 * actions grouped by resource, then the triggers), add the action node with "Get many campaigns",
 * create a "Constant Contact V3 OAuth2 API" credential from the node's credential dropdown and
 * connect it through the sandbox's OAuth consent page (popup, "Allow"), then run the workflow with
 * that credential and check the sandbox saw the calls. Screenshots: node-panel.png (the opened
 * entry), node-parameters.png, finished-execution.png, into docs/ with E2E_UPDATE_DOCS=1 (the
 * README shows them), otherwise into the shots folder.
 *
 * Without Chromium this file FAILS (it does not skip) and says how to install it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import type { BrowserContext, Page } from 'playwright-core';
import { NODE_DESCRIPTION } from '../../nodes/ConstantContact/helpers/description';
import { envFlag, envVar } from '../../scripts/env-vars';
import { createEnv, startServer, E2eEnv, OWNER, PROJECT_DIR, seconds } from './real-n8n';

// A test run leaves the clone as it found it: the README's screenshots are refreshed on purpose.
const UPDATE_DOCS = envFlag('E2E_UPDATE_DOCS');
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** /usr/bin/chromium, else `chromium` on PATH; undefined when neither exists. */
export function findChromium(): string | undefined {
	const candidates = [envVar('CHROMIUM_PATH'), '/usr/bin/chromium'].filter(Boolean) as string[];
	for (const c of candidates) if (fs.existsSync(c)) return c;
	try {
		const p = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
		if (p) return p;
	} catch {
		/* not on PATH */
	}
	return undefined;
}

/** Resources of the v3 API whose action groups the panel must show (at least; others may be added). */
const RESOURCE_GROUPS = [
	'Campaign Actions',
	'Campaign Activity Actions',
	'Contact Actions',
	'Contact List Actions',
	'Report Actions',
	'Schedule Actions',
];
const TRIGGER_ACTIONS = ['On campaign scheduled', 'On campaign sent', 'On campaign status changed', 'On new campaign'];

/** One row of the node panel's opened entry, in the order shown. */
type PanelRow = { kind: 'category' | 'group' | 'action'; text: string; node?: string };

/** The opened entry's rows: categories (Actions, Triggers), resource groups and actions (with the node type adding them). */
async function panelRows(page: Page): Promise<PanelRow[]> {
	return await page
		.getByTestId('node-creator')
		.locator('[data-test-id="node-creator-category-item"], [data-test-id="item-iterator-item"]')
		.evaluateAll((elements) =>
			elements.map((e) => {
				const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim();
				if (e.getAttribute('data-test-id') === 'node-creator-category-item') return { kind: 'category', text };
				const name = e.querySelector('[data-test-id="node-creator-item-name"]');
				if (!name) return { kind: 'group', text };
				// n8n keys each action by its node type: "<package>.<node>-<uuid>"
				const node = (e.getAttribute('data-keyboard-nav-id') ?? '').replace(/-[0-9a-f-]{36}$/, '');
				return { kind: 'action', text: (name.textContent ?? '').trim(), node };
			}),
		);
}

const INSTALL_CHROMIUM = `${typeof process.getuid === 'function' && process.getuid() !== 0 ? 'sudo ' : ''}apt-get install -y chromium`;

let env: E2eEnv;
let server: any;
let url: string;
let context: BrowserContext | undefined;
let page: Page;
const timings: Record<string, number> = {};
let shotIndex = 0;

function shotsDir(): string {
	const dir = envVar('E2E_SHOTS_DIR') || path.join(env.userFolder, 'shots');
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

/** One of the README's screenshots. */
async function docShot(name: string) {
	const dir = UPDATE_DOCS ? path.join(PROJECT_DIR, 'docs') : shotsDir();
	await page.screenshot({ path: path.join(dir, name) });
}

/** Debug screenshot next to the user folder (kept only with E2E_KEEP=1) when a step fails. */
async function debugShot(name: string) {
	if (!page || !env) return;
	const dir = shotsDir();
	await page
		.screenshot({ path: path.join(dir, `${String(++shotIndex).padStart(2, '0')}-${name}.png`) })
		.catch(() => undefined);
}

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		await debugShot(`failed-${name}`);
		throw e;
	}
}

beforeAll(async () => {
	const chromium = findChromium();
	if (!chromium) {
		throw new Error(
			`Chromium is not installed (no /usr/bin/chromium, no chromium on PATH). Install it with:\n  ${INSTALL_CHROMIUM}`,
		);
	}
	const t = Date.now();
	env = await createEnv('browser'); // imported credentials fill the node's credential dropdown
	timings.setup = seconds(t);
	const t2 = Date.now();
	({ server, url } = await startServer(env));
	timings.serverReady = seconds(t2);
	const { chromium: pw, selectors } = await import('playwright-core');
	selectors.setTestIdAttribute('data-test-id'); // n8n's attribute (Playwright's default is data-testid)
	const profile = path.join(env.userFolder, 'chromium-profile');
	fs.mkdirSync(profile, { recursive: true });
	context = await pw.launchPersistentContext(profile, {
		executablePath: chromium,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 1440, height: 900 },
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	context.setDefaultTimeout(30_000);
	page = context.pages()[0] ?? (await context.newPage());
}, 300_000);

afterAll(async () => {
	if (context) await context.close().catch(() => undefined);
	if (server) await server.stop();
	if (env) await env.cleanup();

	console.log(`browser.test.ts timings (s): ${JSON.stringify(timings)}`);
});

test('log in to the editor', async () => {
	const t = Date.now();
	await step('login', async () => {
		await page.goto(`${url}/signin`);
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(OWNER.email);
		await page.locator('input[type="password"]').first().fill(OWNER.password);
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30_000 });
	});
	timings.login = seconds(t);
});

test('new workflow: a Manual Trigger, then the node panel finds "Constant Contact" and adds the node with an action', async () => {
	const t = Date.now();
	const ndv = page.getByTestId('ndv');
	const itemName = (title: string) =>
		page
			.getByTestId('node-creator')
			.getByTestId('node-creator-item-name')
			.filter({ hasText: new RegExp(`^\\s*${title}\\s*$`) });
	await step('new-workflow', async () => {
		await page.goto(`${url}/workflow/new`);
		await page.getByTestId('canvas-plus-button').click(); // "What triggers this workflow?"
		await page.getByTestId('node-creator').waitFor();
	});
	await step('manual-trigger', async () => {
		await page.getByTestId('node-creator-search-bar').fill('Trigger manually');
		await itemName('Trigger manually').first().click();
		await page.getByTestId('canvas-node').first().waitFor();
		// n8n may open the trigger's details view (or leave the panel open): back to the canvas
		await page.waitForTimeout(500);
		if (await ndv.isVisible()) {
			await page.getByTestId('ndv-close-button').click();
			await ndv.waitFor({ state: 'hidden' });
		}
		if (await page.getByTestId('node-creator').isVisible()) {
			await page.keyboard.press('Escape');
			await page.getByTestId('node-creator').waitFor({ state: 'hidden' });
		}
		expect(await page.getByTestId('canvas-node').count()).toBe(1);
	});
	await step('open-panel-from-trigger', async () => {
		// the "+" at the end of the trigger's output, else the panel's "+" button (top right)
		const outputPlus = page.getByTestId('canvas-node-output-handle').getByTestId('canvas-handle-plus').first();
		if (await outputPlus.isVisible()) await outputPlus.click();
		else await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator').waitFor();
	});
	const search = async (words: string) => {
		await page.getByTestId('node-creator-search-bar').fill(words);
		await itemName('Constant Contact').first().waitFor();
	};
	await step('alias', async () => {
		// the codex's alias words find the node too
		await search('newsletter');
	});
	await step('search', async () => {
		await search('Constant Contact');
		// n8n 2.41 lists the action node and "Constant Contact Trigger" as ONE entry, "Constant Contact",
		// and shows the trigger's description on it: the trigger has the node's description for that.
		await expect(itemName('Constant Contact').count()).resolves.toBe(1);
		const name = page.getByTestId('node-creator-item-name').filter({ hasText: /^\s*Constant Contact\s*$/ });
		const entry = page.getByTestId('node-creator-action-item').filter({ has: name });
		await expect(entry.getByTestId('node-creator-item-description').textContent()).resolves.toBe(NODE_DESCRIPTION);
	});
	await step('open-entry', async () => {
		await itemName('Constant Contact').click();
		await page
			.getByTestId('item-iterator-item')
			.filter({ hasText: /^Get many campaigns$/ })
			.first()
			.waitFor();
		await page.waitForTimeout(500); // let the panel settle for the screenshot
		// the entry opened: its description, the actions grouped by resource (the triggers below)
		await docShot('node-panel.png');
		await expect(page.getByTestId('node-creator').innerText()).resolves.toContain(NODE_DESCRIPTION);
	});
	await step('actions-then-triggers', async () => {
		// opened from a trigger's output, n8n shows the actions and folds the triggers: unfold them
		const triggers = page.getByTestId('node-creator-category-item').filter({ hasText: /^\s*Triggers \(\d+\)\s*$/ });
		const folded = triggers.locator('xpath=..');
		if ((await folded.getAttribute('data-category-collapsed')) === 'true') await triggers.click();
		await page
			.getByTestId('node-creator-item-name')
			.filter({ hasText: /^On new campaign$/ })
			.waitFor();
		const rows = await panelRows(page);
		const categories = rows.filter((r) => r.kind === 'category').map((r) => r.text);
		expect(categories).toEqual([expect.stringMatching(/^Actions \(\d+\)$/), `Triggers (${TRIGGER_ACTIONS.length})`]);
		const triggersAt = rows.findIndex((r) => r.kind === 'category' && r.text.startsWith('Triggers'));
		const actions = rows.slice(0, triggersAt);
		const triggerRows = rows.slice(triggersAt + 1);
		// every resource group, each with its actions, all of the action node
		const groups = actions.filter((r) => r.kind === 'group').map((r) => r.text);
		expect(groups).toEqual(expect.arrayContaining(RESOURCE_GROUPS));
		for (const group of RESOURCE_GROUPS) {
			const at = actions.findIndex((r) => r.kind === 'group' && r.text === group);
			expect({ group, next: actions[at + 1]?.kind }).toEqual({ group, next: 'action' });
		}
		const campaignActions = actions.slice(actions.findIndex((r) => r.text === 'Campaign Actions') + 1);
		const campaignGroup = campaignActions.slice(
			0,
			campaignActions.findIndex((r) => r.kind !== 'action'),
		);
		expect(campaignGroup.map((r) => r.text)).toEqual(
			expect.arrayContaining(['Create a campaign', 'Get a campaign', 'Get many campaigns']),
		);
		const actionNodes = new Set(actions.filter((r) => r.kind === 'action').map((r) => r.node));
		expect([...actionNodes]).toEqual(['n8n-nodes-constant-contact.constantContact']);
		// then the trigger's events, added by the trigger node
		expect(triggerRows).toEqual(
			TRIGGER_ACTIONS.map((text) => ({
				kind: 'action',
				text,
				node: 'n8n-nodes-constant-contact.constantContactTrigger',
			})),
		);
	});
	await step('pick-node', async () => {
		await page
			.getByTestId('item-iterator-item')
			.filter({ hasText: /^Get many campaigns$/ })
			.first()
			.click();
		await ndv.waitFor();
	});
	timings.addNode = seconds(t);
});

test('node parameters open; a new OAuth2 (v3) credential connects through the sandbox consent page', async () => {
	const t = Date.now();
	const sb = env.sandbox;
	await step('parameters', async () => {
		await page.getByTestId('parameter-input-resource').waitFor();
		await page.getByTestId('parameter-input-operation').waitFor();
	});
	await page.waitForTimeout(500);
	await docShot('node-parameters.png');

	await step('new-credential', async () => {
		await page.getByTestId('node-credentials-select').click();
		await page.getByTestId('node-credentials-select-item-new').click();
		await page.getByTestId('editCredential-modal').waitFor();
		await page.getByTestId('editCredential-modal').getByText('Constant Contact V3 OAuth2 API').first().waitFor();
	});
	const modal = page.getByTestId('editCredential-modal');
	const fill = async (name: string, value: string) => {
		const input = modal.getByTestId(`parameter-input-${name}`).getByTestId('parameter-input-field');
		await input.click();
		await input.fill(value);
	};
	await step('fill-credential', async () => {
		await fill('clientId', sb.secrets.clientId);
		await fill('clientSecret', sb.secrets.clientSecret);
		await fill('authServerUrl', sb.oauthBaseUrl);
		await fill('baseUrl', sb.v3BaseUrl);
	});
	const consentBefore = sb.requests.filter((q) => q.api === 'oauth').length;
	const popup = await step('connect', async () => {
		const [p] = await Promise.all([
			context!.waitForEvent('page', { timeout: 30_000 }),
			modal
				.getByRole('button', { name: /^connect/i })
				.first()
				.click(),
		]);
		return p;
	});
	await step('consent', async () => {
		// n8n opens the popup blank, then sends it to the authorize URL it built
		await popup.waitForURL((u) => u.href.startsWith(`${sb.oauthBaseUrl}/authorize`), { timeout: 30_000 });
		expect(new URL(popup.url()).searchParams.get('redirect_uri')).toBe(`${url}/rest/oauth2-credential/callback`);
		await popup.locator('#approve').click();
		await popup.waitForEvent('close', { timeout: 30_000 }).catch(() => undefined);
	});
	await step('connected', async () => {
		// n8n 2.41 closes the modal once connected and selects the new credential in the node;
		// reopen it (pencil next to the dropdown) to see n8n's "Account connected" state.
		const banner = modal
			.getByTestId('oauth-connect-success-banner')
			.or(modal.getByText(/account connected/i))
			.first();
		const t0 = Date.now();
		while (!(await banner.isVisible()) && (await modal.isVisible()) && Date.now() - t0 < 30_000)
			await page.waitForTimeout(200);
		if (!(await banner.isVisible())) {
			await modal.waitFor({ state: 'hidden' });
			await expect(page.getByTestId('node-credentials-select').locator('input').first().inputValue()).resolves.toBe(
				'Constant Contact V3 account',
			);
			await page.getByTestId('credential-edit-button').click();
		}
		await banner.waitFor({ timeout: 30_000 });
		await expect(banner.textContent()).resolves.toMatch(/account connected/i);
	});
	const oauthCalls = sb.requests.filter((q) => q.api === 'oauth').slice(consentBefore);
	expect(oauthCalls.map((q) => `${q.method} ${q.path.replace(/^.*\/v1/, '')} ${q.status}`)).toEqual(
		expect.arrayContaining(['GET /authorize 200', 'POST /authorize 302', 'POST /token 200']),
	);
	const tokenCall = oauthCalls.find((q) => q.method === 'POST' && q.path.endsWith('/token'))!;
	expect((tokenCall.body as any).redirect_uri).toBe(`${url}/rest/oauth2-credential/callback`);
	await step('close-credential', async () => {
		// saved when "Connect" was clicked; close the modal (its X), back to the node
		await modal
			.locator('.el-dialog__headerbtn, [aria-label="Close"], [aria-label="Close this dialog"]')
			.first()
			.click();
		await modal.waitFor({ state: 'hidden' });
	});
	timings.credential = seconds(t);
});

test('running the workflow with that credential finishes; screenshot of the finished execution', async () => {
	const t = Date.now();
	const sb = env.sandbox;
	const before = sb.requests.length;
	const v3Gets = () =>
		sb.requests.slice(before).filter((q) => q.api === 'v3' && q.method === 'GET' && /\/emails$/.test(q.path));
	const waitFor = async (what: string, ok: () => boolean, ms = 60_000) => {
		const t0 = Date.now();
		while (!ok()) {
			if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
			await new Promise((r) => setTimeout(r, 200));
		}
	};
	await step('execute-step', async () => {
		await page.getByTestId('node-execute-button').first().click();
		await waitFor("the node's GET /emails", () => v3Gets().length >= 1);
		await page
			.getByTestId('ndv')
			.getByText(/\d+ items?/i)
			.first()
			.waitFor({ timeout: 30_000 });
	});
	await step('back-to-canvas', async () => {
		await page.getByTestId('ndv-close-button').click();
		await page.getByTestId('ndv').waitFor({ state: 'hidden' });
	});
	await step('execute-workflow', async () => {
		await page.getByTestId('execute-workflow-button').first().click();
		await waitFor("the workflow run's GET /emails", () => v3Gets().length >= 2);
		await page.getByTestId('canvas-node-status-success').nth(1).waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1000);
	});
	await docShot('finished-execution.png');
	// the calls used the token of the credential created in the UI, not the imported one
	const bearer = v3Gets().map((q) => q.headers.authorization);
	expect(bearer.every((h) => h && h !== `Bearer ${env.credentials.v3.data.oauthTokenData.access_token}`)).toBe(true);
	const calls = sb.requests.slice(before).filter((q) => q.api === 'v3');
	expect(calls.length).toBeGreaterThanOrEqual(2); // execute step + execute workflow
	expect(calls.every((q) => q.method === 'GET' && /\/emails$/.test(q.path) && q.status === 200)).toBe(true);
	timings.execute = seconds(t);
});
