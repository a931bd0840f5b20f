/** Bad-input cases for every v2 (legacy API) operation: good base parameters, and the kind of each field. */
import type { OperationKey, ResourceName } from '../../../nodes/ConstantContact/actions/registry';
import { byId, uniqueName } from '../world';
import * as kinds from './samples';
import type { FieldCase, OperationCase, PairedCase } from './sweep';

export interface V2Fixtures {
	/** A draft campaign with contact lists, which edits may change. */
	campaignId: string;
	/** A scheduled campaign and its schedule (never changed by the cases). */
	scheduledCampaignId: string;
	scheduleId: string;
	sentCampaignId: string;
	listId: string;
	verifiedEmail: string;
}

const FUTURE = '2099-05-10T09:00:00Z';
const LISTING = { returnAll: false, limit: 2 };

const campaignLocator = (): FieldCase => ({ path: 'campaignId', kind: kinds.v2Locator() });
const listing = (): FieldCase[] => [
	{ path: 'returnAll', kind: kinds.boolean() },
	{ path: 'limit', kind: kinds.limit() },
];
const footer = { organization_name: 'Garden Shop', address_line_1: '1 Main St', city: 'Anytown', country: 'US' };

/** The optional campaign settings of Create (`additionalFields`) and Update (`updateFields`). */
function optionalCampaignFields(collection: string): FieldCase[] {
	return [
		{
			path: `${collection}.greetingName`,
			kind: kinds.option(['FIRST_AND_LAST_NAME', 'FIRST_NAME', 'LAST_NAME', 'NONE']),
		},
		{ path: `${collection}.greetingSalutations`, kind: kinds.text({ required: false }) },
		{ path: `${collection}.greetingString`, kind: kinds.text({ required: false }) },
		{
			path: `${collection}.messageFooter.footer.city`,
			kind: kinds.text({ required: false }),
			with: { [collection]: { messageFooter: { footer } } },
			alsoNamed: ['City'],
		},
		{ path: `${collection}.permissionReminderText`, kind: kinds.text({ required: false }) },
		{ path: `${collection}.styleSheet`, kind: kinds.text({ required: false }) },
		{ path: `${collection}.viewAsWebPageText`, kind: kinds.text({ required: false }) },
		{ path: `${collection}.viewAsWebPageLinkText`, kind: kinds.text({ required: false }) },
	];
}

const listIds = (collection?: string): FieldCase => ({
	path: collection ? `${collection}.contactListIds` : 'contactListIds',
	kind: kinds.v2IdList({ required: false }),
	alsoNamed: ['Contact Lists', 'sent_to_contact_lists'],
});

