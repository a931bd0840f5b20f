import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { ApiVersion } from '../helpers/types';
import { apiRequest, apiRequestPage, type PageRequest } from '../transport';

/** Where each API lists campaigns and how its records are named. */
const CAMPAIGN_LISTINGS = {
	v3: { endpoint: '/emails', itemsKey: 'campaigns', idKey: 'campaign_id', statusKey: 'current_status', dateKey: 'updated_at' },
	v2: { endpoint: '/emailmarketing/campaigns', itemsKey: 'results', idKey: 'id', statusKey: 'status', dateKey: 'modified_date' },
} as const;

/**
 * One API page of campaigns per call, filtered by name, newest first, without deleted ones;
 * the API's cursor travels in n8n's paginationToken so scrolling asks for the next page.
 */
async function campaignPage(
	ctx: ILoadOptionsFunctions,
	api: ApiVersion,
	pageSize: number,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<{ campaigns: IDataObject[]; paginationToken?: string }> {
	const listing = CAMPAIGN_LISTINGS[api];
	const request: PageRequest = paginationToken
		? (JSON.parse(paginationToken) as PageRequest)
		: { endpoint: listing.endpoint, qs: { limit: pageSize } };
	const page = await apiRequestPage.call(ctx, api, listing.endpoint, request, listing.itemsKey);
	const needle = (filter ?? '').trim().toLowerCase();
	const campaigns = page.records
		.filter((c) => !['Removed', 'DELETED'].includes(String(c[listing.statusKey])))
		.filter((c) => !needle || String(c.name ?? '').toLowerCase().includes(needle))
		.sort((a, b) => String(b[listing.dateKey] ?? '').localeCompare(String(a[listing.dateKey] ?? '')));
	return { campaigns, paginationToken: page.next ? JSON.stringify(page.next) : undefined };
}

function campaignItems(api: ApiVersion, campaigns: IDataObject[]): INodeListSearchItems[] {
	const { idKey, statusKey } = CAMPAIGN_LISTINGS[api];
	return campaigns.map((c) => ({ name: `${c.name} (${c[statusKey]})`, value: String(c[idKey]) }));
}

export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await campaignPage(this, 'v3', 100, filter, paginationToken);
	return { results: campaignItems('v3', page.campaigns), paginationToken: page.paginationToken };
}

export async function searchV2Campaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await campaignPage(this, 'v2', 100, filter, paginationToken);
	return { results: campaignItems('v2', page.campaigns), paginationToken: page.paginationToken };
}

/** Each campaign's primary email activity: one detail request per campaign, so small pages. */
export async function searchCampaignActivities(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await campaignPage(this, 'v3', 10, filter, paginationToken);
	const details = await Promise.all(
		page.campaigns.map(
			async (c) =>
				(await apiRequest.call(this, 'v3', 'GET', `/emails/${encodeURIComponent(String(c.campaign_id))}`)) as IDataObject,
		),
	);
	const results: INodeListSearchItems[] = [];
	for (const campaign of details) {
		const activities = (campaign.campaign_activities as IDataObject[] | undefined) ?? [];
		const primary = activities.find((a) => a.role === 'primary_email');
		if (primary) {
			results.push({
				name: `${campaign.name} (primary email, ${campaign.current_status})`,
				value: String(primary.campaign_activity_id),
			});
		}
	}
	return { results, paginationToken: page.paginationToken };
}
