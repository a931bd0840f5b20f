/** Bad-input cases for every v3 operation: good base parameters, and the kind of each field. */
import type { OperationKey, ResourceName } from '../../../nodes/ConstantContact/actions/registry';
import { byId, uniqueName } from '../world';
import * as kinds from './samples';
import { LINKS } from './samples';
import type { FieldCase, OperationCase, PairedCase } from './sweep';

export interface V3Fixtures {
	/** A draft campaign and its primary email (made by the node: its sender is verified), which edits may change. */
	campaignId: string;
	activityId: string;
	/** Another draft email, for schedule cases (never scheduled by them). */
	scheduleActivityId: string;
	sentCampaignId: string;
	sentActivityId: string;
	listId: string;
	contactId: string;
	verifiedEmail: string;
	v2CampaignId: string;
	/** A tag and a custom field, which edits may rename. */
	tagId: string;
	customFieldId: string;
	/** A bulk activity (a tag's delete). */
	bulkActivityId: string;
	/** A contact the delete cases may delete (the second seeded one). */
	spareContactId: string;
	/** A new draft email for each run (`withLists`: addressed to a list, so it can be scheduled). */
	freshDraft: (withLists?: boolean) => string;
	/** A draft email with a resend to non-openers, and one with an A/B test. */
	resendActivityId: string;
	abTestActivityId: string;
	/** A segment, which edits may rename. */
	segmentId: number;
	v2ListId: string;
	v2ContactId: string;
}

const FUTURE = '2099-05-10T09:00:00Z';
/** The longest HTML the node takes before it adds the 17-character [[trackingImage]] tag. */
const HTML_MAX = 150000 - '[[trackingImage]]'.length;
const LIST_MAX = 255;

const campaignLocator = (): FieldCase => ({ path: 'campaignId', kind: kinds.v3Locator(LINKS.campaign) });
const activityLocator = (): FieldCase => ({
	path: 'campaignActivityId',
	kind: kinds.v3Locator(LINKS.campaignActivity),
});
const listing = (): FieldCase[] => [
	{ path: 'returnAll', kind: kinds.boolean() },
	{ path: 'limit', kind: kinds.limit() },
];
const LISTING = { returnAll: false, limit: 2 };
const CRITERIA = JSON.stringify({
	version: '1.0.0',
	criteria: { type: 'and', group: [{ source: 'contact', field: 'email_address', op: 'is-not-empty' }] },
});
const segmentIdCase = (): FieldCase => ({ path: 'segmentId', kind: kinds.segmentId(), alsoNamed: ['Segment'] });
const CONTACT_INCLUDE = ['custom_fields', 'list_memberships', 'notes', 'phone_numbers', 'street_addresses', 'taggings'];
const uniqueEmail = () => `${uniqueName('bad.input').replace(/\s+/g, '.')}@example.com`;
const footer = { organization_name: 'Garden Shop', address_line1: '1 Main St', country_code: 'US' };

/** The fields every bulk activity on existing contacts shares (which contact, and the wait). */
const contactActivity = (own: FieldCase[]): FieldCase[] => [
	{ path: 'contactBy', kind: kinds.option(['id', 'email']) },
	{ path: 'contactId', kind: kinds.uuid() },
	{ path: 'email', kind: kinds.email({ required: true, max: 50 }), with: { contactBy: 'email' } },
	...own,
	...waiting(),
];
const waiting = (): FieldCase[] => [
	{ path: 'waitForCompletion', kind: kinds.boolean() },
	{ path: 'maxWaitSeconds', kind: kinds.limit(), with: { waitForCompletion: true } },
];
// Both fields filled (with Contact By from an expression, n8n shows and requires both); not waiting keeps runs short.
const contactActivityBase = (contactId: string) => ({
	contactBy: 'id',
	contactId,
	email: 'contact01@example.com',
	waitForCompletion: false,
	maxWaitSeconds: 60,
});
const importText = (name: string, max: number): FieldCase => ({
	path: `additionalFields.${name}`,
	kind: kinds.text({ required: false, max }),
});
const ADDRESS = { additionalFields: { addresses: { address: [{ kind: 'home' }] } } };
const address = (name: string, label: string, max: number): FieldCase => ({
	path: `additionalFields.addresses.address.0.${name}`,
	kind: kinds.text({ required: false, max }),
	with: ADDRESS,
	alsoNamed: [label],
});

