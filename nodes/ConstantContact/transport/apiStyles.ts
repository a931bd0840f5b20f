import type { IDataObject } from 'n8n-workflow';

import type { ApiVersion } from '../helpers/types';

/** A page request: either a path under the base URL with a query, or a link the API gave us. */
export interface PageRequest {
	endpoint?: string;
	link?: string;
	qs: IDataObject;
}

/**
 * The differences between Constant Contact's two APIs, kept in one place so operations
 * never ask which API they speak to.
 */
export interface ApiStyle {
	version: ApiVersion;
	credentialType: string;
	/** The API's own error messages from an error body. */
	errorMessages(body: unknown): string[];
	errorKeys(body: unknown): string[];
	/** The answer proves the request was refused for rate, so it was not processed. */
	isThrottled(status: number, body: unknown): boolean;
	/** The daily quota is used up: retrying today is pointless. */
	isQuotaExceeded(status: number, body: unknown): boolean;
	items(body: IDataObject, itemsKey: string): IDataObject[];
	nextPage(body: IDataObject, endpoint: string): PageRequest | undefined;
	authHint: string;
}

function errorEntries(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body.filter((e): e is IDataObject => typeof e === 'object' && e !== null);
	if (typeof body === 'object' && body !== null) return [body as IDataObject];
	return [];
}

const errorMessages = (body: unknown) =>
	errorEntries(body)
		.map((e) => e.error_message ?? e.message ?? e.error_description)
		.filter((m): m is string => typeof m === 'string' && m !== '');

const errorKeys = (body: unknown) =>
	errorEntries(body)
		.map((e) => e.error_key ?? e.error)
		.filter((k): k is string => typeof k === 'string');

export const v2Style: ApiStyle = {
	version: 'v2',
	credentialType: 'constantContactApi',
	errorMessages,
	errorKeys,
	isThrottled: (status, body) => status === 403 && errorKeys(body).includes('mashery.not.authorized.over.qps'),
	isQuotaExceeded: (status, body) => status === 403 && errorKeys(body).includes('mashery.not.authorized.over.rate'),
	items: (body) => (Array.isArray(body.results) ? (body.results as IDataObject[]) : []),
	nextPage(body, endpoint) {
		const link = ((body.meta as IDataObject | undefined)?.pagination as IDataObject | undefined)?.next_link;
		if (typeof link !== 'string' || link === '') return undefined;
		// v2 wants the cursor alone: `next=<cursor>` (api_key is added by the credential).
		const next = new URL(link, 'http://placeholder').searchParams.get('next');
		return next ? { endpoint, qs: { next } } : undefined;
	},
	authHint:
		'Check the API key and access token in the "Constant Contact V2 API" credential: the token may have been revoked.',
};

const v3Style: ApiStyle = {
	version: 'v3',
	credentialType: 'constantContactOAuth2Api',
	errorMessages,
	errorKeys,
	isThrottled: (status, body) => status === 429 && !errorKeys(body).includes('quota_exceeded'),
	isQuotaExceeded: (status, body) => status === 429 && errorKeys(body).includes('quota_exceeded'),
	items: (body, itemsKey) => (Array.isArray(body[itemsKey]) ? (body[itemsKey] as IDataObject[]) : []),
	nextPage(body) {
		const href = ((body._links as IDataObject | undefined)?.next as IDataObject | undefined)?.href;
		return typeof href === 'string' && href !== '' ? { link: href, qs: {} } : undefined;
	},
	authHint:
		'Reconnect the "Constant Contact V3 OAuth2 API" credential: its access was revoked or its refresh token expired.',
};

export const apiStyles: Record<ApiVersion, ApiStyle> = { v2: v2Style, v3: v3Style };
