/**
 * CRM sync (issue 11): 10,000 contacts with realistic CRM fields (email, first and last name,
 * company, phone, one address, 2 custom fields) into 2 lists, through Contact > Import, against
 * the sandbox at its real limits (4 requests/second, 10,000/day, bulk activities at their default
 * speed); then the same contacts through Contact > Create or Update (upsert): 200 of them timed,
 * scaled linearly to 10,000 (one request per contact). Requests are counted from the sandbox's
 * request log.
 */
import { runNode } from '../test/harness';
import { Sandbox, type RecordedRequest, type SeededCustomField } from '../test/sandbox';
import { v3Credentials as credentials, withMemory, type Row } from './common';

const CONTACTS = 10_000;
const UPSERTS = 200;
const DAILY_QUOTA = 10_000;
const BODY_BYTES_MAX = 4_000_000;
const MAX_REQUESTS = 15;
const MIN_FACTOR = 100;
const MAX_SECONDS = 60;
// The sandbox's own answer to the ~3 MB import (validating and queueing 10,000 rows).
const MAX_IMPORT_ANSWER_SECONDS = 2;

const IMPORT_PATH = '/v3/activities/contacts_json_import';
const POLL_PATH = /^\/v3\/activities\/[0-9a-f-]{36}$/;
const UPSERT_PATH = '/v3/contacts/sign_up_form';

interface CrmContact {
	email: string;
	firstName: string;
	lastName: string;
	company: string;
	phone: string;
	street: string;
	city: string;
	state: string;
	zip: string;
	country: string;
	crmId: string;
	stage: string;
}

const FIRST = [
	'Olivia',
	'Liam',
	'Emma',
	'Noah',
	'Ava',
	'Elijah',
	'Sophia',
	'Mateo',
	'Isabella',
	'Lucas',
	'Mia',
	'Amara',
];
const LAST = [
	'Smith',
	'Johnson',
	'Garcia',
	'Nguyen',
	'Okafor',
	'Müller',
	'Rossi',
	'Kowalski',
	'Haddad',
	'Tanaka',
	'Brown',
];
const COMPANIES = [
	'Acme Corp',
	'Globex Industries',
	'Initech LLC',
	'Umbrella Health',
	'Stark Logistics',
	'Wayne Retail',
];
const STREETS = ['Maple Avenue', 'Oak Street', 'Washington Blvd', 'Lakeview Drive', 'Market Street', 'Elm Court'];
const CITIES: Array<[string, string, string]> = [
	['Boston', 'MA', '02108'],
	['Austin', 'TX', '73301'],
	['Denver', 'CO', '80202'],
	['Seattle', 'WA', '98101'],
	['Chicago', 'IL', '60601'],
	['Portland', 'OR', '97201'],
];
const STAGES = ['lead', 'marketing qualified lead', 'opportunity', 'customer', 'evangelist'];

/** Deterministic CRM records, as a HubSpot or Salesforce export would give them. */
function crmContacts(n: number): CrmContact[] {
	return Array.from({ length: n }, (_, i) => {
		const firstName = FIRST[i % FIRST.length];
		const lastName = LAST[(i * 7) % LAST.length];
		const company = COMPANIES[(i * 5) % COMPANIES.length];
		const [city, state, zip] = CITIES[(i * 3) % CITIES.length];
		const domain = company.split(' ')[0].toLowerCase();
		return {
			email: `${firstName}.${lastName}.${i}@${domain}.example.com`.toLowerCase().replace('ü', 'u'),
			firstName,
			lastName,
			company,
			phone: `+1 555-${String(100 + (i % 900)).padStart(3, '0')}-${String(i % 10_000).padStart(4, '0')}`,
			street: `${100 + ((i * 37) % 9900)} ${STREETS[i % STREETS.length]}`,
			city,
			state,
			zip,
			country: 'US',
			crmId: `CRM-${String(i + 1).padStart(7, '0')}`,
			stage: STAGES[i % STAGES.length],
		};
	});
}

function seed(sandbox: Sandbox): { lists: string[]; fields: SeededCustomField[] } {
	const lists = sandbox.addLists(2, { name: 'CRM sync' }).map((l) => l.v3Id);
	const fields = sandbox.addCustomFields(['CRM ID', 'Lifecycle Stage']);
	return { lists, fields };
}

