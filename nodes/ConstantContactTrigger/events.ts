import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { CampaignSource } from '../ConstantContact/helpers/campaignSources';

export type CampaignEvent = 'campaignScheduled' | 'campaignSent' | 'campaignStatusChanged' | 'newCampaign';

export const eventOptions: INodePropertyOptions[] = [
	{
		name: 'Campaign Scheduled',
		value: 'campaignScheduled',
		description: 'A campaign was scheduled to be sent (or sent now)',
	},
	{
		name: 'Campaign Sent',
		value: 'campaignSent',
		description: 'A campaign finished sending (status Done in API v3, Sent in API v2)',
	},
	{
		name: 'Campaign Status Changed',
		value: 'campaignStatusChanged',
		description: 'Any change of a campaign status, deletion included',
	},
	{
		name: 'New Campaign',
		value: 'newCampaign',
		description: 'A campaign was created',
	},
];

/** A campaign's status now and at the previous poll. */
export interface Change {
	/** The status recorded at the previous poll; undefined when the campaign was not seen before. */
	before?: string;
	after: string;
	/** Created since the previous poll. */
	isNew: boolean;
}

/** Whether `change` is `event`. Each event is a status transition, so it matches once. */
export function isEvent(event: CampaignEvent, source: CampaignSource, change: Change): boolean {
	const { before, after, isNew } = change;
	switch (event) {
		case 'newCampaign':
			return isNew && after !== source.status.deleted;
		case 'campaignScheduled':
			return after === source.status.scheduled && before !== after;
		case 'campaignSent':
			return after === source.status.sent && before !== after;
		case 'campaignStatusChanged':
			if (before !== undefined) return before !== after;
			// Campaigns are created as drafts: a new one already in another status has changed.
			return isNew && after !== source.status.draft && after !== source.status.deleted;
	}
}

/** The status before the change, where it is known. */
export function previousStatus(event: CampaignEvent, source: CampaignSource, change: Change): string | undefined {
	if (event === 'newCampaign') return undefined;
	return change.before ?? (change.isNew ? source.status.draft : undefined);
}

/** Manual test: which campaigns are examples of the event, and the date that makes one the latest. */
export function sampleOf(event: CampaignEvent, source: CampaignSource) {
	const status = (c: IDataObject) => c[source.statusKey];
	const keep: Record<CampaignEvent, (c: IDataObject) => boolean> = {
		campaignScheduled: (c) => status(c) === source.status.scheduled,
		campaignSent: (c) => status(c) === source.status.sent,
		campaignStatusChanged: (c) => status(c) !== source.status.deleted,
		newCampaign: (c) => status(c) !== source.status.deleted,
	};
	const dateKey = event === 'newCampaign' ? (source.createdKey ?? source.updatedKey) : source.updatedKey;
	return { keep: keep[event], dateKey };
}
