/** What each kind of bulk activity does when it completes, and the tick that gets them there. */
import { advanceActivities, type Completion } from './activity-store';
import { completeContactsActivity } from './bulk-contacts';
import { completeContactExport } from './bulk-export';
import { completeJsonImport } from './bulk-import';
import { completeTagDelete } from './contact-tags';
import type { BulkActivity, BulkKind, SandboxState } from './state';

type Complete = (st: SandboxState, a: BulkActivity, at: number) => Completion;

const COMPLETE: Record<BulkKind, Complete> = {
	...completeContactsActivity,
	contacts_json_import: completeJsonImport,
	contact_exports: completeContactExport,
	tag_delete: completeTagDelete,
	// DELETE /contact_lists/{list_id} takes effect at once; its activity only reports it.
	list_delete: () => 'completed',
};

/** Moves every queued bulk activity along to `now` (sandbox clock), carrying out those that complete. */
export function processActivities(st: SandboxState, now: number): void {
	if (st.bulk.pending.size) advanceActivities(st, now, (a, at) => COMPLETE[a.kind](st, a, at));
}
