import {
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
	NodeOperationError,
} from 'n8n-workflow';

import { campaignSources } from '../helpers/campaignSources';
import type { ApiVersion } from '../helpers/types';
import { apiRequest, apiRequestPage, type Page, type PageRequest } from '../transport';

/** Where a search goes on: the API's own page request, and how many matches of it were shown. */
interface SearchPosition {
	request: PageRequest;
	skip: number;
}

// A filtered search reads up to this many API pages per call before it answers.
const MAX_PAGES_PER_CALL = 5;
const FILTERED_PAGE_SIZE = 500;

/**
 * A page of campaigns for the editor's list: newest first, without deleted ones, filtered by
 * name. A filter that matches little keeps reading API pages (up to MAX_PAGES_PER_CALL) so
 * the list is not empty while matches exist further on; n8n's paginationToken carries where
 * to go on.
 */
async function campaignPage(
	ctx: ILoadOptionsFunctions,
	api: ApiVersion,
	pageSize: number,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<{ campaigns: IDataObject[]; paginationToken?: string }> {
	const listing = campaignSources[api];
	const needle = (filter ?? '').trim().toLowerCase();
	let position: SearchPosition | undefined = paginationToken
		? readToken(ctx, api, paginationToken)
		: { request: { endpoint: listing.endpoint, qs: { limit: needle ? FILTERED_PAGE_SIZE : pageSize } }, skip: 0 };
	const campaigns: IDataObject[] = [];
	for (let pages = 0; position && campaigns.length < pageSize && pages < MAX_PAGES_PER_CALL; pages++) {
		const page: Page = await apiRequestPage.call(ctx, api, listing.endpoint, position.request, listing.itemsKey);
		const matches: IDataObject[] = page.records
			.filter((c) => c[listing.statusKey] !== listing.status.deleted)
			.filter(
				(c) =>
					!needle ||
					String(c.name ?? '')
						.toLowerCase()
						.includes(needle),
			)
			.sort((a, b) => String(b[listing.updatedKey] ?? '').localeCompare(String(a[listing.updatedKey] ?? '')));
		const remaining = matches.slice(position.skip);
		const taken = remaining.slice(0, pageSize - campaigns.length);
		campaigns.push(...taken);
		position =
			taken.length < remaining.length
				? { request: position.request, skip: position.skip + taken.length }
				: page.next && { request: page.next, skip: 0 };
	}
	return { campaigns, paginationToken: position ? JSON.stringify(position) : undefined };
}

/** Only the API's own cursor is taken from a token, for this listing: nothing else is requested. */
function readToken(ctx: ILoadOptionsFunctions, api: ApiVersion, token: string): SearchPosition {
	const listing = campaignSources[api];
	const invalid = () =>
		new NodeOperationError(ctx.getNode(), 'The list cannot go on from here: its page token is not valid', {
			description: 'Close the list and open it again.',
		});
	let parsed: { request?: PageRequest; skip?: unknown };
	try {
		parsed = JSON.parse(token) as typeof parsed;
	} catch {
		throw invalid();
	}
	const skip = Number(parsed?.skip ?? 0);
	const { link, qs } = parsed?.request ?? {};
	if (!Number.isInteger(skip) || skip < 0) throw invalid();
	if (typeof link === 'string') {
		// The credential's host is enforced by transport; the path must be this listing's.
		if (!new URL(link, 'http://host').pathname.endsWith(listing.endpoint)) throw invalid();
		return { request: { link, qs: {} }, skip };
	}
	const cursor: IDataObject = {};
	for (const key of ['next', 'cursor', 'limit']) {
		const value = (qs as IDataObject | undefined)?.[key];
		if (typeof value === 'string' || typeof value === 'number') cursor[key] = value;
	}
	if (Object.keys(cursor).length === 0) throw invalid();
	return { request: { endpoint: listing.endpoint, qs: cursor }, skip };
}

function campaignItems(api: ApiVersion, campaigns: IDataObject[]): INodeListSearchItems[] {
	const { idKey, statusKey } = campaignSources[api];
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
				(await apiRequest.call(
					this,
					'v3',
					'GET',
					`/emails/${encodeURIComponent(String(c.campaign_id))}`,
				)) as IDataObject,
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
