import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { ApiVersion } from '../helpers/types';
import { apiRequest, apiRequestPage, type PageRequest } from '../transport';

interface Listing {
	api: ApiVersion;
	endpoint: string;
	itemsKey: string;
	pageSize: number;
	qs?: IDataObject;
}

/**
 * One API page per call, filtered by name, newest first; the API's cursor travels in
 * n8n's paginationToken so scrolling the list asks for the next page.
 */
async function searchPage(
	ctx: ILoadOptionsFunctions,
	listing: Listing,
	filter: string | undefined,
	paginationToken: string | undefined,
	dateKey: string,
): Promise<{ records: IDataObject[]; paginationToken?: string }> {
	const request: PageRequest = paginationToken
		? (JSON.parse(paginationToken) as PageRequest)
		: { endpoint: listing.endpoint, qs: { ...listing.qs, limit: listing.pageSize } };
	const page = await apiRequestPage.call(ctx, listing.api, listing.endpoint, request, listing.itemsKey);
	const needle = (filter ?? '').trim().toLowerCase();
	const records = page.records
		.filter((r) => !needle || String(r.name ?? '').toLowerCase().includes(needle))
		.sort((a, b) => String(b[dateKey] ?? '').localeCompare(String(a[dateKey] ?? '')));
	return { records, paginationToken: page.next ? JSON.stringify(page.next) : undefined };
}

export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { records, paginationToken: next } = await searchPage(
		this,
		{ api: 'v3', endpoint: '/emails', itemsKey: 'campaigns', pageSize: 100 },
		filter,
		paginationToken,
		'updated_at',
	);
	const results: INodeListSearchItems[] = records
		.filter((c) => c.current_status !== 'Removed')
		.map((c) => ({ name: `${c.name} (${c.current_status})`, value: String(c.campaign_id) }));
	return { results, paginationToken: next };
}

/** Lists each campaign's primary email activity: one detail request per campaign, so small pages. */
export async function searchCampaignActivities(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { records, paginationToken: next } = await searchPage(
		this,
		{ api: 'v3', endpoint: '/emails', itemsKey: 'campaigns', pageSize: 10 },
		filter,
		paginationToken,
		'updated_at',
	);
	const campaigns = records.filter((c) => c.current_status !== 'Removed');
	const details = await Promise.all(
		campaigns.map(
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
	return { results, paginationToken: next };
}

export async function searchV2Campaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { records, paginationToken: next } = await searchPage(
		this,
		{ api: 'v2', endpoint: '/emailmarketing/campaigns', itemsKey: 'results', pageSize: 100 },
		filter,
		paginationToken,
		'modified_date',
	);
	const results: INodeListSearchItems[] = records.map((c) => ({
		name: `${c.name} (${c.status})`,
		value: String(c.id),
	}));
	return { results, paginationToken: next };
}