// Keyed by the registry's own keys: a case for an operation that does not exist does not compile.
export const v3Cases: Record<OperationKey<'v3'>, OperationCase<V3Fixtures>> = {
	'campaign.create': {
		base: (fx) => ({
			name: uniqueName('Bad input'),
			subject: 'Hello',
			fromName: 'Garden Shop',
			fromEmail: fx.verifiedEmail,
			replyToEmail: fx.verifiedEmail,
			htmlContent: '<html><body><p>Hi</p></body></html>',
		}),
		fields: [
			{ path: 'name', kind: kinds.text({ required: true, max: 80 }) },
			{ path: 'subject', kind: kinds.text({ required: true }) },
			{ path: 'fromName', kind: kinds.text({ required: true, max: 100 }) },
			{ path: 'fromEmail', kind: kinds.email({ required: true, max: 80 }) },
			{ path: 'replyToEmail', kind: kinds.email({ required: true, max: 80 }) },
			{ path: 'htmlContent', kind: kinds.text({ required: true, max: HTML_MAX }) },
			{ path: 'additionalFields.preheader', kind: kinds.text({ required: false, max: 200 }) },
			{
				path: 'additionalFields.physicalAddressInFooter.address.organization_name',
				kind: kinds.text({ required: true }),
				with: { additionalFields: { physicalAddressInFooter: { address: footer } } },
				alsoNamed: ['Organization Name'],
			},
			{
				path: 'additionalFields.physicalAddressInFooter.address.city',
				kind: kinds.text({ required: false }),
				with: { additionalFields: { physicalAddressInFooter: { address: footer } } },
				alsoNamed: ['City'],
			},
		],
	},
	'campaign.get': { base: (fx) => ({ campaignId: byId(fx.campaignId) }), fields: [campaignLocator()] },
	'campaign.delete': { base: (fx) => ({ campaignId: byId(fx.campaignId) }), fields: [campaignLocator()] },
	'campaign.getByV2Id': {
		base: (fx) => ({ v2CampaignIds: fx.v2CampaignId }),
		fields: [{ path: 'v2CampaignIds', kind: kinds.v2IdList({ required: true }) }],
	},
	'campaign.getMany': {
		base: () => LISTING,
		fields: [
			...listing(),
			{ path: 'filters.afterDate', kind: kinds.date({ future: false }) },
			{ path: 'filters.beforeDate', kind: kinds.date({ future: false }) },
			{ path: 'filters.includeRemoved', kind: kinds.boolean() },
		],
	},
	'campaign.update': {
		base: (fx) => ({ campaignId: byId(fx.campaignId), name: uniqueName('Renamed') }),
		fields: [campaignLocator(), { path: 'name', kind: kinds.text({ required: true, max: 80 }) }],
	},

	'campaignActivity.get': {
		base: (fx) => ({ campaignActivityId: byId(fx.activityId) }),
		fields: [
			activityLocator(),
			{
				path: 'include',
				kind: kinds.multiOptions([
					'document_properties',
					'html_content',
					'permalink_url',
					'physical_address_in_footer',
				]),
			},
		],
	},
	'campaignActivity.createResend': {
		// A new draft each run: a campaign takes one resend.
		base: (fx) => ({
			campaignActivityId: byId(fx.freshDraft()),
			resendSubject: 'In case you missed it',
			delay: 2,
			delayUnit: 'days',
		}),
		fields: [
			activityLocator(),
			{ path: 'resendSubject', kind: kinds.text({ required: true }) },
			{ path: 'delay', kind: kinds.wholeNumber({ min: 1, max: 10 }) },
			// (A good unit with the base's delay of 2 fails for hours: 12 hours is the least.)
			{ path: 'delayUnit', kind: kinds.option(['days', 'hours']) },
		],
	},
	'campaignActivity.getResends': {
		base: (fx) => ({ campaignActivityId: byId(fx.resendActivityId) }),
		fields: [activityLocator()],
	},
	'campaignActivity.deleteResend': {
		base: (fx) => ({ campaignActivityId: byId(fx.resendActivityId), resendRequestId: '' }),
		fields: [activityLocator(), { path: 'resendRequestId', kind: kinds.resendRequestId() }],
	},
	'campaignActivity.createAbTest': {
		// A new draft each run: an email takes one A/B test.
		base: (fx) => ({
			campaignActivityId: byId(fx.freshDraft()),
			alternativeSubject: 'Subject B',
			testSize: 20,
			winnerWaitDuration: '24',
		}),
		fields: [
			activityLocator(),
			{ path: 'alternativeSubject', kind: kinds.text({ required: true }) },
			{ path: 'testSize', kind: kinds.wholeNumber({ min: 5, max: 50 }) },
			{ path: 'winnerWaitDuration', kind: kinds.option(['6', '12', '24', '48']) },
		],
	},
	'campaignActivity.getAbTest': {
		base: (fx) => ({ campaignActivityId: byId(fx.abTestActivityId) }),
		fields: [activityLocator()],
	},
	'campaignActivity.deleteAbTest': {
		base: (fx) => ({ campaignActivityId: byId(fx.abTestActivityId) }),
		fields: [activityLocator()],
	},
	'campaignActivity.getPreview': {
		base: (fx) => ({ campaignActivityId: byId(fx.activityId) }),
		fields: [activityLocator()],
	},
	'campaignActivity.getSendHistory': {
		base: (fx) => ({ campaignActivityId: byId(fx.activityId) }),
		fields: [activityLocator()],
	},
	'campaignActivity.sendTest': {
		base: (fx) => ({ campaignActivityId: byId(fx.activityId), emailAddresses: 'reviewer@example.com' }),
		fields: [
			activityLocator(),
			{ path: 'emailAddresses', kind: kinds.emailList(5) },
			{ path: 'additionalFields.personalMessage', kind: kinds.text({ required: false }) },
		],
	},
	'campaignActivity.update': {
		// Two changes, so that any one field left empty still leaves something to update.
		base: (fx) => ({
			campaignActivityId: byId(fx.activityId),
			updateFields: { subject: 'Updated subject', preheader: 'Updated' },
		}),
		fields: [
			activityLocator(),
			{
				path: 'updateFields.contactListIds',
				kind: kinds.uuidList({ required: false }),
				alsoNamed: ['Contact Lists', 'contact_list_ids'],
			},
			{ path: 'updateFields.fromEmail', kind: kinds.email({ required: false, max: 80 }) },
			{ path: 'updateFields.fromName', kind: kinds.text({ required: false, max: 100 }) },
			{ path: 'updateFields.htmlContent', kind: kinds.text({ required: false, max: HTML_MAX }) },
			{ path: 'updateFields.preheader', kind: kinds.text({ required: false, max: 200 }) },
			{ path: 'updateFields.replyToEmail', kind: kinds.email({ required: false, max: 80 }) },
			{
				path: 'updateFields.segment',
				kind: kinds.segmentId({ required: false }),
				alsoNamed: ['Segment', 'segment_ids'],
			},
			{ path: 'updateFields.segmentIds', kind: kinds.v2IdList({ required: false }), alsoNamed: ['segment_ids'] },
			{ path: 'updateFields.subject', kind: kinds.text({ required: false }) },
		],
	},

	'contact.upsert': {
		base: (fx) => ({ email: uniqueEmail(), contactListIds: [fx.listId] }),
		fields: [
			{ path: 'email', kind: kinds.email({ required: true, max: 50 }) },
			{
				path: 'contactListIds',
				kind: kinds.uuidList({ required: true, max: 50 }),
				alsoNamed: ['Contact Lists', 'list_memberships'],
			},
			{ path: 'additionalFields.companyName', kind: kinds.text({ required: false, max: 50 }) },
			{ path: 'additionalFields.firstName', kind: kinds.text({ required: false, max: 50 }) },
			{ path: 'additionalFields.jobTitle', kind: kinds.text({ required: false, max: 50 }) },
			{ path: 'additionalFields.lastName', kind: kinds.text({ required: false, max: 50 }) },
			{ path: 'additionalFields.phoneNumber', kind: kinds.text({ required: false, max: 25 }) },
			{
				path: 'additionalFields.customFields.field.0.customFieldId',
				kind: kinds.uuid(),
				with: { additionalFields: { customFields: { field: [{ value: 'blue' }] } } },
				alsoNamed: ['Custom Field ID'],
			},
			{
				path: 'additionalFields.customFields.field.0.value',
				kind: kinds.text({ required: false, max: 255 }),
				with: {
					additionalFields: { customFields: { field: [{ customFieldId: '1618ae62-4752-11e9-9c8a-fa163e6b01c1' }] } },
				},
				alsoNamed: ['Custom Field Value'],
			},
		],
	},
	'contact.import': {
		base: (fx) => ({
			email: uniqueEmail(),
			contactListIds: [fx.listId],
			additionalFields: { customFields: { field: [{ customFieldId: fx.customFieldId, value: 'blue' }] } },
			waitForCompletion: false,
		}),
		fields: [
			{ path: 'email', kind: kinds.email({ required: true, max: 50 }) },
			{
				path: 'contactListIds',
				kind: kinds.uuidList({ required: true, max: 50 }),
				alsoNamed: ['Contact Lists', 'list_ids'],
			},
			{
				path: 'additionalFields.addresses.address.0.kind',
				kind: kinds.option(['main', 'home', 'work', 'other']),
				alsoNamed: ['Kind'],
			},
			address('street', 'Street', 255),
			address('street2', 'Street 2', 255),
			address('city', 'City', 50),
			address('state', 'State', 50),
			address('zip', 'Postal Code', 50),
			address('country', 'Country', 50),
			importText('anniversary', 50),
			{ path: 'additionalFields.birthdayDay', kind: kinds.limit() },
			{ path: 'additionalFields.birthdayMonth', kind: kinds.limit() },
			importText('companyName', 50),
			{
				path: 'additionalFields.customFields.field.0.customFieldId',
				kind: kinds.uuid(),
				alsoNamed: ['Custom Field', 'Custom Fields'],
			},
			{
				path: 'additionalFields.customFields.field.0.value',
				kind: kinds.text({ required: false, max: 255 }),
				alsoNamed: ['Custom Field Value'],
			},
			importText('firstName', 50),
			importText('homePhone', 50),
			importText('jobTitle', 50),
			importText('lastName', 50),
			importText('mobilePhone', 50),
			importText('otherPhone', 50),
			importText('phone', 50),
			importText('smsConsentDate', 16),
			importText('smsNumber', 16),
			{
				path: 'additionalFields.smsPermission',
				kind: kinds.option(['not_set', 'explicit']),
				with: { additionalFields: { smsNumber: '5555550123' } },
			},
			// Without waiting, tags are refused (they follow a finished import), naming "Tags".
			{ path: 'additionalFields.tagIds', kind: kinds.uuidList({ required: false, max: 50 }), alsoNamed: ['Tags'] },
			importText('workPhone', 50),
			...waiting(),
		],
	},
	'contact.addToLists': {
		base: (fx) => ({ ...contactActivityBase(fx.contactId), contactListIds: [fx.listId] }),
		fields: contactActivity([
			{ path: 'contactListIds', kind: kinds.uuidList({ required: true, max: 50 }), alsoNamed: ['list_ids'] },
		]),
	},
	'contact.removeFromLists': {
		base: (fx) => ({ ...contactActivityBase(fx.contactId), contactListIds: [fx.listId] }),
		fields: contactActivity([
			{ path: 'contactListIds', kind: kinds.uuidList({ required: true, max: 50 }), alsoNamed: ['list_ids'] },
		]),
	},
	'contact.addTags': {
		base: (fx) => ({ ...contactActivityBase(fx.contactId), tagIds: [fx.tagId] }),
		fields: contactActivity([{ path: 'tagIds', kind: kinds.uuidList({ required: true, max: 50 }) }]),
	},
	'contact.removeTags': {
		base: (fx) => ({ ...contactActivityBase(fx.contactId), tagIds: [fx.tagId] }),
		fields: contactActivity([{ path: 'tagIds', kind: kinds.uuidList({ required: true, max: 50 }) }]),
	},
	'contact.delete': {
		base: (fx) => contactActivityBase(fx.spareContactId),
		fields: contactActivity([]),
	},
	'contact.export': {
		base: () => ({ binaryPropertyName: 'data', maxWaitSeconds: 60 }),
		fields: [
			{ path: 'contactListIds', kind: kinds.uuidList({ required: false, max: 50 }) },
			{ path: 'binaryPropertyName', kind: kinds.text({ required: true }) },
			{
				path: 'options.fields',
				kind: kinds.multiOptions([
					'company_name',
					'created_at',
					'email_address',
					'email_optin_date',
					'email_optin_source',
					'email_optout_date',
					'email_optout_reason',
					'email_optout_source',
					'first_name',
					'job_title',
					'last_name',
					'phone',
					'sms_number',
					'tags',
					'updated_at',
				]),
			},
			{ path: 'options.fileName', kind: kinds.text({ required: false }) },
			{
				path: 'options.status',
				kind: kinds.option(['active', 'deleted', 'not_set', 'pending_confirmation', 'temp_hold', 'unsubscribed']),
			},
			{ path: 'maxWaitSeconds', kind: kinds.limit() },
		],
	},
	'contact.get': {
		// Both fields filled: with Get By from an expression, n8n shows (and requires) both.
		base: (fx) => ({ getBy: 'id', contactId: fx.contactId, email: 'contact01@example.com' }),
		fields: [
			{ path: 'getBy', kind: kinds.option(['id', 'email']) },
			{ path: 'contactId', kind: kinds.uuid() },
			{ path: 'email', kind: kinds.email({ required: true, max: 80 }), with: { getBy: 'email' } },
			{ path: 'include', kind: kinds.multiOptions(CONTACT_INCLUDE) },
		],
	},
	'contact.getMany': {
		base: () => LISTING,
		fields: [
			...listing(),
			{
				path: 'filters.contactListIds',
				kind: kinds.uuidList({ required: false, max: 25 }),
				alsoNamed: ['Contact Lists', 'lists'],
			},
			{
				path: 'filters.status',
				kind: kinds.multiOptions([
					'active',
					'all',
					'deleted',
					'not_set',
					'pending_confirmation',
					'temp_hold',
					'unsubscribed',
				]),
			},
			{ path: 'filters.updatedAfter', kind: kinds.date({ future: false }) },
			{ path: 'include', kind: kinds.multiOptions(CONTACT_INCLUDE) },
		],
	},

	'contactList.create': {
		base: () => ({ name: uniqueName('Bad input list') }),
		fields: [
			{ path: 'name', kind: kinds.text({ required: true, max: LIST_MAX }) },
			{ path: 'additionalFields.description', kind: kinds.text({ required: false }) },
			{ path: 'additionalFields.favorite', kind: kinds.boolean() },
		],
	},
	'contactList.get': {
		base: (fx) => ({ listId: fx.listId }),
		fields: [
			{ path: 'listId', kind: kinds.uuid(), alsoNamed: ['Contact List'] },
			{ path: 'includeMembershipCount', kind: kinds.boolean() },
		],
	},
	'contactList.getMany': {
		base: () => LISTING,
		fields: [
			...listing(),
			{ path: 'filters.name', kind: kinds.text({ required: false, max: LIST_MAX }) },
			{ path: 'includeMembershipCount', kind: kinds.boolean() },
		],
	},
	'contactList.update': {
		base: (fx) => ({ listId: fx.listId, updateFields: { description: 'Updated', favorite: false } }),
		fields: [
			{ path: 'listId', kind: kinds.uuid(), alsoNamed: ['Contact List'] },
			// An empty new name is refused ("cannot be empty"), as for a required field.
			{ path: 'updateFields.name', kind: kinds.text({ required: true, max: LIST_MAX }) },
			{ path: 'updateFields.description', kind: kinds.text({ required: false }) },
			{ path: 'updateFields.favorite', kind: kinds.boolean() },
		],
	},
	'contactList.getByV2Id': {
		base: (fx) => ({ v2ListIds: fx.v2ListId }),
		fields: [{ path: 'v2ListIds', kind: kinds.v2IdList({ required: true }) }],
	},
	'contactList.delete': {
		base: (fx) => ({ listId: fx.listId }),
		fields: [{ path: 'listId', kind: kinds.uuid(), alsoNamed: ['Contact List'] }],
	},

	'contact.getByV2Id': {
		base: (fx) => ({ v2ContactIds: fx.v2ContactId }),
		fields: [{ path: 'v2ContactIds', kind: kinds.v2IdList({ required: true }) }],
	},

	'segment.create': {
		base: () => ({ name: uniqueName('Bad input segment'), segmentCriteria: CRITERIA }),
		fields: [
			{ path: 'name', kind: kinds.text({ required: true }) },
			{ path: 'segmentCriteria', kind: kinds.segmentCriteria() },
		],
	},
	'segment.get': { base: (fx) => ({ segmentId: fx.segmentId }), fields: [segmentIdCase()] },
	'segment.getMany': {
		base: () => ({ ...LISTING, sortBy: 'date' }),
		fields: [...listing(), { path: 'sortBy', kind: kinds.option(['date', 'name']) }],
	},
	'segment.rename': {
		base: (fx) => ({ segmentId: fx.segmentId, name: uniqueName('Bad input segment renamed') }),
		fields: [segmentIdCase(), { path: 'name', kind: kinds.text({ required: true }) }],
	},
	'segment.delete': { base: (fx) => ({ segmentId: fx.segmentId }), fields: [segmentIdCase()] },

	'tag.create': {
		base: () => ({ name: uniqueName('Bad input tag') }),
		fields: [
			{ path: 'name', kind: kinds.text({ required: true, max: 255 }) },
			{ path: 'additionalFields.tagSource', kind: kinds.text({ required: false }) },
		],
	},
	'tag.get': {
		base: (fx) => ({ tagId: fx.tagId }),
		fields: [
			{ path: 'tagId', kind: kinds.uuid(), alsoNamed: ['Tag'] },
			{ path: 'includeCount', kind: kinds.boolean() },
		],
	},
	'tag.getMany': { base: () => LISTING, fields: [...listing(), { path: 'includeCount', kind: kinds.boolean() }] },
	'tag.update': {
		base: (fx) => ({ tagId: fx.tagId, name: uniqueName('Bad input tag renamed') }),
		fields: [
			{ path: 'tagId', kind: kinds.uuid(), alsoNamed: ['Tag'] },
			{ path: 'name', kind: kinds.text({ required: true, max: 255 }) },
		],
	},
	'tag.delete': {
		base: (fx) => ({ tagId: fx.tagId }),
		fields: [{ path: 'tagId', kind: kinds.uuid(), alsoNamed: ['Tag'] }],
	},

	'customField.create': {
		base: () => ({ label: uniqueName('Bad input'), type: 'string' }),
		fields: [
			{ path: 'label', kind: kinds.text({ required: true, max: 50 }) },
			{ path: 'type', kind: kinds.option(['string', 'date']) },
		],
	},
	'customField.get': {
		base: (fx) => ({ customFieldId: fx.customFieldId }),
		fields: [{ path: 'customFieldId', kind: kinds.uuid(), alsoNamed: ['Custom Field'] }],
	},
	'customField.getMany': { base: () => LISTING, fields: listing() },
	'customField.update': {
		base: (fx) => ({ customFieldId: fx.customFieldId, label: uniqueName('Renamed') }),
		fields: [
			{ path: 'customFieldId', kind: kinds.uuid(), alsoNamed: ['Custom Field'] },
			{ path: 'label', kind: kinds.text({ required: true, max: 50 }) },
		],
	},
	'customField.delete': {
		base: (fx) => ({ customFieldId: fx.customFieldId }),
		fields: [{ path: 'customFieldId', kind: kinds.uuid(), alsoNamed: ['Custom Field'] }],
	},

	'bulkActivity.get': {
		base: (fx) => ({ activityId: fx.bulkActivityId }),
		fields: [{ path: 'activityId', kind: kinds.uuid() }],
	},
	'bulkActivity.getMany': {
		base: () => LISTING,
		fields: [
			...listing(),
			{
				path: 'filters.state',
				kind: kinds.option(['processing', 'completed', 'cancelled', 'failed', 'timed_out']),
			},
		],
	},

	'report.getCampaignSummaries': { base: () => LISTING, fields: listing() },
	'report.getCampaignStats': {
		base: (fx) => ({ campaignIds: fx.sentCampaignId }),
		fields: [{ path: 'campaignIds', kind: kinds.uuidList({ required: true }) }],
	},
	'report.getActivityStats': {
		base: (fx) => ({ campaignActivityIds: fx.sentActivityId }),
		fields: [{ path: 'campaignActivityIds', kind: kinds.uuidList({ required: true }) }],
	},
	'report.getTracking': {
		base: (fx) => ({ campaignActivityId: byId(fx.sentActivityId), trackingType: 'opens', ...LISTING }),
		fields: [
			activityLocator(),
			{
				path: 'trackingType',
				kind: kinds.option([
					'bounces',
					'clicks',
					'didnotopens',
					'forwards',
					'opens',
					'optouts',
					'sends',
					'unique_opens',
				]),
			},
			...listing(),
		],
	},
	'report.getLinks': {
		base: (fx) => ({ campaignActivityId: byId(fx.sentActivityId) }),
		fields: [activityLocator(), { path: 'includeUnclicked', kind: kinds.boolean() }],
	},

	// No good "When" or date is generated: one success would schedule the email for the rest of the sweep.
	// (A run that succeeds, as with no segment, schedules a new draft of its own.)
	'schedule.create': {
		base: (fx) => ({ campaignActivityId: byId(fx.freshDraft(true)), scheduleType: 'date', scheduledDate: FUTURE }),
		fields: [
			activityLocator(),
			{ path: 'scheduleType', kind: kinds.option(['now', 'date'], { acceptable: false }) },
			{ path: 'scheduledDate', kind: kinds.date({ future: true }) },
			{
				path: 'options.segment',
				kind: kinds.segmentId({ required: false }),
				alsoNamed: ['Segment', 'segment_ids'],
			},
		],
	},
	'schedule.get': { base: (fx) => ({ campaignActivityId: byId(fx.activityId) }), fields: [activityLocator()] },
	'schedule.delete': {
		base: (fx) => ({ campaignActivityId: byId(fx.scheduleActivityId) }),
		fields: [activityLocator()],
	},
};