const customFields = ([crmId, stage]: SeededCustomField[]) => ({
	field: [
		{ customFieldId: crmId.customFieldId, value: '={{ $json.crmId }}' },
		{ customFieldId: stage.customFieldId, value: '={{ $json.stage }}' },
	],
});

const refusedForRate = (r: RecordedRequest) => r.status === 429;

interface ImportRun {
	seconds: number;
	peakRssMb: number;
	peakHeapDeltaMb: number;
	imports: number;
	importBytes: number;
	/** The longest the sandbox took to answer an import request. */
	importAnswerS: number;
	polls: number;
	others: string[];
	refused: number;
	total: number;
	outputItems: number;
	failedItems: number;
	stored: number;
	/** Where the wall time went: before the first request, from it to the last answer, after. */
	phases: { beforeS: number; requestsS: number; afterS: number };
	runError?: string;
}

async function importRun(input: CrmContact[]): Promise<ImportRun> {
	const sandbox = await Sandbox.start();
	try {
		const { lists, fields } = seed(sandbox);
		const mark = sandbox.requests.length;
		const started = Date.now();
		const {
			value: result,
			peakRssMb,
			peakHeapDeltaMb,
		} = await withMemory(
			async () =>
				await runNode({
					parameters: {
						authentication: 'oAuth2',
						resource: 'contact',
						operation: 'import',
						email: '={{ $json.email }}',
						contactListIds: lists,
						additionalFields: {
							firstName: '={{ $json.firstName }}',
							lastName: '={{ $json.lastName }}',
							companyName: '={{ $json.company }}',
							phone: '={{ $json.phone }}',
							addresses: {
								address: [
									{
										kind: 'main',
										street: '={{ $json.street }}',
										city: '={{ $json.city }}',
										state: '={{ $json.state }}',
										zip: '={{ $json.zip }}',
										country: '={{ $json.country }}',
									},
								],
							},
							customFields: customFields(fields),
						},
					},
					input: input as unknown as Array<Record<string, unknown>>,
					credentials: credentials(sandbox),
					continueOnFail: true,
				}),
		);
		const ended = Date.now();
		const seconds = (ended - started) / 1000;
		const seen = sandbox.requests.slice(mark);
		const first = seen.length ? seen[0].arrivedAt : ended;
		const last = seen.length ? Math.max(...seen.map((r) => r.respondedAt)) : ended;
		const imports = seen.filter((r) => r.method === 'POST' && r.path === IMPORT_PATH && !refusedForRate(r));
		const polls = seen.filter((r) => r.method === 'GET' && POLL_PATH.test(r.path) && !refusedForRate(r));
		const others = seen.filter((r) => !refusedForRate(r) && !imports.includes(r) && !polls.includes(r));
		// Every contact stored with both lists and both custom fields.
		const byEmail = new Map(sandbox.contacts().map((c) => [c.email.toLowerCase(), c]));
		const stored = input.filter((contact) => {
			const c = byEmail.get(contact.email);
			return (
				c !== undefined &&
				lists.every((l) => c.listIds.has(l)) &&
				c.custom_fields?.[fields[0].customFieldId] === contact.crmId &&
				c.custom_fields?.[fields[1].customFieldId] === contact.stage &&
				c.company_name === contact.company
			);
		}).length;
		return {
			seconds,
			peakRssMb,
			peakHeapDeltaMb,
			imports: imports.length,
			importBytes: imports.reduce((sum, r) => sum + r.bodyBytes, 0),
			importAnswerS: Math.max(0, ...imports.map((r) => (r.respondedAt - r.arrivedAt) / 1000)),
			polls: polls.length,
			others: others.map((r) => `${r.method} ${r.path.replace(/^\/v3/, '')}`),
			refused: seen.filter(refusedForRate).length,
			total: seen.length,
			outputItems: result.items.length,
			failedItems: result.items.filter((i) => i.json.error !== undefined).length,
			stored,
			phases: { beforeS: (first - started) / 1000, requestsS: (last - first) / 1000, afterS: (ended - last) / 1000 },
			runError: result.error?.message,
		};
	} finally {
		await sandbox.close();
	}
}

