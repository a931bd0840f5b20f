import type { ApiVersion } from './types';

/** The `authentication` parameter value that selects each API. */
export const AUTHENTICATION: Record<ApiVersion, string> = { v3: 'oAuth2', v2: 'apiKey' };

export function apiOf(authentication: string): ApiVersion {
	return authentication === AUTHENTICATION.v2 ? 'v2' : 'v3';
}
