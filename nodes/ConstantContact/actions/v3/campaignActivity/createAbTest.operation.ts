import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { AB_TEST_SIZE_MAX, AB_TEST_SIZE_MIN, AB_TEST_WINNER_WAIT_HOURS } from '../../../helpers/limits';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { checkOption } from '../../../helpers/options';
import type { OperationOption } from '../../../helpers/types';
import { checkWholeNumber, requiredText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { abTestPath, findAbTest, notFoundActivity } from './shared';

export const option: OperationOption = {
	name: 'Create A/B Test',
	description: 'Test a second subject line on part of the contacts; the one opened most goes to the rest',
	action: 'Create an A/B test of a campaign activity',
};

export const endpoints = [
	'POST /emails/activities/{campaign_activity_id}/abtest',
	'GET /emails/activities/{campaign_activity_id}/abtest',
];

const winnerWaitField: INodeProperties = {
	displayName: 'Wait Before Choosing the Winner',
	name: 'winnerWaitDuration',
	type: 'options',
	options: AB_TEST_WINNER_WAIT_HOURS.map((hours) => ({ name: `${hours} Hours`, value: String(hours) })),
	default: '24',
	description:
		'How long after the test send Constant Contact counts opens. The subject with the most opens wins (its only ' +
		'criterion) and is sent to the other contacts.',
};

export const properties: INodeProperties[] = [
	{ ...v3CampaignActivityLocator, description: "The campaign's primary email, while it is a draft" },
	{
		displayName: 'Alternative Subject',
		name: 'alternativeSubject',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Last chance: 20% off everything',
		description: "Subject B, tested against the email's own subject",
	},
	{
		displayName: 'Test Size',
		name: 'testSize',
		type: 'number',
		typeOptions: { minValue: AB_TEST_SIZE_MIN, maxValue: AB_TEST_SIZE_MAX },
		required: true,
		default: 20,
		description: `The percentage of contacts that gets each subject in the test (${AB_TEST_SIZE_MIN} to ${AB_TEST_SIZE_MAX}); the others get the winner`,
	},
	winnerWaitField,
];

const AB_TEST_REFUSED =
	'Constant Contact adds an A/B test only to a draft email, one per email. Campaign Activity → Get A/B Test shows ' +
	'the current one, and Delete A/B Test removes it.';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const wait = this.getNodeParameter('winnerWaitDuration', itemIndex, '24') as unknown;
	const body: IDataObject = {
		alternative_subject: requiredText.call(this, 'alternativeSubject', 'Alternative Subject', itemIndex),
		test_size: checkWholeNumber.call(
			this,
			this.getNodeParameter('testSize', itemIndex, ''),
			'Test Size',
			itemIndex,
			AB_TEST_SIZE_MIN,
			AB_TEST_SIZE_MAX,
		),
		// An expression may give the hours as a number.
		winner_wait_duration: Number(
			checkOption.call(this, typeof wait === 'number' ? String(wait) : wait, winnerWaitField, itemIndex),
		),
	};
	const made = (await apiRequest.call(this, 'v3', 'POST', abTestPath(id), {
		body,
		notFound: notFoundActivity(id),
		hints: { 409: AB_TEST_REFUSED },
		itemIndex,
		// One test per email: after a lost answer, a test with this subject is the one just made.
		verify: async () => {
			const test = await findAbTest.call(this, id, itemIndex);
			return test?.alternative_subject === body.alternative_subject
				? { processed: true, result: test }
				: { processed: false };
		},
	})) as IDataObject;
	return { campaign_activity_id: id, ...made };
}