interface UpsertRun {
	seconds: number;
	upserts: number;
	refused: number;
	total: number;
	failedItems: number;
	runError?: string;
}

async function upsertRun(input: CrmContact[]): Promise<UpsertRun> {
	const sandbox = await Sandbox.start();
	try {
		const { lists, fields } = seed(sandbox);
		const mark = sandbox.requests.length;
		const started = Date.now();
		const result = await runNode({
			parameters: {
				authentication: 'oAuth2',
				resource: 'contact',
				operation: 'upsert',
				email: '={{ $json.email }}',
				contactListIds: lists,
				additionalFields: {
					firstName: '={{ $json.firstName }}',
					lastName: '={{ $json.lastName }}',
					companyName: '={{ $json.company }}',
					phoneNumber: '={{ $json.phone }}',
					customFields: customFields(fields),
				},
			},
			input: input as unknown as Array<Record<string, unknown>>,
			credentials: credentials(sandbox),
			continueOnFail: true,
		});
		const seconds = (Date.now() - started) / 1000;
		const seen = sandbox.requests.slice(mark);
		return {
			seconds,
			upserts: seen.filter((r) => r.method === 'POST' && r.path === UPSERT_PATH && !refusedForRate(r)).length,
			refused: seen.filter(refusedForRate).length,
			total: seen.length,
			failedItems: result.items.filter((i) => i.json.error !== undefined).length,
			runError: result.error?.message,
		};
	} finally {
		await sandbox.close();
	}
}

const quota = (requests: number) => `${((requests / DAILY_QUOTA) * 100).toFixed(2)}%`;
const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const n = (value: number) => value.toLocaleString('en');