// Keyed by the registry's own keys: a case for an operation that does not exist does not compile.
export const v2Cases: Record<OperationKey<'v2'>, OperationCase<V2Fixtures>> = {
	'campaign.create': {
		base: (fx) => ({
			name: uniqueName('Bad input'),
			subject: 'Hello',
			fromName: 'Garden Shop',
			fromEmail: fx.verifiedEmail,
			replyToEmail: fx.verifiedEmail,
			emailContent: '<html><body><p>Hi</p></body></html>',
			emailContentFormat: 'HTML',
			textContent: 'Hi',
			contactListIds: [fx.listId],
		}),
		fields: [
			{ path: 'name', kind: kinds.text({ required: true, max: 80 }) },
			{ path: 'subject', kind: kinds.text({ required: true, max: 200 }) },
			{ path: 'fromName', kind: kinds.text({ required: true, max: 100 }) },
			{ path: 'fromEmail', kind: kinds.email({ required: true, max: 80 }) },
			{ path: 'replyToEmail', kind: kinds.email({ required: true, max: 80 }) },
			{ path: 'emailContent', kind: kinds.text({ required: true }) },
			{ path: 'emailContentFormat', kind: kinds.option(['HTML', 'XHTML']) },
			{ path: 'textContent', kind: kinds.text({ required: true }) },
			listIds(),
			...optionalCampaignFields('additionalFields'),
		],
	},
	'campaign.get': { base: (fx) => ({ campaignId: byId(fx.campaignId) }), fields: [campaignLocator()] },
	'campaign.delete': { base: (fx) => ({ campaignId: byId(fx.campaignId) }), fields: [campaignLocator()] },
	'campaign.getPreview': { base: (fx) => ({ campaignId: byId(fx.campaignId) }), fields: [campaignLocator()] },
	'campaign.getMany': {
		base: () => LISTING,
		fields: [
			...listing(),
			{ path: 'filters.status', kind: kinds.option(['ALL', 'DELETED', 'DRAFT', 'RUNNING', 'SCHEDULED', 'SENT']) },
			{ path: 'filters.modifiedSince', kind: kinds.date({ future: false }) },
		],
	},
	'campaign.sendTest': {
		base: (fx) => ({ campaignId: byId(fx.campaignId), emailAddresses: 'reviewer@example.com', format: 'HTML' }),
		fields: [
			campaignLocator(),
			{ path: 'emailAddresses', kind: kinds.emailList(5) },
			{ path: 'format', kind: kinds.option(['HTML', 'HTML_AND_TEXT', 'TEXT']) },
			{ path: 'additionalFields.personalMessage', kind: kinds.text({ required: false, max: 500 }) },
		],
	},
	'campaign.update': {
		// Two changes, so that any one field left empty still leaves something to update.
		base: (fx) => ({
			campaignId: byId(fx.campaignId),
			updateFields: { subject: 'Updated subject', textContent: 'Updated' },
		}),
		fields: [
			campaignLocator(),
			listIds('updateFields'),
			{ path: 'updateFields.emailContent', kind: kinds.text({ required: false }) },
			{ path: 'updateFields.fromEmail', kind: kinds.email({ required: false, max: 80 }) },
			{ path: 'updateFields.fromName', kind: kinds.text({ required: false, max: 100 }) },
			{ path: 'updateFields.name', kind: kinds.text({ required: false, max: 80 }) },
			{ path: 'updateFields.replyToEmail', kind: kinds.email({ required: false, max: 80 }) },
			{ path: 'updateFields.subject', kind: kinds.text({ required: false, max: 200 }) },
			{ path: 'updateFields.textContent', kind: kinds.text({ required: false }) },
			...optionalCampaignFields('updateFields'),
		],
	},

	'contactList.getMany': {
		base: () => LISTING,
		fields: [...listing(), { path: 'filters.modifiedSince', kind: kinds.date({ future: false }) }],
	},

	// No good "When" or date is generated: one success would schedule the campaign for the rest of the sweep.
	'schedule.create': {
		base: (fx) => ({ campaignId: byId(fx.campaignId), scheduleType: 'date', scheduledDate: FUTURE }),
		fields: [
			campaignLocator(),
			{ path: 'scheduleType', kind: kinds.option(['now', 'date'], { acceptable: false }) },
			{ path: 'scheduledDate', kind: kinds.date({ future: true }) },
		],
	},
	'schedule.get': {
		base: (fx) => ({ campaignId: byId(fx.scheduledCampaignId), scheduleId: fx.scheduleId }),
		fields: [campaignLocator(), { path: 'scheduleId', kind: kinds.v2Id() }],
	},
	'schedule.getMany': {
		base: (fx) => ({ campaignId: byId(fx.scheduledCampaignId), ...LISTING }),
		fields: [campaignLocator(), ...listing()],
	},
	'schedule.update': {
		base: (fx) => ({ campaignId: byId(fx.scheduledCampaignId), scheduleId: fx.scheduleId, scheduledDate: FUTURE }),
		fields: [
			campaignLocator(),
			{ path: 'scheduleId', kind: kinds.v2Id() },
			{ path: 'scheduledDate', kind: kinds.date({ future: true }) },
		],
	},
	'schedule.delete': {
		base: (fx) => ({ campaignId: byId(fx.scheduledCampaignId), scheduleId: fx.scheduleId }),
		fields: [campaignLocator(), { path: 'scheduleId', kind: kinds.v2Id() }],
	},

	'tracking.getSummary': {
		base: (fx) => ({ campaignId: byId(fx.sentCampaignId) }),
		fields: [campaignLocator(), { path: 'updateSummary', kind: kinds.boolean() }],
	},
	'tracking.getActivity': {
		base: (fx) => ({ campaignId: byId(fx.sentCampaignId), trackingType: 'opens', ...LISTING }),
		fields: [
			campaignLocator(),
			{ path: 'trackingType', kind: kinds.option(['bounces', 'clicks', 'forwards', 'opens', 'sends', 'unsubscribes']) },
			...listing(),
			{ path: 'filters.createdSince', kind: kinds.date({ future: false }) },
		],
	},
};

const fromItem = '={{ $json.value }}';
const locatorFromItem = { __rl: true, mode: 'id', value: fromItem };
const badV2Id = kinds.v2Id();

/** One Continue On Fail case per resource: the field's value comes from each input item. */
export const v2Paired: Record<ResourceName<'v2'>, PairedCase<V2Fixtures>> = {
	campaign: {
		operation: 'get',
		parameters: () => ({ campaignId: locatorFromItem }),
		names: ['Campaign'],
		good: (fx) => fx.campaignId,
		bad: badV2Id,
	},
	contactList: {
		operation: 'getMany',
		parameters: () => ({ returnAll: false, limit: fromItem }),
		names: ['Limit'],
		good: () => 2,
		bad: kinds.limit(),
	},
	schedule: {
		operation: 'getMany',
		parameters: () => ({ campaignId: locatorFromItem, ...LISTING }),
		names: ['Campaign'],
		good: (fx) => fx.scheduledCampaignId,
		bad: badV2Id,
	},
	tracking: {
		operation: 'getSummary',
		parameters: () => ({ campaignId: locatorFromItem }),
		names: ['Campaign'],
		good: (fx) => fx.sentCampaignId,
		bad: badV2Id,
	},
};
