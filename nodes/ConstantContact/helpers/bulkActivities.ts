/**
 * Constant Contact's bulk activities: a POST to /activities/<kind> queues a background job that
 * works on many contacts at once; GET /activities/{id} tells how far it is.
 */
import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	NodeOperationError,
	sleep,
} from 'n8n-workflow';

import { apiRequest } from '../transport';
import type { BatchOutcome } from './types';
import { checkWholeNumber, readBoolean } from './validators';

export interface BulkActivity extends IDataObject {
	activity_id: string;
	state: string;
	percent_done?: number;
	activity_errors?: string[];
	created_at?: string;
	_links?: IDataObject;
}

/** States after which an activity changes no more (contract: Activity.state). */
const FINAL_STATES = ['completed', 'failed', 'cancelled', 'timed_out'];

// Polling starts soon (small activities take a second or two) and backs off, so a long one costs
// a handful of requests from the account's quota.
const FIRST_POLL_MS = 500;
const POLL_BACKOFF = 2;
const POLL_MAX_MS = 15_000;
const MAX_WAIT_DEFAULT_SECONDS = 300;

export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until Constant Contact has processed the job, and output what became of each item. ' +
			'Off: output the queued job (look it up later with Bulk Activity > Get).',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: MAX_WAIT_DEFAULT_SECONDS,
		description: 'How long to wait in all for the job; past it the node stops with the job ID to look up later',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
];

/** The wait settings of the run (the first item's: one job carries many items). */
export function readWait(this: IExecuteFunctions, itemIndex: number): { wait: boolean; maxWaitMs: number } {
	const wait = readBoolean.call(this, 'waitForCompletion', 'Wait for Completion', itemIndex, true);
	if (!wait) return { wait, maxWaitMs: 0 };
	const raw = this.getNodeParameter('maxWaitSeconds', itemIndex, MAX_WAIT_DEFAULT_SECONDS);
	return { wait, maxWaitMs: checkWholeNumber.call(this, raw, 'Max Wait (Seconds)', itemIndex) * 1000 };
}

/**
 * Queues a bulk activity. Each kind has the same effect however often it is sent (imports
 * create-or-update by email; memberships, taggings and deletions are set operations), so a lost
 * answer is retried rather than left unknown.
 */
export async function startActivity(
	this: IExecuteFunctions,
	kind: string,
	body: IDataObject | string,
	itemIndex: number,
): Promise<BulkActivity> {
	return (await apiRequest.call(this, 'v3', 'POST', `/activities/${kind}`, {
		body,
		itemIndex,
		repeatable: true,
	})) as BulkActivity;
}

/** What one activity carries: its body, and the items it is for. */
export interface ActivityJob {
	itemIndexes: number[];
	body: IDataObject | string;
}

/**
 * Queues one activity per job, all before any is waited for, so Constant Contact works on them
 * side by side; a job whose request fails gets its error. Without Continue On Fail none is
 * queued after a failure (`failedBefore`: the run has one already).
 */
export async function startActivities<Job extends ActivityJob>(
	ctx: IExecuteFunctions,
	kind: string,
	jobs: Job[],
	failedBefore: boolean,
): Promise<{ started: Array<{ job: Job; queued: BulkActivity }>; failed: BatchOutcome[] }> {
	const started: Array<{ job: Job; queued: BulkActivity }> = [];
	const failed: BatchOutcome[] = [];
	for (const job of jobs) {
		if ((failedBefore || failed.length > 0) && !ctx.continueOnFail()) break;
		try {
			started.push({ job, queued: await startActivity.call(ctx, kind, job.body, job.itemIndexes[0]) });
		} catch (error) {
			failed.push({ itemIndexes: job.itemIndexes, error: error as Error });
		}
	}
	return { started, failed };
}

/** Polls the activity until it is final, within `maxWaitMs` of waiting in all. */
export async function waitForActivity(
	this: IExecuteFunctions,
	activity: BulkActivity,
	maxWaitMs: number,
	itemIndex: number,
): Promise<BulkActivity> {
	let current = activity;
	let waitedMs = 0;
	let delayMs = FIRST_POLL_MS;
	while (!FINAL_STATES.includes(current.state)) {
		if (waitedMs >= maxWaitMs) throw stillRunning.call(this, current, waitedMs, itemIndex);
		const pause = Math.min(delayMs, maxWaitMs - waitedMs);
		await sleep(pause);
		waitedMs += pause;
		delayMs = Math.min(delayMs * POLL_BACKOFF, POLL_MAX_MS);
		current = (await apiRequest.call(this, 'v3', 'GET', `/activities/${encodeURIComponent(activity.activity_id)}`, {
			itemIndex,
			notFound: `Bulk activity "${activity.activity_id}" no longer exists in this Constant Contact account`,
		})) as BulkActivity;
	}
	return current;
}

function stillRunning(
	this: IExecuteFunctions,
	activity: BulkActivity,
	waitedMs: number,
	itemIndex: number,
): NodeOperationError {
	const done = activity.percent_done === undefined ? '' : `, ${activity.percent_done}% done`;
	return new NodeOperationError(
		this.getNode(),
		`Constant Contact is still processing bulk activity "${activity.activity_id}" (${activity.state}${done}) ` +
			`after ${Math.round(waitedMs / 1000)} s`,
		{
			itemIndex,
			description:
				'Nothing is lost: the job goes on. Look it up later with Bulk Activity > Get and this ID, or raise ' +
				'"Max Wait (Seconds)".',
		},
	);
}

/** The error of an activity that ended without completing, or undefined when it completed. */
export function activityFailure(
	this: IExecuteFunctions,
	activity: BulkActivity,
	itemIndex: number,
): NodeOperationError | undefined {
	if (activity.state === 'completed') return undefined;
	const said = (activity.activity_errors ?? []).join(' ');
	return new NodeOperationError(
		this.getNode(),
		`Constant Contact did not complete bulk activity "${activity.activity_id}": it ended ${activity.state}`,
		{ itemIndex, description: said ? `Constant Contact says: ${said}` : undefined },
	);
}

// Row errors of an import read "Line N: reason", N counting a header line as line 1, as
// Constant Contact's importer numbers CSV lines (the JSON rows are imported the same way).
const LINE_ERROR = /^Line (\d+):\s*(.*)$/;
const FIRST_ROW_LINE = 2;

/** An import's row errors by row (0 = the first contact sent in it). */
export function rowErrors(activity: BulkActivity): Map<number, string> {
	const byRow = new Map<number, string>();
	for (const message of activity.activity_errors ?? []) {
		const match = LINE_ERROR.exec(message);
		if (!match) continue;
		const row = Number(match[1]) - FIRST_ROW_LINE;
		byRow.set(row, byRow.has(row) ? `${byRow.get(row)}; ${match[2]}` : match[2]);
	}
	return byRow;
}

/** What an activity says about one contact id (an unknown contact, say), if anything. */
export function contactErrors(activity: BulkActivity, contactId: string): string | undefined {
	const said = (activity.activity_errors ?? []).filter((message) => message.includes(contactId));
	return said.length ? said.join('; ') : undefined;
}

/** The output of a queued activity (Wait for Completion off): the job, to look up later. */
export function queuedJson(activity: BulkActivity, extra: IDataObject = {}): IDataObject {
	return { activity_id: activity.activity_id, state: activity.state, ...extra };
}
