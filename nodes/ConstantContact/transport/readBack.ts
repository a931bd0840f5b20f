import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { sameSecond } from '../helpers/dates';
import type { ApiVersion } from '../helpers/types';
import { apiRequest, type Outcome } from './request';

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
	itemIndex: number,
): Promise<Outcome | undefined> {
	const schedules = await apiRequest.call(this, api, 'GET', path, { itemIndex });
	if (!Array.isArray(schedules)) return undefined;
	const match = (schedules as IDataObject[]).find((s) => sameSecond(s.scheduled_date, date));
	if (match) return { processed: true, result: match };
	return schedules.length === 0 ? { processed: false } : undefined;
}
