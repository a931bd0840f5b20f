import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { futureDate } from './dates';
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
export function readScheduledDate(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('scheduledDate', itemIndex, '') as unknown;
	return futureDate(this.getNode(), value, 'Scheduled Date', this.getTimezone());
}

export function sendsNow(this: IExecuteFunctions, itemIndex: number): boolean {
	return readOption.call(this, scheduleTypeField, itemIndex) === 'now';
}
