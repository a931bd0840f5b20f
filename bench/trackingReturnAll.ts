/**
 * Return All of 100,000 tracking records: the v2 Tracking → Get Activity operation (Sends) of one
 * campaign, against the sandbox with its real limits (4 requests/second). v2, because the
 * sandbox builds a v2 sends page from its send log in a fraction of the 255 ms the limiter
 * spaces requests by; a v3 tracking page of 100,000 rows takes it longer than that (it derives
 * and sorts every recipient's engagement per page), so the figure would measure the sandbox.
 */
import { runNode } from '../test/harness';
import { Sandbox } from '../test/sandbox';
import { withMemory, type Row } from './common';

const RECORDS = 100_000;
const PAGE_SIZE = 500;

export async function trackingReturnAll(): Promise<Row> {
	const sandbox = await Sandbox.start();
	try {
		const campaignId = sandbox.bulkSentV2Campaign(RECORDS);
		const pagePath = `/v2/emailmarketing/campaigns/${campaignId}/tracking/sends`;
		const mark = sandbox.requests.length;
		const started = Date.now();
		const {
			value: result,
			peakRssMb,
			peakHeapDeltaMb,
		} = await withMemory(
			async () =>
				await runNode({
					parameters: {
						authentication: 'apiKey',
						resource: 'tracking',
						operation: 'getActivity',
						campaignId: { __rl: true, mode: 'id', value: campaignId },
						trackingType: 'sends',
						returnAll: true,
					},
					credentials: {
						constantContactApi: {
							apiKey: sandbox.secrets.v2ApiKey,
							accessToken: sandbox.secrets.v2AccessToken,
							baseUrl: sandbox.v2BaseUrl,
						},
					},
				}),
		);
		const seconds = (Date.now() - started) / 1000;
		const seen = sandbox.requests.slice(mark);
		const pages = seen.filter((r) => r.method === 'GET' && r.path === pagePath && r.status === 200);
		// v2 refuses over-rate requests with 403; the node waits and repeats them.
		const refused = seen.filter((r) => r.status === 403 || r.status === 429).length;
		const otherRequests = seen.length - pages.length - refused;
		const expected = Math.ceil(RECORDS / PAGE_SIZE);
		const ids = new Set(result.items.map((item) => item.json.contact_id));
		return {
			scenario: `Return All, ${RECORDS.toLocaleString('en')} tracking records`,
			headline: `${pages.length} page requests (ceil(N/500) = ${expected}), ${result.items.length} items, ${seconds.toFixed(1)} s, peak RSS ${peakRssMb.toFixed(0)} MB, heap +${peakHeapDeltaMb.toFixed(0)} MB`,
			figures: {
				items: result.items.length,
				'distinct contacts': ids.size,
				'page requests': pages.length,
				'ceil(N/500)': expected,
				'refused for rate': refused,
				'other requests': otherRequests,
				seconds: seconds.toFixed(1),
				'peak RSS MB': peakRssMb.toFixed(0),
				'peak heap growth MB': peakHeapDeltaMb.toFixed(0),
			},
			notes: [
				'v2 Tracking → Get Activity (Sends) of one campaign, sandbox at its real 4 requests/second',
				`page requests = answered GETs of ${pagePath.replace(campaignId, '<id>')}; requests refused for rate (repeated by the node) and any other request are counted apart`,
			],
			target: `ceil(N/500) page requests, all ${RECORDS.toLocaleString('en')} records`,
			met:
				!result.error &&
				pages.length === expected &&
				otherRequests === 0 &&
				result.items.length === RECORDS &&
				ids.size === RECORDS,
		};
	} finally {
		await sandbox.close();
	}
}