/** Two rows: the import (its request and time targets) and the upsert it is compared with. */
export async function crmSync(log: (line: string) => void = console.log): Promise<Row[]> {
	const contacts = crmContacts(CONTACTS);
	log(`[bench]   import of ${n(CONTACTS)} contacts ...`);
	const imp = await importRun(contacts);
	log(`[bench]   ${UPSERTS} upserts (4 requests/second) ...`);
	const up = await upsertRun(contacts.slice(0, UPSERTS));

	const byBytes = Math.ceil(imp.importBytes / BODY_BYTES_MAX);
	const scale = CONTACTS / UPSERTS;
	const upsertSeconds = up.seconds * scale;
	const upsertRequests = CONTACTS;
	const factor = upsertRequests / imp.total;
	const allImported = !imp.runError && imp.outputItems === CONTACTS && imp.failedItems === 0 && imp.stored === CONTACTS;
	const checks = {
		bytes: imp.imports >= 1 && imp.imports <= byBytes,
		total: imp.total <= MAX_REQUESTS,
		time: imp.seconds < MAX_SECONDS,
		importAnswer: imp.importAnswerS < MAX_IMPORT_ANSWER_SECONDS,
		factor: factor >= MIN_FACTOR,
		upsert: !up.runError && up.failedItems === 0 && up.upserts === UPSERTS,
	};
	const otherCounts = new Map<string, number>();
	for (const other of imp.others) otherCounts.set(other, (otherCounts.get(other) ?? 0) + 1);

	const importRow: Row = {
		scenario: `CRM sync, ${n(CONTACTS)} contacts by Import`,
		headline:
			`${imp.total} requests (${imp.imports} import + ${imp.polls} polls + ${imp.others.length} other; ` +
			`ceil(bytes/4 MB) = ${byBytes}), ${imp.seconds.toFixed(1)} s, peak RSS ${imp.peakRssMb.toFixed(0)} MB, ` +
			`${quota(imp.total)} of daily quota`,
		figures: {
			contacts: n(CONTACTS),
			'import requests': imp.imports,
			'import body bytes': n(imp.importBytes),
			'sandbox answered the import in s': imp.importAnswerS.toFixed(2),
			'ceil(bytes/4,000,000)': byBytes,
			polls: imp.polls,
			'other requests': imp.others.length,
			'refused for rate': imp.refused,
			'requests in all': imp.total,
			'% of daily quota': quota(imp.total),
			seconds: imp.seconds.toFixed(1),
			'peak RSS MB': imp.peakRssMb.toFixed(0),
			'peak heap growth MB': imp.peakHeapDeltaMb.toFixed(0),
			'output items': n(imp.outputItems),
			'failed items': imp.failedItems,
			'stored with lists + custom fields': n(imp.stored),
		},
		notes: [
			'fields: email, first/last name, company, phone, one address (street, city, state, zip, country), ' +
				'2 custom fields, 2 lists; sandbox at its real limits (4 req/s, 10,000/day, activities at 2,000 contacts/s)',
			`where the time went: ${imp.phases.beforeS.toFixed(1)} s reading the items (n8n resolves each item's ` +
				`expressions) before the first request, ${imp.phases.requestsS.toFixed(1)} s from it to the last poll's ` +
				`answer (the activity processing), ${imp.phases.afterS.toFixed(1)} s making the output items`,
			`other requests: ${[...otherCounts].map(([what, count]) => `${count} x ${what}`).join(', ') || 'none'}` +
				(imp.runError ? `; run error: ${imp.runError}` : ''),
			`${pass(checks.bytes)} import requests ${imp.imports} <= ceil(${n(imp.importBytes)} / 4,000,000) = ${byBytes}`,
			`${pass(checks.total)} requests in all ${imp.total} <= ${MAX_REQUESTS}`,
			`${pass(checks.time)} wall time ${imp.seconds.toFixed(1)} s < ${MAX_SECONDS} s`,
			`${pass(checks.importAnswer)} the sandbox answered the import in ${imp.importAnswerS.toFixed(2)} s < ${MAX_IMPORT_ANSWER_SECONDS} s`,
			`${pass(allImported)} all ${n(CONTACTS)} contacts imported, with both lists and custom fields`,
		],
		target: `imports <= ceil(bytes/4 MB), <= ${MAX_REQUESTS} requests, < ${MAX_SECONDS} s, sandbox answer < ${MAX_IMPORT_ANSWER_SECONDS} s, all imported`,
		met: checks.bytes && checks.total && checks.time && checks.importAnswer && allImported,
	};

	const upsertRow: Row = {
		scenario: `CRM sync, same contacts by Create or Update`,
		headline:
			`${UPSERTS} upserts took ${up.seconds.toFixed(1)} s -> ${n(CONTACTS)} take ${up.seconds.toFixed(1)}*${scale} = ` +
			`${n(Math.round(upsertSeconds))} s (${(upsertSeconds / 60).toFixed(0)} min), ${n(upsertRequests)} requests = ` +
			`${quota(upsertRequests)} of daily quota; import: ${factor.toFixed(0)}x fewer`,
		figures: {
			'timed upserts': UPSERTS,
			'upsert requests': up.upserts,
			'refused for rate': up.refused,
			'failed items': up.failedItems,
			seconds: up.seconds.toFixed(1),
			[`seconds for ${n(CONTACTS)} (x${scale})`]: n(Math.round(upsertSeconds)),
			[`requests for ${n(CONTACTS)}`]: n(upsertRequests),
			'% of daily quota': quota(upsertRequests),
			'upsert / import requests': factor.toFixed(0),
		},
		notes: [
			`formula: ${UPSERTS} upserts took ${up.seconds.toFixed(1)} s -> ${n(CONTACTS)} take ${up.seconds.toFixed(1)}*${scale} = ` +
				`${upsertSeconds.toFixed(0)} s; one request per contact: ${n(CONTACTS)} requests`,
			'fields: email, first/last name, company, phone, 2 custom fields, 2 lists (Create or Update has no address ' +
				'field); a fresh sandbox at its real limits',
			`${pass(checks.factor)} import requests ${imp.total} x ${MIN_FACTOR} <= upsert requests ${n(upsertRequests)} ` +
				`(${factor.toFixed(0)}x fewer)`,
			`${pass(checks.upsert)} all ${UPSERTS} upserts done, one request each` +
				(up.runError ? `; run error: ${up.runError}` : ''),
		],
		target: `import >= ${MIN_FACTOR}x fewer requests`,
		met: checks.factor && checks.upsert,
	};
	return [importRow, upsertRow];
}
