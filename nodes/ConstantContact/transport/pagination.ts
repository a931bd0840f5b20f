import type { IDataObject } from 'n8n-workflow';

import { PAGE_SIZE_MAX } from '../helpers/limits';
import type { ApiVersion } from '../helpers/types';
import { apiStyles, type PageRequest } from './apiStyles';
import type { ApiContext } from './connection';
import { apiRequest } from './request';

export type { PageRequest };

export interface ListOptions {
	qs?: IDataObject;
	/** Where the records are in a v3 page (`campaigns`, `lists`...); v2 pages use `results`. */
	itemsKey: string;
	/** Stop after this many records; undefined = all. */
	limit?: number;
	/** The endpoint's largest page (contract `limit` maximum), when below PAGE_SIZE_MAX. */
	pageSize?: number;
	/** Records to skip (counted neither against the limit nor in the output). */
	keep?: (record: IDataObject) => boolean;
	/** What to tell the user on a 404 (e.g. the activity of a report does not exist). */
	notFound?: string;
	itemIndex?: number;
}

export interface Page {
	records: IDataObject[];
	next?: PageRequest;
}

/** One page of a listing; `next` is how to ask for the following one, in the API's own style. */
export async function apiRequestPage(
	this: ApiContext,
	api: ApiVersion,
	endpoint: string,
	page: PageRequest,
	itemsKey: string,
	itemIndex?: number,
	notFound?: string,
): Promise<Page> {
	const style = apiStyles[api];
	const body = ((await apiRequest.call(this, api, 'GET', page.endpoint ?? endpoint, {
		qs: page.qs,
		link: page.link,
		notFound,
		itemIndex,
	})) ?? {}) as IDataObject;
	return { records: style.items(body, itemsKey), next: style.nextPage(body, endpoint) };
}

/** The one pagination loop for both APIs (each API's page style is in apiStyles.ts). */
export async function apiRequestAllItems(
	this: ApiContext,
	api: ApiVersion,
	endpoint: string,
	options: ListOptions,
): Promise<IDataObject[]> {
	const wanted = options.limit ?? Infinity;
	const records: IDataObject[] = [];
	let request: PageRequest | undefined = {
		endpoint,
		qs: { ...options.qs, limit: Math.min(wanted, options.pageSize ?? PAGE_SIZE_MAX) },
	};
	while (request && records.length < wanted) {
		const page: Page = await apiRequestPage.call(
			this,
			api,
			endpoint,
			request,
			options.itemsKey,
			options.itemIndex,
			options.notFound,
		);
		for (const record of page.records) {
			if (records.length >= wanted) break;
			if (!options.keep || options.keep(record)) records.push(record);
		}
		request = page.next;
	}
	return records;
}
