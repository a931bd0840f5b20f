import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { RESEND_DELAY_DAYS_MAX, RESEND_DELAY_MINUTES_MAX, RESEND_DELAY_MINUTES_MIN } from '../../../helpers/limits';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { readOption } from '../../../helpers/options';
import type { OperationOption } from '../../../helpers/types';
import { checkWholeNumber, requiredText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { notFoundActivity, readResends, resendsPath } from './shared';

export const option: OperationOption = {
	name: 'Create Resend',
	description: 'Resend the email to contacts who did not open it, 12 hours to 10 days after it was sent',
	action: 'Create a resend to non-openers',
};

export const endpoints = [
	'POST /emails/activities/{campaign_activity_id}/non_opener_resends',
	'GET /emails/activities/{campaign_activity_id}/non_opener_resends',
];

const delayUnitField: INodeProperties = {
	displayName: 'Delay Unit',
	name: 'delayUnit',
	type: 'options',
	options: [
		{ name: 'Days', value: 'days' },
		{ name: 'Hours', value: 'hours' },
	],
	default: 'days',
};

const MINUTES_PER_HOUR = 60;
const HOURS_MIN = RESEND_DELAY_MINUTES_MIN / MINUTES_PER_HOUR;
const HOURS_MAX = RESEND_DELAY_MINUTES_MAX / MINUTES_PER_HOUR;

export const properties: INodeProperties[] = [
	{
		...v3CampaignActivityLocator,
		description:
			"The campaign's primary email: a draft, scheduled or sent. Constant Contact allows one resend per campaign.",
	},
	{
		displayName: 'Resend Subject',
		name: 'resendSubject',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. In case you missed it: our spring sale',
		description: 'The subject of the resent email (a new subject gets more opens)',
	},
	{
		displayName: 'Delay',
		name: 'delay',
		type: 'number',
		typeOptions: { minValue: 1 },
		required: true,
		default: 2,
		description: `How long after the send to resend: ${HOURS_MIN} hours to ${RESEND_DELAY_DAYS_MAX} days`,
	},
	delayUnitField,
];

// 409: the campaign has its resend already, or the email is not a draft, scheduled or sent.
const RESEND_REFUSED =
	'Constant Contact allows one resend to non-openers per campaign, of an email that is a draft, scheduled or sent. ' +
	'If the campaign has one, delete it (Campaign Activity → Delete Resend) and create it again; Campaign Activity → ' +
	'Get Resends shows it.';

/** The delay as the API takes it: whole days (1 to 10) as `delay_days`, whole hours (12 to 240) as `delay_minutes`. */
function readDelay(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const unit = readOption.call(this, delayUnitField, itemIndex);
	const [min, max] = unit === 'days' ? [1, RESEND_DELAY_DAYS_MAX] : [HOURS_MIN, HOURS_MAX];
	const number = checkWholeNumber.call(
		this,
		this.getNodeParameter('delay', itemIndex, ''),
		'Delay',
		itemIndex,
		min,
		max,
		{
			when: `when "Delay Unit" is ${unit === 'days' ? 'Days' : 'Hours'}`,
			description: `Constant Contact resends ${HOURS_MIN} hours to ${RESEND_DELAY_DAYS_MAX} days after the send.`,
		},
	);
	return unit === 'days' ? { delay_days: number } : { delay_minutes: number * MINUTES_PER_HOUR };
}

/** The resend as Constant Contact made it (`resend_request_id`: DRAFT while the email is a draft). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const subject = requiredText.call(this, 'resendSubject', 'Resend Subject', itemIndex);
	const body: IDataObject = { resend_subject: subject, ...readDelay.call(this, itemIndex) };
	const made = (await apiRequest.call(this, 'v3', 'POST', resendsPath(id), {
		body,
		notFound: notFoundActivity(id),
		hints: { 409: RESEND_REFUSED },
		itemIndex,
		// One resend per campaign: after a lost answer, a resend with this subject is the one just made.
		verify: async () => {
			const resend = (await readResends.call(this, id, itemIndex)).find((r) => r.resend_subject === subject);
			return resend ? { processed: true, result: resend } : { processed: false };
		},
	})) as IDataObject;
	return { campaign_activity_id: id, ...made };
}
