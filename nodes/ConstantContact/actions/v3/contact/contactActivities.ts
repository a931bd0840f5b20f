/**
 * Bulk activities on existing contacts (list memberships, tags, deletion): the contacts of all
 * items in as few activities as the API allows, and what became of each item.
 */
import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { inBatches, requestIdsOfItems } from '../../../helpers/batches';
import {
	activityFailure,
	type BulkActivity,
	contactErrors,
	queuedJson,
	readWait,
	startActivities,
	waitForActivity,
	waitFields,
} from '../../../helpers/bulkActivities';
import { checkUuid } from '../../../helpers/ids';
import { ACTIVITY_CONTACT_IDS_MAX, CONTACT_EMAIL_MAX } from '../../../helpers/limits';
import { readOption } from '../../../helpers/options';
import type { BatchOutcome } from '../../../helpers/types';
import { requiredEmail } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { CONTACT_BY } from './shared';

const contactByField: INodeProperties = {
	displayName: 'Contact By',
	name: 'contactBy',
	type: 'options',
	options: CONTACT_BY,
	default: 'id',
	description: 'How each item names its contact. IDs cost no request; each email costs one lookup.',
};

/** Which contact each item is about, then the operation's own fields, then the wait settings. */
export function contactActivityFields(own: INodeProperties[]): INodeProperties[] {
	return [
		contactByField,
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1618ae62-4752-11e9-9c8a-fa163e6b01c1',
			displayOptions: { show: { contactBy: ['id'] } },
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			displayOptions: { show: { contactBy: ['email'] } },
		},
		...own,
		...waitFields,
	];
}

export interface ContactActivity {
	/** The activity's path under /activities/. */
	kind: string;
	/** The item's targets (lists or tags), checked; [] when the activity has none. */
	readTargets(this: IExecuteFunctions, itemIndex: number): string[];
	body(contactIds: string[], targets: string[]): IDataObject;
	/** The key of the targets in the output, e.g. 'list_ids'. */
	targetsKey?: string;
}

export type Wait = ReturnType<typeof readWait>;

export interface ItemContact {
	itemIndex: number;
	contactId: string;
	email?: string;
	targets: string[];
}

/** Runs `activity` for the contacts of all items. */
export async function runContactActivities(
	this: IExecuteFunctions,
	itemIndexes: number[],
	activity: ContactActivity,
): Promise<BatchOutcome[]> {
	let wait: Wait;
	try {
		wait = readWait.call(this, itemIndexes[0]);
	} catch (error) {
		return [{ itemIndexes, error: error as Error }];
	}
	const { contacts, failed } = await readContacts.call(this, itemIndexes, activity);
	return [...failed, ...(await runForContacts.call(this, contacts, activity, wait, failed.length > 0))];
}

/**
 * Runs `activity` for `contacts`, one activity per 500 contacts with the same targets; started
 * all before waiting, so Constant Contact works on them side by side. Without Continue On Fail,
 * none starts after a failure.
 */
export async function runForContacts(
	this: IExecuteFunctions,
	contacts: ItemContact[],
	activity: ContactActivity,
	wait: Wait,
	failedBefore = false,
): Promise<BatchOutcome[]> {
	const jobs = inJobs(contacts).map((contacts) => ({
		contacts,
		itemIndexes: contacts.map((contact) => contact.itemIndex),
		body: activity.body([...new Set(contacts.map((contact) => contact.contactId))], contacts[0].targets),
	}));
	const { started, failed } = await startActivities(this, activity.kind, jobs, failedBefore);
	const outcomes: BatchOutcome[] = [...failed];
	for (const { job, queued } of started) {
		outcomes.push(...(await jobOutcomes.call(this, job.contacts, queued, wait, activity.targetsKey)));
	}
	return outcomes;
}

