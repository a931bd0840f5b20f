/** Tags of imported contacts: an import cannot carry them, so they follow it as taggings activities. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { BulkActivity } from '../../../helpers/bulkActivities';
import { parseDate, toApiDate } from '../../../helpers/dates';
import { PAGE_SIZE_MAX } from '../../../helpers/limits';
import type { BatchOutcome } from '../../../helpers/types';
import { apiRequestAllItems } from '../../../transport';
import { contactIdOf, type ItemContact, runForContacts, type Wait } from './contactActivities';
import type { ImportRow } from './importRows';
import { tagsActivity } from './shared';

/**
 * The outcome of each imported row: its import result, and for rows with tags, the tagging too.
 * The imported contacts' ids come from one listing of the contacts changed since the import
 * began (500 a page), not a request per contact.
 */
export async function tagImported(
	this: IExecuteFunctions,
	imported: Array<{ row: ImportRow; json: IDataObject }>,
	activity: BulkActivity,
	wait: Wait,
): Promise<BatchOutcome[]> {
	const plain = imported.filter(({ row }) => row.tagIds.length === 0);
	const tagged = imported.filter(({ row }) => row.tagIds.length > 0);
	const outcomes: BatchOutcome[] = plain.map(({ row, json }) => ({ itemIndexes: [row.itemIndex], json }));
	if (tagged.length === 0) return outcomes;
	let contacts: ItemContact[];
	try {
		contacts = await idsOfImported.call(
			this,
			tagged.map(({ row }) => row),
			activity,
		);
	} catch (error) {
		return [...outcomes, ...tagged.map(({ row }) => ({ itemIndexes: [row.itemIndex], error: error as Error }))];
	}
	const imports = new Map(tagged.map(({ row, json }) => [row.itemIndex, json]));
	const taggings = await runForContacts.call(this, contacts, tagsActivity('contacts_taggings_add'), wait);
	return [...outcomes, ...taggings.map((tagging) => withImport(tagging, imports))];
}

async function idsOfImported(
	this: IExecuteFunctions,
	rows: ImportRow[],
	activity: BulkActivity,
): Promise<ItemContact[]> {
	const itemIndex = rows[0].itemIndex;
	const since = toApiDate(parseDate(this.getNode(), activity.created_at, 'created_at', 'UTC').minus({ seconds: 1 }));
	const changed = await apiRequestAllItems.call(this, 'v3', '/contacts', {
		itemsKey: 'contacts',
		qs: { updated_after: since, lists: rows[0].listIds[0], status: 'all', limit: PAGE_SIZE_MAX },
		itemIndex,
	});
	const byEmail = new Map(
		changed.map((contact) => [
			String((contact.email_address as IDataObject | undefined)?.address).toLowerCase(),
			contact,
		]),
	);
	const contacts: ItemContact[] = [];
	for (const row of rows) {
		const email = (row.email as string).toLowerCase();
		const found = byEmail.get(email)?.contact_id;
		const contactId = found ? String(found) : await contactIdOf.call(this, email, row.itemIndex);
		contacts.push({ itemIndex: row.itemIndex, contactId, email, targets: row.tagIds });
	}
	return contacts;
}

function withImport(tagging: BatchOutcome, imports: Map<number, IDataObject>): BatchOutcome {
	const [itemIndex] = tagging.itemIndexes;
	if ('error' in tagging) {
		tagging.error.message = `Imported, but not tagged: ${tagging.error.message}`;
		return tagging;
	}
	const tagJson = tagging.json as IDataObject;
	return {
		itemIndexes: tagging.itemIndexes,
		json: {
			...imports.get(itemIndex),
			contact_id: tagJson.contact_id,
			tag_ids: tagJson.tag_ids,
			tagging_activity_id: tagJson.activity_id,
		},
	};
}
