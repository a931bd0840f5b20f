import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { campaignPath } from '../campaign/shared';

export const schedulesPath = (campaignId: string) => `${campaignPath(campaignId)}/schedules`;

export const schedulePath = (campaignId: string, scheduleId: string) =>
	`${schedulesPath(campaignId)}/${encodeURIComponent(scheduleId)}`;

export const notFoundSchedule = (campaignId: string, scheduleId?: string) =>
	scheduleId
		? `Campaign "${campaignId}" has no schedule "${scheduleId}" (only scheduled campaigns have one).`
		: `No campaign with ID "${campaignId}" exists in this Constant Contact account.`;

export const scheduleIdField: INodeProperties = {
	displayName: 'Schedule ID',
	name: 'scheduleId',
	type: 'string',
	required: true,
	default: '',
	description: 'The schedule of the campaign, from Schedule > Get Many (a scheduled campaign has one)',
};

export function readScheduleId(this: IExecuteFunctions, i: number): string {
	const id = String(this.getNodeParameter('scheduleId', i, '') ?? '').trim();
	if (!/^[0-9]+$/.test(id)) {
		throw new NodeOperationError(this.getNode(), `"Schedule ID" must be a number, got "${id}"`, { itemIndex: i });
	}
	return id;
}
