import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import {
	activityFailure,
	type BulkActivity,
	queuedJson,
	readWait,
	rowErrors,
	startActivities,
	waitFields,
	waitForActivity,
} from '../../../helpers/bulkActivities';
import { CUSTOM_FIELDS_PAGE_SIZE_MAX, IMPORT_BODY_BYTES_MAX, IMPORT_CONTACTS_MAX } from '../../../helpers/limits';
import type { BatchOutcome, OperationOption } from '../../../helpers/types';
import { apiRequestAllItems } from '../../../transport';
import { type Wait } from './contactActivities';
import { type ImportJob, packImports } from './importJobs';
import { type CustomFieldNames, type ImportRow, importProperties, namedRows, readRows } from './importRows';
import { tagImported } from './importTags';

export const option: OperationOption = {
	name: 'Import',
	description: 'Create or update many contacts in a few requests (up to 40,000 or 4 MB each): for a sync',
	action: 'Import contacts',
};

export const endpoints = [
	'POST /activities/contacts_json_import',
	'GET /activities/{activity_id}',
	'GET /contact_custom_fields',
	'GET /contacts',
	'POST /activities/contacts_taggings_add',
];

export const properties: INodeProperties[] = [...importProperties, ...waitFields];

/** All items in as few imports as the API's limits allow; with waiting, one result per contact. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchOutcome[]> {
	let wait: Wait;
	try {
		wait = readWait.call(this, itemIndexes[0]);
	} catch (error) {
		return [{ itemIndexes, error: error as Error }];
	}
	const { drafts, failed: unread } = readRows.call(this, itemIndexes);
	// Without Continue On Fail a bad item fails the run: send nothing at all.
	if (unread.length && !this.continueOnFail()) return unread;
	let named: ReturnType<typeof namedRows>;
	try {
		const names = drafts.some((draft) => draft.customFields.length)
			? await readCustomFieldNames.call(this, drafts[0].itemIndex)
			: new Map<string, string>();
		named = namedRows.call(this, drafts, names);
	} catch (error) {
		return [...unread, { itemIndexes: drafts.map((draft) => draft.itemIndex), error: error as Error }];
	}
	const { rows } = named;
	const failed = [...unread, ...named.failed];
	// Tags go on after the import is done, so they need the wait.
	const untaggable = wait.wait ? [] : rows.filter((row) => row.tagIds.length > 0);
	const { jobs, tooLarge } = packImports(
		rows.filter((row) => !untaggable.includes(row)),
		{ bytes: IMPORT_BODY_BYTES_MAX, contacts: IMPORT_CONTACTS_MAX },
	);
	const outcomes: BatchOutcome[] = [
		...failed,
		...untaggable.map((row) => needsWait.call(this, row)),
		...tooLarge.map((row) => tooLargeOutcome.call(this, row)),
	];
	const activityJobs = jobs.map((job) => ({ ...job, itemIndexes: job.rows.map((row) => row.itemIndex) }));
	const { started, failed: unstarted } = await startActivities(
		this,
		'contacts_json_import',
		activityJobs,
		outcomes.length > 0,
	);
	outcomes.push(...unstarted);
	for (const { job, queued } of started) outcomes.push(...(await jobOutcomes.call(this, job, queued, wait)));
	return outcomes;
}

async function readCustomFieldNames(this: IExecuteFunctions, itemIndex: number): Promise<CustomFieldNames> {
	const fields = await apiRequestAllItems.call(this, 'v3', '/contact_custom_fields', {
		itemsKey: 'custom_fields',
		pageSize: CUSTOM_FIELDS_PAGE_SIZE_MAX,
		itemIndex,
	});
	return new Map(fields.map((field) => [String(field.custom_field_id), String(field.name)]));
}

function needsWait(this: IExecuteFunctions, row: ImportRow): BatchOutcome {
	const message = '"Tags" are added once the import is done: turn on "Wait for Completion"';
	return {
		itemIndexes: [row.itemIndex],
		error: new NodeOperationError(this.getNode(), message, {
			itemIndex: row.itemIndex,
			description: 'Or tag the contacts later with Contact > Add Tags.',
		}),
	};
}

function tooLargeOutcome(this: IExecuteFunctions, row: ImportRow): BatchOutcome {
	return {
		itemIndexes: [row.itemIndex],
		error: new NodeOperationError(
			this.getNode(),
			`This contact is ${row.bytes} bytes as JSON: more than one import request may carry ` +
				`(${IMPORT_BODY_BYTES_MAX} bytes)`,
			{ itemIndex: row.itemIndex, description: 'Shorten its fields; Constant Contact would drop what lies past 4 MB.' },
		),
	};
}

async function jobOutcomes(
	this: IExecuteFunctions,
	job: ImportJob,
	queued: BulkActivity,
	wait: Wait,
): Promise<BatchOutcome[]> {
	const itemIndexes = job.rows.map((row) => row.itemIndex);
	if (!wait.wait) return [{ itemIndexes, json: queuedJson(queued, { contacts: job.rows.length }) }];
	let done: BulkActivity;
	try {
		done = await waitForActivity.call(this, queued, wait.maxWaitMs, itemIndexes[0]);
	} catch (error) {
		return [{ itemIndexes, error: error as Error }];
	}
	const errors = rowErrors(done);
	// An import whose every row was refused ends failed: each item still gets its own reason.
	const failure = activityFailure.call(this, done, itemIndexes[0]);
	if (failure && errors.size < job.rows.length) return [{ itemIndexes, error: failure }];
	const imported: Array<{ row: ImportRow; json: IDataObject }> = [];
	const outcomes: BatchOutcome[] = [];
	job.rows.forEach((row, n) => {
		const said = errors.get(n);
		if (said === undefined) imported.push({ row, json: rowJson(row, done) });
		else outcomes.push(rowError.call(this, row, said, done, job.rows.length - errors.size));
	});
	return [...outcomes, ...(await tagImported.call(this, imported, done, wait))];
}

function rowJson(row: ImportRow, activity: BulkActivity): IDataObject {
	const contact: IDataObject = {};
	if (row.email) contact.email_address = row.email;
	if (row.smsNumber) contact.sms_number = row.smsNumber;
	return { ...contact, list_ids: row.listIds, ...queuedJson(activity) };
}

function rowError(
	this: IExecuteFunctions,
	row: ImportRow,
	said: string,
	activity: BulkActivity,
	importedCount: number,
): BatchOutcome {
	const who = row.email ?? row.smsNumber;
	return {
		itemIndexes: [row.itemIndex],
		error: new NodeOperationError(this.getNode(), `Constant Contact did not import contact "${who}": ${said}`, {
			itemIndex: row.itemIndex,
			description: `Bulk activity "${activity.activity_id}" imported the other ${importedCount} contacts of its request.`,
		}),
	};
}
