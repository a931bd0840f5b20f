/**
 * The workflows the queue-mode tests and benchmark run (imported and published before n8n starts):
 * a production webhook that schedules one campaign (v2) or campaign activity (v3) per id of its
 * body with our node, answering with every item of the last node once the execution ended; and a
 * Constant Contact Trigger (New Campaign, polled every minute) that posts each item it gets to a
 * collector URL of the test.
 */
import { C, NODE_TYPE, PACKAGE_NAME } from '../e2e/real-n8n';

export type Api = 'v2' | 'v3';

export const WEBHOOK_PATH: Record<Api, string> = { v3: 'cc-queue-schedule-v3', v2: 'cc-queue-schedule-v2' };
export const WORKFLOW_ID = { v3: 'ccQueueSchedV3', v2: 'ccQueueSchedV2', trigger: 'ccQueueTrigger' };

/** The webhook body: one { id, date } per campaign (v2) or campaign activity (v3) to schedule. */
export interface ScheduleBody {
	label: string;
	items: Array<{ id: string; date: string }>;
}

const node = (
	id: string,
	name: string,
	type: string,
	typeVersion: number,
	position: [number, number],
	rest: object,
) => ({
	id,
	name,
	type,
	typeVersion,
	position,
	...rest,
});

function credentialOf(api: Api) {
	return api === 'v3'
		? { constantContactOAuth2Api: { id: C.CREDENTIALS.v3.id, name: C.CREDENTIALS.v3.name } }
		: { constantContactApi: { id: C.CREDENTIALS.v2.id, name: C.CREDENTIALS.v2.name } };
}

/** Webhook (POST, answers with all items of the last node) -> Split Out `body.items` -> Schedule Create (Continue On Fail). */
export function scheduleWorkflow(api: Api) {
	const id = WORKFLOW_ID[api];
	const idParam =
		api === 'v3'
			? { campaignActivityId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }
			: { campaignId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } };
	return {
		id,
		name: `Queue mode: schedule campaigns (${api})`,
		active: false,
		settings: { executionOrder: 'v1', timezone: 'UTC' },
		nodes: [
			node(`${id}-1`, 'Webhook', 'n8n-nodes-base.webhook', 2, [0, 0], {
				webhookId: `${id}-hook`,
				parameters: {
					httpMethod: 'POST',
					path: WEBHOOK_PATH[api],
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			}),
			node(`${id}-2`, 'One item per id', 'n8n-nodes-base.splitOut', 1, [220, 0], {
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			}),
			node(`${id}-3`, 'Schedule', NODE_TYPE, 1, [440, 0], {
				credentials: credentialOf(api),
				onError: 'continueRegularOutput',
				parameters: {
					authentication: api === 'v3' ? 'oAuth2' : 'apiKey',
					resource: 'schedule',
					operation: 'create',
					...idParam,
					scheduleType: 'date',
					scheduledDate: '={{ $json.date }}',
				},
			}),
		],
		connections: {
			Webhook: { main: [[{ node: 'One item per id', type: 'main', index: 0 }]] },
			'One item per id': { main: [[{ node: 'Schedule', type: 'main', index: 0 }]] },
		},
	};
}

/** Constant Contact Trigger (v3, New Campaign, every minute) -> HTTP Request POST <collectorUrl> per item. */
export function triggerWorkflow(collectorUrl: string) {
	const id = WORKFLOW_ID.trigger;
	return {
		id,
		name: 'Queue mode: new campaigns to a collector',
		active: false,
		settings: { executionOrder: 'v1', timezone: 'UTC' },
		nodes: [
			node(`${id}-1`, 'New campaign', `${PACKAGE_NAME}.constantContactTrigger`, 1, [0, 0], {
				credentials: credentialOf('v3'),
				parameters: {
					authentication: 'oAuth2',
					event: 'newCampaign',
					pollTimes: { item: [{ mode: 'everyMinute' }] },
				},
			}),
			node(`${id}-2`, 'Report', 'n8n-nodes-base.httpRequest', 4.2, [240, 0], {
				parameters: {
					method: 'POST',
					url: collectorUrl,
					sendBody: true,
					specifyBody: 'json',
					jsonBody:
						'={{ JSON.stringify({ campaign_id: $json.campaign_id, event: $json.event, execution: $execution.id }) }}',
					options: {},
				},
			}),
		],
		connections: { 'New campaign': { main: [[{ node: 'Report', type: 'main', index: 0 }]] } },
	};
}

/** A date far enough ahead that no send happens during the run (whole seconds, UTC). */
export function futureDate(daysAhead = 30): string {
	const d = new Date(Date.now() + daysAhead * 86400_000);
	d.setUTCMilliseconds(0);
	return d.toISOString().replace('.000Z', 'Z');
}
