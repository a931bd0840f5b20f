import { type IDataObject, type INodeExecutionData, type IPollFunctions, NodeOperationError } from 'n8n-workflow';

import { type CampaignSource, campaignSources } from '../ConstantContact/helpers/campaignSources';
import { parseDate, toApiDate } from '../ConstantContact/helpers/dates';
import { apiOf } from '../ConstantContact/helpers/description';
import type { ApiVersion } from '../ConstantContact/helpers/types';
import { listCampaigns } from './campaigns';
import { type CampaignEvent, eventOptions, isEvent, previousStatus, sampleOf } from './events';

/**
 * Each poll reads again from this long before the newest change it has seen, so a change
 * stamped late (clock skew, replication lag, several changes in the same millisecond) is not
 * missed. The statuses recorded at the last poll keep the overlap from repeating events.
 */
const LOOKBACK_MS = 5 * 60 * 1000;

/** What the trigger keeps in the workflow's static data between polls. */
interface WatchState {
	api: ApiVersion;
	/** The newest updated_at (v3) / modified_date (v2) seen; absent while the account has no campaign. */
	watermark?: string;
	/** The status of every campaign seen, by id, as of the last poll (deleted ones are dropped). */
	statuses: Record<string, string>;
}

export async function pollCampaigns(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const api = apiOf(this.getNodeParameter('authentication', 'oAuth2') as string);
	const event = this.getNodeParameter('event') as CampaignEvent;
	if (this.getMode() === 'manual') return await latestExample.call(this, api, event);

	const source = campaignSources[api];
	const staticData = this.getWorkflowStaticData('node');
	const previous = readState(staticData, api);
	const sinceMs = previous?.watermark ? (millis(this, previous.watermark) ?? 0) - LOOKBACK_MS : undefined;
	const qs = sinceMs === undefined ? {} : source.changedSince(apiDate(this, sinceMs));
	// The first poll records every campaign's status; later ones read what changed since.
	const withDeleted = previous !== undefined && event === 'campaignStatusChanged';
	const campaigns = await listCampaigns.call(this, api, qs, withDeleted);

	const statuses = { ...(previous?.statuses ?? {}) };
	let newest = previous?.watermark ? millis(this, previous.watermark) : undefined;
	const found: Array<{ json: IDataObject; updated: number }> = [];
	for (const campaign of campaigns) {
		const id = String(campaign[source.idKey]);
		const after = String(campaign[source.statusKey]);
		const updated = millis(this, campaign[source.updatedKey]) ?? 0;
		const created = source.createdKey ? millis(this, campaign[source.createdKey]) : undefined;
		const change = {
			before: statuses[id],
			after,
			isNew: statuses[id] === undefined && (sinceMs === undefined || created === undefined || created >= sinceMs),
		};
		if (after === source.status.deleted) delete statuses[id];
		else statuses[id] = after;
		if (newest === undefined || updated > newest) newest = updated;
		if (previous && isEvent(event, source, change)) {
			const json: IDataObject = { ...campaign, event };
			const before = previousStatus(event, source, change);
			if (before !== undefined) json.previous_status = before;
			found.push({ json, updated });
		}
	}

	// Written only now that every request has succeeded: a failed poll leaves the old state, and
	// the next poll reads again from the old watermark.
	staticData.api = api;
	staticData.statuses = statuses;
	if (newest === undefined) delete staticData.watermark;
	else staticData.watermark = apiDate(this, newest);

	if (!found.length) return null;
	found.sort((a, b) => a.updated - b.updated);
	return [this.helpers.returnJsonArray(found.map((f) => f.json))];
}

/** The stored state, if it was made for this API (changing the credential starts afresh). */
function readState(staticData: IDataObject, api: ApiVersion): WatchState | undefined {
	if (staticData.api !== api || typeof staticData.statuses !== 'object' || staticData.statuses === null)
		return undefined;
	return {
		api,
		watermark: typeof staticData.watermark === 'string' ? staticData.watermark : undefined,
		statuses: staticData.statuses as Record<string, string>,
	};
}

/** Manual test: the latest campaign that is an example of the event; the stored state is not touched. */
async function latestExample(
	this: IPollFunctions,
	api: ApiVersion,
	event: CampaignEvent,
): Promise<INodeExecutionData[][]> {
	const source: CampaignSource = campaignSources[api];
	const { keep, dateKey } = sampleOf(event, source);
	let latest: { campaign: IDataObject; date: number } | undefined;
	for (const campaign of await listCampaigns.call(this, api, {}, false)) {
		const date = millis(this, campaign[dateKey]) ?? 0;
		if (keep(campaign) && (!latest || date > latest.date)) latest = { campaign, date };
	}
	if (!latest) {
		const name = eventOptions.find((o) => o.value === event)?.name ?? event;
		throw new NodeOperationError(this.getNode(), `No campaign in this account is an example of "${name}" yet`, {
			description:
				'When you test the trigger it shows the latest matching campaign. Once the workflow is active, it starts the ' +
				'workflow for each new matching change.',
		});
	}
	return [this.helpers.returnJsonArray([{ ...latest.campaign, event }])];
}

function apiDate(ctx: IPollFunctions, ms: number): string {
	return toApiDate(parseDate(ctx.getNode(), ms, 'date', 'UTC'));
}

/** A date from the API in epoch milliseconds; undefined if it is missing or not a date. */
function millis(ctx: IPollFunctions, value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	try {
		return parseDate(ctx.getNode(), value, 'date', 'UTC').toMillis();
	} catch {
		return undefined;
	}
}