const fromItem = '={{ $json.value }}';
const locatorFromItem = { __rl: true, mode: 'id', value: fromItem };

/** One Continue On Fail case per resource: the field's value comes from each input item. */
export const v3Paired: Record<ResourceName<'v3'>, PairedCase<V3Fixtures>> = {
	campaign: {
		operation: 'get',
		parameters: () => ({ campaignId: locatorFromItem }),
		names: ['Campaign'],
		good: (fx) => fx.campaignId,
		bad: kinds.uuid({ unknown: false }),
	},
	campaignActivity: {
		operation: 'get',
		parameters: () => ({ campaignActivityId: locatorFromItem }),
		names: ['Campaign Activity'],
		good: (fx) => fx.activityId,
		bad: kinds.uuid({ unknown: false }),
	},
	contact: {
		operation: 'get',
		parameters: () => ({ getBy: 'id', contactId: fromItem }),
		names: ['Contact ID'],
		good: (fx) => fx.contactId,
		bad: kinds.uuid({ unknown: false }),
	},
	contactList: {
		operation: 'get',
		parameters: () => ({ listId: fromItem }),
		names: ['Contact List'],
		good: (fx) => fx.listId,
		bad: kinds.uuid({ unknown: false }),
	},
	segment: {
		operation: 'get',
		parameters: () => ({ segmentId: fromItem }),
		names: ['Segment'],
		good: (fx) => fx.segmentId,
		bad: kinds.segmentId({ unknown: false }),
	},
	tag: {
		operation: 'get',
		parameters: () => ({ tagId: fromItem }),
		names: ['Tag'],
		good: (fx) => fx.tagId,
		bad: kinds.uuid({ unknown: false }),
	},
	customField: {
		operation: 'get',
		parameters: () => ({ customFieldId: fromItem }),
		names: ['Custom Field'],
		good: (fx) => fx.customFieldId,
		bad: kinds.uuid({ unknown: false }),
	},
	bulkActivity: {
		operation: 'get',
		parameters: () => ({ activityId: fromItem }),
		names: ['Activity ID'],
		good: (fx) => fx.bulkActivityId,
		bad: kinds.uuid({ unknown: false }),
	},
	report: {
		operation: 'getCampaignStats',
		parameters: () => ({ campaignIds: fromItem }),
		names: ['Campaign IDs'],
		good: (fx) => fx.sentCampaignId,
		bad: kinds.uuidList({ required: true, unknown: false }),
	},
	schedule: {
		operation: 'get',
		parameters: () => ({ campaignActivityId: locatorFromItem }),
		names: ['Campaign Activity'],
		good: (fx) => fx.activityId,
		bad: kinds.uuid({ unknown: false }),
	},
};