/** Each item's contact id (emails looked up, one request each) and targets; bad items fail alone. */
async function readContacts(
	this: IExecuteFunctions,
	itemIndexes: number[],
	activity: ContactActivity,
): Promise<{ contacts: ItemContact[]; failed: BatchOutcome[] }> {
	const read: Array<ItemContact & { byEmail: boolean }> = [];
	const failed: BatchOutcome[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			const byEmail = readOption.call(this, contactByField, itemIndex) === 'email';
			const contactId = byEmail
				? requiredEmail.call(this, 'email', 'Email', itemIndex, CONTACT_EMAIL_MAX).toLowerCase()
				: checkUuid.call(this, this.getNodeParameter('contactId', itemIndex, ''), 'Contact ID', itemIndex);
			read.push({ itemIndex, contactId, byEmail, targets: activity.readTargets.call(this, itemIndex) });
		} catch (error) {
			failed.push({ itemIndexes: [itemIndex], error: error as Error });
		}
	}
	const byEmail = read.filter((contact) => contact.byEmail);
	const lookups = await requestIdsOfItems(
		byEmail.map(({ itemIndex, contactId }) => ({ itemIndex, ids: [contactId] })),
		1,
		async ([email], itemIndex) => await contactIdOf.call(this, email, itemIndex),
	);
	const contacts: ItemContact[] = [];
	for (const { byEmail: isEmail, ...contact } of read) {
		const lookup = isEmail ? lookups.get(contact.contactId) : undefined;
		if (!lookup) contacts.push(contact);
		else if ('answer' in lookup) contacts.push({ ...contact, contactId: lookup.answer, email: contact.contactId });
		else failed.push({ itemIndexes: [contact.itemIndex], error: lookup.error });
	}
	return { contacts, failed };
}

export async function contactIdOf(this: IExecuteFunctions, email: string, itemIndex: number): Promise<string> {
	const page = (await apiRequest.call(this, 'v3', 'GET', '/contacts', {
		qs: { email, status: 'all', limit: 1 },
		itemIndex,
	})) as IDataObject;
	const [contact] = (page.contacts as IDataObject[] | undefined) ?? [];
	if (!contact) {
		throw new NodeOperationError(this.getNode(), `No contact with email "${email}" exists in this account`, {
			itemIndex,
			description: 'Check "Email", or add the contact first (Contact > Create or Update, or Contact > Import).',
		});
	}
	return String(contact.contact_id);
}

/** Contacts with the same targets share activities, at most the API's contacts per activity each. */
function inJobs(contacts: ItemContact[]): ItemContact[][] {
	const byTargets = new Map<string, ItemContact[]>();
	for (const contact of contacts) {
		const key = [...contact.targets].sort().join(',');
		const group = byTargets.get(key);
		if (group) group.push(contact);
		else byTargets.set(key, [contact]);
	}
	const jobs: ItemContact[][] = [];
	for (const group of byTargets.values()) {
		const ids = inBatches([...new Set(group.map((contact) => contact.contactId))], ACTIVITY_CONTACT_IDS_MAX);
		const jobOf = new Map(ids.flatMap((batch, n) => batch.map((id): [string, number] => [id, n])));
		const grouped = ids.map((): ItemContact[] => []);
		for (const contact of group) grouped[jobOf.get(contact.contactId) as number].push(contact);
		jobs.push(...grouped);
	}
	return jobs;
}

async function jobOutcomes(
	this: IExecuteFunctions,
	job: ItemContact[],
	queued: BulkActivity,
	{ wait, maxWaitMs }: Wait,
	targetsKey?: string,
): Promise<BatchOutcome[]> {
	const itemIndexes = job.map((contact) => contact.itemIndex);
	const targets = targetsKey ? { [targetsKey]: job[0].targets } : {};
	if (!wait) return [{ itemIndexes, json: queuedJson(queued, { contacts: itemIndexes.length, ...targets }) }];
	let done: BulkActivity;
	try {
		done = await waitForActivity.call(this, queued, maxWaitMs, itemIndexes[0]);
	} catch (error) {
		return [{ itemIndexes, error: error as Error }];
	}
	const failure = activityFailure.call(this, done, itemIndexes[0]);
	if (failure) return [{ itemIndexes, error: failure }];
	return job.map(({ itemIndex, contactId, email }): BatchOutcome => {
		const said = contactErrors(done, contactId);
		if (said) {
			return {
				itemIndexes: [itemIndex],
				error: new NodeOperationError(this.getNode(), `Constant Contact skipped contact "${contactId}": ${said}`, {
					itemIndex,
					description: `Bulk activity "${done.activity_id}" did the other contacts.`,
				}),
			};
		}
		const contact = email ? { contact_id: contactId, email_address: email } : { contact_id: contactId };
		return { itemIndexes: [itemIndex], json: { ...contact, ...targets, ...queuedJson(done) } };
	});
}
