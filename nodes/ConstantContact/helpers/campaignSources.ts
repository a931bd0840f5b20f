import type { IDataObject } from 'n8n-workflow';

import type { ApiVersion } from './types';

/**
 * How each API lists campaigns, and what it calls their fields and statuses: the one place the
 * trigger's v2 / v3 differences live.
 */
export interface CampaignSource {
	endpoint: string;
	itemsKey: string;
	idKey: string;
	statusKey: string;
	/** The last-change date the list can be filtered on. */
	updatedKey: string;
	/** The creation date, when the list gives one (v2's list does not). */
	createdKey?: string;
	/** Query for campaigns changed at or after `since` (an API date in UTC). */
	changedSince(since: string): IDataObject;
	status: { draft: string; scheduled: string; sent: string; deleted: string };
	/** v2 lists deleted campaigns only when asked for them with this query; v3 lists them always. */
	deletedQuery?: IDataObject;
}

export const campaignSources: Record<ApiVersion, CampaignSource> = {
	v3: {
		endpoint: '/emails',
		itemsKey: 'campaigns',
		idKey: 'campaign_id',
		statusKey: 'current_status',
		updatedKey: 'updated_at',
		createdKey: 'created_at',
		// after_date is exclusive; callers pass a date before the last one they saw.
		changedSince: (since) => ({ after_date: since }),
		status: { draft: 'Draft', scheduled: 'Scheduled', sent: 'Done', deleted: 'Removed' },
	},
	v2: {
		endpoint: '/emailmarketing/campaigns',
		itemsKey: 'results',
		idKey: 'id',
		statusKey: 'status',
		updatedKey: 'modified_date',
		changedSince: (since) => ({ modified_since: since }),
		status: { draft: 'DRAFT', scheduled: 'SCHEDULED', sent: 'SENT', deleted: 'DELETED' },
		deletedQuery: { status: 'DELETED' },
	},
};
