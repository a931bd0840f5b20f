import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkV2Id } from '../../../helpers/ids';
import { campaignPath } from '../campaign/shared';

export const schedulesPath = (campaignId: string) => `${campaignPath(campaignId)}/schedules`;

export const schedulePath = (campaignId: string, scheduleId: string) =>
	`${schedulesPath(campaignId)}/${encodeURIComponent(scheduleId)}`;

export const notFoundSchedule = (campaignId: string, scheduleId?: string) =>
	scheduleId
		? `Campaign "${campaignId}" has no schedule with Schedule ID "${scheduleId}" (only scheduled campaigns have one).`
		: `No campaign with ID "${campaignId}" exists in this Constant Contact account.`;

export const scheduleIdField: INodeProperties = {
	displayName: 'Schedule ID',
	name: 'scheduleId',
	type: 'string',
	required: true,
	default: '',
	description: 'The schedule of the campaign, from Schedule > Get Many (a scheduled campaign has one)',
};

export function readScheduleId(this: IExecuteFunctions, itemIndex: number): string {
	return checkV2Id.call(this, this.getNodeParameter('scheduleId', itemIndex, ''), 'Schedule ID', itemIndex);
}
