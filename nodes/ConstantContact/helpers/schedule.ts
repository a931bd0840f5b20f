import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, type Outcome } from '../transport';
import { futureDate, sameSecond } from './dates';
import type { ApiVersion } from './types';
import { readOption } from './options';

const scheduleTypeField: INodeProperties = {
	displayName: 'When',
	name: 'scheduleType',
	type: 'options',
	options: [
		{ name: 'Now', value: 'now', description: 'Send as soon as Constant Contact can' },
		{ name: 'At a Date and Time', value: 'date', description: 'Schedule the send' },
	],
	default: 'date',
};

export function scheduleFields(): INodeProperties[] {
	return [scheduleTypeField, scheduledDateField()];
}

export function scheduledDateField(showForScheduleType = true): INodeProperties {
	return {
		displayName: 'Scheduled Date',
		name: 'scheduledDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			"When to send. A date without a time zone offset is read in the workflow's time zone. Must be in the future.",
		...(showForScheduleType ? { displayOptions: { show: { scheduleType: ['date'] } } } : {}),
	};
}

/** The future send date as the API wants it (UTC ISO-8601); refused before any request if past. */
export function readScheduledDate(this: IExecuteFunctions, i: number): string {
	const value = this.getNodeParameter('scheduledDate', i, '') as unknown;
	return futureDate(this.getNode(), value, 'Scheduled Date', this.getTimezone());
}

export function sendsNow(this: IExecuteFunctions, i: number): boolean {
	return readOption.call(this, scheduleTypeField, i) === 'now';
}

/**
 * After the answer to a dated schedule was lost: the schedules at `path` show whether it was
 * processed (one at that date), or not (none). Send now is not checked: by the time we look,
 * the send may have moved the campaign on.
 */
export async function scheduleReadBack(
	this: IExecuteFunctions,
	api: ApiVersion,
	path: string,
	date: string,
	i: number,
): Promise<Outcome | undefined> {
	const schedules = await apiRequest.call(this, api, 'GET', path, { itemIndex: i });
	if (!Array.isArray(schedules)) return undefined;
	const match = (schedules as IDataObject[]).find((s) => sameSecond(s.scheduled_date, date));
	if (match) return { processed: true, result: match };
	return schedules.length === 0 ? { processed: false } : undefined;
}
