import type { ApiVersion } from './types';

/** The `authentication` parameter value that selects each API. */
export const AUTHENTICATION: Record<ApiVersion, string> = { v3: 'oAuth2', v2: 'apiKey' };

/**
 * The node's description, and its trigger's too: n8n's node panel lists the node and its trigger as
 * one entry, "Constant Contact", and shows the trigger's description there (n8n 2.41 copies it onto
 * the entry, for its own apps as well). One text for both, so that entry describes the app.
 */
export const NODE_DESCRIPTION =
	'Contacts, lists and email campaigns in Constant Contact: create, test, schedule, send and report';

export function apiOf(authentication: string): ApiVersion {
	return authentication === AUTHENTICATION.v2 ? 'v2' : 'v3';
}
