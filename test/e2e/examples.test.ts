/**
 * The five example workflows (examples/*.json), imported into a fresh n8n 2.41 user folder with
 * this package installed as a community package, each run with the real CLI
 * (`n8n execute --id`) against the sandbox running in this jest process. Each run's output AND
 * the sandbox's resulting state are checked; two runs that must fail end with the node's error.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DateTime } from 'luxon';
import { cli, createEnv, plain, E2eEnv, EXAMPLES_DIR, NODE_TYPE, seconds } from './real-n8n';

const V3_LIST_GENERAL_INTEREST = '0e9142cf-d7bb-45f4-86ef-b1b69ff2ed62';
const CRM_ACTIVITY = '942887a0-4ef7-4367-b845-5d5e28d29001';
const UNKNOWN_ACTIVITY = '00000000-0000-4000-8000-00000000dead';

const example = (file: string) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));

/** A workflow of its own: Manual Trigger -> our node "Schedule" create (v3) with the given parameters. */
function scheduleWorkflow(id: string, name: string, parameters: Record<string, unknown>) {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1', timezone: 'America/New_York' },
		nodes: [
			{
				id: `${id}-1`,
				name: 'Run now',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${id}-2`,
				name: 'Schedule send',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [260, 0],
				credentials: { constantContactOAuth2Api: { id: 'ccOAuth2Demo', name: 'Constant Contact v3 (sandbox)' } },
				parameters: { authentication: 'oAuth2', resource: 'schedule', operation: 'create', ...parameters },
			},
		],
		connections: { 'Run now': { main: [[{ node: 'Schedule send', type: 'main', index: 0 }]] } },
	};
}

const PAST_DATE = scheduleWorkflow('ccE2EPastDate', 'e2e: schedule in the past', {
	campaignActivityId: { __rl: true, mode: 'id', value: CRM_ACTIVITY },
	scheduleType: 'date',
	scheduledDate: '2020-01-07T09:00:00',
});
const UNKNOWN_ID = scheduleWorkflow('ccE2EUnknownId', 'e2e: unknown activity', {
	campaignActivityId: { __rl: true, mode: 'id', value: UNKNOWN_ACTIVITY },
	scheduleType: 'now',
});

let env: E2eEnv;
const timings: Record<string, number> = {};

/** Every request the sandbox recorded from now on. */
function requestsSince(n: number) {
	return env.sandbox.requests.slice(n);
}

beforeAll(async () => {
	const t = Date.now();
	env = await createEnv('examples');
	timings.setup = seconds(t);
	const t2 = Date.now();
	await cli.importWorkflow(EXAMPLES_DIR, env.opts);
	await cli.importWorkflow([PAST_DATE, UNKNOWN_ID], env.opts);
	timings.import = seconds(t2);
}, 300_000);

afterAll(async () => {
	if (env) await env.cleanup();

	console.log(`examples.test.ts timings (s): ${JSON.stringify(timings)}`);
});

async function run(id: string) {
	const t = Date.now();
	const r = await cli.executeWorkflow(id, env.opts);
	timings[id] = seconds(t);
	return r;
}

const failureText = (r: any) =>
	`n8n execute failed (code ${r.code}): ${JSON.stringify(r.error)}\n${String(r.stderr).slice(-3000)}`;

test('weekly newsletter (v3): campaign created, sent to the list, scheduled Tuesday 09:00 New York time, one schedule POST', async () => {
	const wf = example('weekly-newsletter.json');
	const zone: string = wf.settings.timezone;
	expect(zone).toBe('America/New_York');
	const before = env.sandbox.requests.length;
	const campaignsBefore = new Set(env.sandbox.v3Campaigns().map((c) => c.campaign_id));

	const r = await run('ccWeeklyNewsltr');
	if (!r.ok) throw new Error(failureText(r));

	// output
	const created = cli.nodeOutput(r, 'Create weekly campaign');
	expect(created).toHaveLength(1);
	const campaignId: string = created[0].campaign_id;
	const activityId: string = created[0].primary_campaign_activity_id;
	expect(campaignId).toMatch(/^[0-9a-f-]{36}$/);
	expect(activityId).toMatch(/^[0-9a-f-]{36}$/);
	expect(cli.nodeOutput(r, 'Send to contact lists')).toHaveLength(1);
	const scheduled = cli.nodeOutput(r, 'Schedule for Tuesday 09:00');
	expect(scheduled).toHaveLength(1);

	// the expected instant, computed independently: the first Tuesday 09:00 in the workflow's
	// time zone strictly after the moment the run started
	const startedAt = DateTime.fromISO(r.data.startedAt ?? new Date().toISOString(), { zone });
	let expected: DateTime | undefined;
	for (let d = 0; d <= 7 && !expected; d++) {
		const c = startedAt.startOf('day').plus({ days: d }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
		if (c.weekday === 2 && c > startedAt) expected = c;
	}
	const expectedUtc = expected!.toUTC().toISO({ suppressMilliseconds: true })!;

	// sandbox state
	expect(campaignsBefore.has(campaignId)).toBe(false);
	const campaign = env.sandbox.v3Campaign(campaignId)!;
	expect(campaign).toBeDefined();
	expect(campaign.name).toBe(created[0].name);
	expect(campaign.name).toMatch(/^Weekly newsletter \d{4}-W\d{2} /);
	expect(campaign.current_status).toBe('Scheduled');
	const activity = env.sandbox.v3Activity(activityId)!;
	expect(activity.campaign_id).toBe(campaignId);
	expect(activity.contact_list_ids).toEqual([V3_LIST_GENERAL_INTEREST]);
	expect(activity.current_status).toBe('SCHEDULED');
	expect(activity.pending && new Date(activity.pending.scheduledAt).toISOString()).toBe(expected!.toUTC().toISO());
	expect(DateTime.fromISO(activity.scheduled_date!).toUTC().toMillis()).toBe(expected!.toMillis());
	expect(DateTime.fromISO(scheduled[0].scheduled_date).toMillis()).toBe(expected!.toMillis());
	expect(expected!.setZone(zone).toFormat('ccc HH:mm')).toBe('Tue 09:00');
	expect(activity.sendLog).toHaveLength(0);

	// requests: exactly one schedule POST, for this activity, with that instant
	const schedulePosts = requestsSince(before).filter((q) => q.method === 'POST' && /\/schedules$/.test(q.path));
	expect(schedulePosts).toHaveLength(1);
	expect(schedulePosts[0].path).toContain(`/emails/activities/${activityId}/schedules`);
	expect(schedulePosts[0].status).toBe(201);
	expect(DateTime.fromISO((schedulePosts[0].body as any).scheduled_date).toMillis()).toBe(expected!.toMillis());
	expect(expectedUtc).toMatch(/Z$/);
	expect(env.sandbox.contractViolations).toEqual([]);
});

test('CRM-driven send (v3): the chosen activity is sent now, once, nobody twice', async () => {
	const wf = example('crm-driven-send.json');
	const node = wf.nodes.find((n: any) => n.name === 'Send chosen campaign now');
	expect(node.parameters.campaignActivityId.value).toContain(CRM_ACTIVITY);
	const before = env.sandbox.requests.length;
	const sendsBefore = env.sandbox.sendLog().length;
	const pre = env.sandbox.v3Activity(CRM_ACTIVITY)!;
	expect(pre.current_status).toBe('DRAFT');
	const listIds = [...pre.contact_list_ids];
	const members = env.sandbox.contacts().filter((c) => listIds.some((l) => c.listIds.has(l)));
	expect(members.length).toBeGreaterThan(0);

	const t0 = env.sandbox.clock.now();
	const r = await run('ccCrmDrivenSend');
	if (!r.ok) throw new Error(failureText(r));
	const out = cli.nodeOutput(r, 'Send chosen campaign now');
	expect(out).toHaveLength(1); // one sample deal -> one schedule

	// the send is processed on the sandbox clock: let its 1 s "executing" phase pass
	env.sandbox.clock.advance(2000);
	const a = env.sandbox.v3Activity(CRM_ACTIVITY)!;
	// Sent, so nothing is pending any more: one run, within this test's time on the sandbox clock.
	expect(a.pending).toBeUndefined();
	expect(a.current_status).toBe('DONE');
	expect(a.runs).toHaveLength(1);
	const sentAt = a.sendLog.map((s) => s.sentAt);
	expect(sentAt.length).toBeGreaterThan(0);
	expect(Math.min(...sentAt)).toBeGreaterThanOrEqual(t0);
	expect(Math.max(...sentAt)).toBeLessThanOrEqual(env.sandbox.clock.now());
	// every list member got it, nobody twice
	const contactIds = a.sendLog.map((s) => s.contactId);
	expect(new Set(contactIds).size).toBe(contactIds.length);
	expect(new Set(contactIds)).toEqual(new Set(members.map((m) => m.contact_id)));
	const global = env.sandbox.sendLog().slice(sendsBefore);
	expect(global.every((s) => s.activityId === CRM_ACTIVITY)).toBe(true);
	expect(global).toHaveLength(contactIds.length);

	const posts = requestsSince(before).filter((q) => q.method === 'POST');
	expect(posts).toHaveLength(1);
	expect(posts[0].path).toContain(`/emails/activities/${CRM_ACTIVITY}/schedules`);
	expect(posts[0].body).toEqual({ scheduled_date: '0' });
	expect(posts[0].status).toBe(201);
	expect(env.sandbox.contractViolations).toEqual([]);
});

test('CRM sync (v3): 50 contacts imported into the list in one import request, one output item per contact, state completed', async () => {
	const wf = example('crm-sync.json');
	const node = wf.nodes.find((n: any) => n.name === 'Import into General Interest');
	expect(node.parameters.operation).toBe('import');
	expect(node.parameters.waitForCompletion).toBe(true);
	expect(node.parameters.contactListIds).toEqual([V3_LIST_GENERAL_INTEREST]);
	const sb = env.sandbox;
	const before = sb.requests.length;
	const activitiesBefore = new Set(sb.activities().map((a) => a.activity_id));
	const contactsBefore = sb.contacts().length;
	expect(sb.contactByEmail('crm.contact01@example.com')).toBeUndefined();

	const r = await run('ccCrmSync');
	if (!r.ok) throw new Error(failureText(r));

	// the CRM stand-in made 50 contacts; the import outputs one item per contact, paired with it
	const source = cli.nodeOutput(r, 'CRM contacts (sample)');
	expect(source).toHaveLength(50);
	const out = cli.nodeOutput(r, 'Import into General Interest');
	expect(out).toHaveLength(source.length);
	const activityIds = new Set(out.map((o: any) => o.activity_id));
	expect(activityIds.size).toBe(1);
	const [activityId] = [...activityIds] as string[];
	expect(activitiesBefore.has(activityId)).toBe(false);
	out.forEach((o: any, i: number) => {
		expect(o.email_address).toBe(source[i].email);
		expect(o.list_ids).toEqual([V3_LIST_GENERAL_INTEREST]);
		expect(o.state).toBe('completed');
	});

	// sandbox state: every contact exists, with its fields, on the list; the activity completed
	for (const c of source) {
		const contact = sb.contactByEmail(c.email);
		expect(contact).toBeDefined();
		expect(contact!.status ?? 'active').not.toBe('deleted');
		expect(contact!.first_name).toBe(c.firstName);
		expect(contact!.last_name).toBe(c.lastName);
		expect(contact!.company_name).toBe(c.company);
		expect(contact!.job_title).toBe(c.jobTitle);
		expect(contact!.listIds.has(V3_LIST_GENERAL_INTEREST)).toBe(true);
	}
	expect(sb.contacts().length).toBe(contactsBefore + 50);
	const activity = sb.activity(activityId)!;
	expect(activity).toBeDefined();
	expect(activity.state).toBe('completed');

	// requests: one import POST carrying all 50, then only status polls (no custom fields, no tags)
	const calls = requestsSince(before).filter((q) => q.api === 'v3');
	const posts = calls.filter((q) => q.method !== 'GET');
	expect(posts).toHaveLength(1);
	expect(posts[0].path).toMatch(/\/activities\/contacts_json_import$/);
	expect((posts[0].body as any).import_data).toHaveLength(50);
	expect((posts[0].body as any).list_ids).toEqual([V3_LIST_GENERAL_INTEREST]);
	const polls = calls.filter((q) => q.method === 'GET');
	expect(polls.every((q) => q.path.endsWith(`/activities/${activityId}`))).toBe(true);
	expect(calls.length).toBeLessThan(15);
	expect(sb.contractViolations).toEqual([]);
});

test('v2 reschedule: every scheduled v2 campaign moves exactly one hour later, nothing else changes', async () => {
	const sb = env.sandbox;
	// A second scheduled campaign, so that "every" means more than one: schedule the first
	// seeded draft that the sandbox accepts, through its own v2 API.
	const future = new Date(Date.now() + 3 * 86400_000).toISOString();
	const auth = `api_key=${encodeURIComponent(sb.secrets.v2ApiKey)}`;
	for (const c of sb.v2Campaigns().filter((x) => x.status === 'DRAFT')) {
		const res = await fetch(`${sb.v2BaseUrl}/emailmarketing/campaigns/${c.id}/schedules?${auth}`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${sb.secrets.v2AccessToken}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ scheduled_date: future }),
		});
		if (res.status === 201) break;
	}
	// The v2 side of the sandbox: every campaign and every schedule, by campaign id.
	const v2State = () =>
		plain({
			campaigns: Object.fromEntries(sb.v2Campaigns().map((c) => [c.id, c])),
			schedules: Object.fromEntries(
				sb.v2Campaigns().flatMap((c) => (sb.v2Schedule(c.id) ? [[c.id, sb.v2Schedule(c.id)]] : [])),
			),
		});
	const beforeState = v2State();
	const scheduledIds = Object.values<any>(beforeState.campaigns)
		.filter((c) => c.status === 'SCHEDULED')
		.map((c) => c.id as string)
		.sort();
	expect(scheduledIds.length).toBeGreaterThanOrEqual(2);
	const before = sb.requests.length;

	const r = await run('ccV2Reschedule');
	if (!r.ok) throw new Error(failureText(r));
	expect(
		cli
			.nodeOutput(r, 'List scheduled campaigns')
			.map((c: any) => String(c.id))
			.sort(),
	).toEqual(scheduledIds);
	const moved = cli.nodeOutput(r, 'Move one hour later');
	expect(moved).toHaveLength(scheduledIds.length);

	const after = v2State();
	for (const id of Object.keys(beforeState.campaigns)) {
		const b = beforeState.campaigns[id];
		const a = after.campaigns[id];
		if (scheduledIds.includes(id)) {
			expect(a.status).toBe('SCHEDULED');
			expect(a.schedule.id).toBe(b.schedule.id);
			expect(Date.parse(a.schedule.scheduled_date) - Date.parse(b.schedule.scheduled_date)).toBe(3600_000);
			expect(after.schedules[id]).toEqual(a.schedule);
			// the campaign itself (name, lists, content...) is untouched
			const strip = (c: any) => ({ ...c.data, modified_date: undefined });
			expect(strip(a)).toEqual(strip(b));
			expect(a.sendLog).toEqual([]);
		} else {
			expect(a).toEqual(b);
		}
	}
	expect(Object.keys(after.campaigns).sort()).toEqual(Object.keys(beforeState.campaigns).sort());
	expect(Object.keys(after.schedules).sort()).toEqual(Object.keys(beforeState.schedules).sort());

	// only reads and one PUT per schedule reached the sandbox
	const writes = requestsSince(before).filter((q) => q.method !== 'GET');
	expect(writes.map((q) => q.method)).toEqual(scheduledIds.map(() => 'PUT'));
	for (const w of writes) expect(w.path).toMatch(/\/emailmarketing\/campaigns\/\d+\/schedules\/\d+$/);
	expect(sb.sendLog().filter((s) => s.api === 'v2')).toEqual([]);
});

test('resend to non-openers (v3): the newsletter goes to the list now, and 2 days after the send once more to those who did not open it', async () => {
	const sb = env.sandbox;
	const wf = example('resend-non-openers.json');
	const node = wf.nodes.find((n: any) => n.name === 'Resend to non-openers after 2 days');
	expect(node.parameters).toMatchObject({ operation: 'createResend', delay: 2, delayUnit: 'days' });
	const before = sb.requests.length;

	const r = await run('ccResendNonOpen');
	if (!r.ok) throw new Error(failureText(r));
	const [created] = cli.nodeOutput(r, 'Create newsletter');
	const activityId: string = created.primary_campaign_activity_id;
	const [addressed] = cli.nodeOutput(r, 'Send to General Interest');
	expect(addressed.contact_list_ids).toEqual([V3_LIST_GENERAL_INTEREST]);
	const subject = `In case you missed it: ${addressed.subject}`;
	const resendOut = cli.nodeOutput(r, 'Resend to non-openers after 2 days');
	expect(resendOut).toEqual([
		expect.objectContaining({
			campaign_activity_id: activityId,
			resend_subject: subject,
			delay_days: 2,
			resend_request_id: 'DRAFT',
		}),
	]);
	expect(cli.nodeOutput(r, 'Send now')).toEqual([
		expect.objectContaining({ campaign_activity_id: activityId, send_now: true }),
	]);

	// requests: the resend is asked for once, in days, before the one send-now schedule
	const writes = requestsSince(before).filter((q) => q.method === 'POST' || q.method === 'PUT');
	expect(writes.map((q) => `${q.method} ${q.path.replace(/[0-9a-f-]{36}/g, '{id}')} ${q.status}`)).toEqual([
		'POST /v3/emails 200',
		'PUT /v3/emails/activities/{id} 200',
		'POST /v3/emails/activities/{id}/non_opener_resends 201',
		'POST /v3/emails/activities/{id}/schedules 201',
	]);
	expect(writes[2].body).toEqual({ resend_subject: subject, delay_days: 2 });

	// the send: every list member once; the resend waits for its date
	sb.clock.advance(2000);
	const activity = sb.v3Activity(activityId)!;
	expect(activity.current_status).toBe('DONE');
	const recipients = new Set(activity.sendLog.map((s) => s.contactId));
	const members = sb.contacts().filter((c) => c.listIds.has(V3_LIST_GENERAL_INTEREST) && c.status !== 'deleted');
	expect(recipients).toEqual(new Set(members.map((m) => m.contact_id)));
	const sentAt = Math.min(...activity.sendLog.map((s) => s.sentAt));
	expect(sb.resends(activityId)).toEqual([
		expect.objectContaining({ state: 'scheduled', delay_minutes: 2 * 1440, sentTo: [] }),
	]);

	// two days after the send: resent once, to recipients only, with the new subject
	sb.clock.advance(sentAt + 2 * 86400_000 - 60_000 - sb.clock.now());
	expect(sb.resends(activityId)[0].state).toBe('scheduled');
	sb.clock.advance(120_000);
	const [resend] = sb.resends(activityId);
	expect(resend.state).toBe('sent');
	for (const id of resend.sentTo) expect(recipients.has(id)).toBe(true);
	const resent = sb.sendLog().filter((s) => s.activityId === activityId && s.followUp === 'resend');
	expect(resent.map((s) => s.contactId).sort()).toEqual([...resend.sentTo].sort());
	expect(resent.length).toBeGreaterThan(0);
	expect(new Set(resent.map((s) => s.subject))).toEqual(new Set([subject]));
	expect(resend.sentTo.length).toBeLessThan(recipients.size);
	expect(sb.contractViolations).toEqual([]);
});

test("a schedule in the past fails with the node's own message, before any request", async () => {
	const before = env.sandbox.requests.length;
	const r = await run('ccE2EPastDate');
	expect(r.ok).toBe(false);
	expect(r.code).not.toBe(0);
	const message = String(r.error?.message ?? '');
	expect(message).toMatch(/"Scheduled Date" is in the past: 2020-01-07T09:00:00\.000-05:00 \(America\/New_York\)/);
	expect(message).toContain('Constant Contact can only schedule a send in the future');
	expect(r.lastNodeExecuted).toBe('Schedule send');
	expect(cli.nodeError(r, 'Schedule send')).toBeDefined();
	// n8n's own output (what a user running the CLI sees) carries the message as well
	expect(r.stdout + r.stderr).toContain('is in the past');
	expect(requestsSince(before).filter((q) => q.api === 'v3' && q.method !== 'GET')).toEqual([]);
});

test('an unknown activity id fails with the node\'s "not found" message', async () => {
	const r = await run('ccE2EUnknownId');
	expect(r.ok).toBe(false);
	// message: the API's own words; description: the node's hint for a 404 on this operation
	expect(String(r.error?.message)).toMatch(new RegExp(`${UNKNOWN_ACTIVITY}.*not found`));
	expect(String(r.error?.description)).toContain(
		`No campaign activity with ID "${UNKNOWN_ACTIVITY}" exists in this Constant Contact account`,
	);
	expect(r.lastNodeExecuted).toBe('Schedule send');
	expect(r.stdout + r.stderr).toContain(UNKNOWN_ACTIVITY);
});
