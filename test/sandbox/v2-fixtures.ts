/**
 * The real v2 response bodies in ./data/v2-fixtures (copied from the shared reference by
 * scripts/extract-reference.ts) and the v2 endpoint that answers each one, from the v2 PHP SDK's
 * endpoint table (Auth: v2's OAuth server, oauth2.constantcontact.com/oauth2/...).
 * `serveV2Fixture` makes a sandbox answer the next request to that endpoint with the file's
 * exact bytes.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Sandbox } from './index';
import { DATA_DIR } from './state';

export const V2_FIXTURES_DIR = path.join(DATA_DIR, 'v2-fixtures');

export interface V2FixtureEndpoint {
	method: 'GET' | 'POST';
	/** Full sandbox path; `{name}` placeholders are filled by serveV2Fixture (any value when not given). */
	path: string;
	status: number;
}

const get = (p: string): V2FixtureEndpoint => ({ method: 'GET', path: `/v2${p}`, status: 200 });
const created = (p: string): V2FixtureEndpoint => ({ method: 'POST', path: `/v2${p}`, status: 201 });

export const V2_FIXTURE_ENDPOINTS: Record<string, V2FixtureEndpoint> = {
	'Account/get_account_info.json': get('/account/info'),
	'Account/get_verified_email_addresses.json': get('/account/verifiedemailaddresses'),
	'Activities/get_activities.json': get('/activities'),
	'Activities/get_activity.json': get('/activities/{activityId}'),
	'Activities/post_add_contacts.json': created('/activities/addcontacts'),
	'Activities/post_clear_lists.json': created('/activities/clearlists'),
	'Activities/post_export_contacts.json': created('/activities/exportcontacts'),
	'Activities/post_remove_contacts_from_lists.json': created('/activities/removefromlists'),
	'Auth/get_access_token.json': { method: 'POST', path: '/oauth2/oauth/token', status: 200 },
	'Auth/token_info.json': { method: 'POST', path: '/oauth2/tokeninfo.htm', status: 200 },
	'Campaigns/get_campaign.json': get('/emailmarketing/campaigns/{campaignId}'),
	'Campaigns/get_campaigns.json': get('/emailmarketing/campaigns'),
	'Campaigns/get_preview.json': get('/emailmarketing/campaigns/{campaignId}/preview'),
	'Campaigns/get_schedule.json': get('/emailmarketing/campaigns/{campaignId}/schedules/{scheduleId}'),
	'Campaigns/get_schedules.json': get('/emailmarketing/campaigns/{campaignId}/schedules'),
	'Campaigns/post_test_send.json': created('/emailmarketing/campaigns/{campaignId}/tests'),
	'Contacts/get_contact.json': get('/contacts/{contactId}'),
	'Contacts/get_contacts.json': get('/contacts'),
	'Contacts/get_contacts_no_next.json': get('/contacts'),
	'Library/get_file_upload_status.json': get('/library/files/uploadstatus/{fileId}'),
	'Library/get_library_file.json': get('/library/files/{fileId}'),
	'Library/get_library_files.json': get('/library/files'),
	'Library/get_library_folder.json': get('/library/folders/{folderId}'),
	'Library/get_library_folders.json': get('/library/folders'),
	'Lists/get_list.json': get('/lists/{listId}'),
	'Lists/get_lists.json': get('/lists'),
	'Tracking/get_bounces.json': get('/emailmarketing/campaigns/{campaignId}/tracking/bounces'),
	'Tracking/get_clicks.json': get('/emailmarketing/campaigns/{campaignId}/tracking/clicks'),
	'Tracking/get_forwards.json': get('/emailmarketing/campaigns/{campaignId}/tracking/forwards'),
	'Tracking/get_opens.json': get('/emailmarketing/campaigns/{campaignId}/tracking/opens'),
	'Tracking/get_opt_outs.json': get('/emailmarketing/campaigns/{campaignId}/tracking/unsubscribes'),
	'Tracking/get_sends.json': get('/emailmarketing/campaigns/{campaignId}/tracking/sends'),
	'Tracking/get_summary.json': get('/emailmarketing/campaigns/{campaignId}/tracking/reports/summary'),
};

/** Every fixture file, as "Folder/file.json", sorted. */
export function listV2Fixtures(): string[] {
	const out: string[] = [];
	const walk = (rel: string) => {
		for (const entry of fs.readdirSync(path.join(V2_FIXTURES_DIR, rel), { withFileTypes: true })) {
			const child = rel ? `${rel}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(child);
			else if (entry.name.endsWith('.json')) out.push(child);
		}
	};
	walk('');
	return out.sort();
}

export function readV2FixtureText(file: string): string {
	return fs.readFileSync(path.join(V2_FIXTURES_DIR, file), 'utf8');
}

export function readV2Fixture<T = any>(file: string): T {
	return JSON.parse(readV2FixtureText(file)) as T;
}

/** The endpoint path of a fixture with its placeholders filled (unfilled ones stay as `{name}`). */
export function v2FixturePath(file: string, params: Record<string, string> = {}): string {
	const endpoint = V2_FIXTURE_ENDPOINTS[file];
	if (!endpoint) throw new Error(`No v2 endpoint is known for the fixture ${file}`);
	return endpoint.path.replace(/\{(\w+)\}/g, (whole, name: string) =>
		params[name] === undefined ? whole : encodeURIComponent(params[name]),
	);
}

/**
 * The sandbox answers the next request to the fixture's endpoint (with these path parameters,
 * and these query parameters when given) with the fixture file's exact bytes, once.
 */
export function serveV2Fixture(
	sandbox: Sandbox,
	file: string,
	params: Record<string, string> = {},
	query?: Record<string, string>,
): void {
	const endpoint = V2_FIXTURE_ENDPOINTS[file];
	const filled = v2FixturePath(file, params);
	const pattern = new RegExp(
		`^${filled
			.split(/\{\w+\}/)
			.map(escapeRegExp)
			.join('[^/]+')}$`,
	);
	sandbox.canned.add({
		method: endpoint.method,
		path: pattern,
		query,
		reply: { status: endpoint.status, raw: readV2FixtureText(file), contentType: 'application/json' },
	});
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
