import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { checkV2Id } from '../../../helpers/ids';
import { checkOption } from '../../../helpers/options';
import { optionalText, readIdList } from '../../../helpers/validators';

export const notFoundV2Campaign = (id: string) =>
	`No campaign with ID "${id}" exists in this Constant Contact account (deleted campaigns cannot be read).`;

export const campaignPath = (id: string) => `/emailmarketing/campaigns/${encodeURIComponent(id)}`;

const greetingNameField: INodeProperties = {
	displayName: 'Greeting Name',
	name: 'greetingName',
	type: 'options',
	options: [
		{ name: 'First and Last Name', value: 'FIRST_AND_LAST_NAME' },
		{ name: 'First Name', value: 'FIRST_NAME' },
		{ name: 'Last Name', value: 'LAST_NAME' },
		{ name: 'None', value: 'NONE' },
	],
	default: 'NONE',
};

/** Optional campaign settings shared by Create (Additional Fields) and Update (Update Fields). */
export const optionalCampaignFields: INodeProperties[] = [
	greetingNameField,
	{
		displayName: 'Greeting Salutations',
		name: 'greetingSalutations',
		type: 'string',
		default: '',
		placeholder: 'e.g. Hello',
	},
	{ displayName: 'Greeting String', name: 'greetingString', type: 'string', default: '', placeholder: 'e.g. Dear' },
	{
		displayName: 'Message Footer',
		name: 'messageFooter',
		type: 'fixedCollection',
		default: {},
		options: [
			{
				displayName: 'Footer',
				name: 'footer',
				values: [
					{
						displayName: 'Address Line 1',
						name: 'address_line_1',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Address Line 2',
						name: 'address_line_2',
						type: 'string',
						default: '',
					},
					{
						displayName: 'City',
						name: 'city',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Country',
						name: 'country',
						type: 'string',
						default: '',
						placeholder: 'e.g. US',
					},
					{
						displayName: 'Organization Name',
						name: 'organization_name',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Postal Code',
						name: 'postal_code',
						type: 'string',
						default: '',
					},
					{
						displayName: 'State',
						name: 'state',
						type: 'string',
						default: '',
						placeholder: 'e.g. MA',
					},
				],
			},
		],
	},
	{
		displayName: 'Permission Reminder Text',
		name: 'permissionReminderText',
		type: 'string',
		default: '',
		description: 'Reminder of why the contact gets this email; setting it turns the reminder on',
	},
	{ displayName: 'Style Sheet', name: 'styleSheet', type: 'string', typeOptions: { rows: 4 }, default: '' },
	{
		displayName: 'View as Web Page Text',
		name: 'viewAsWebPageText',
		type: 'string',
		default: '',
		description: 'Text before the "view as web page" link; setting it turns the link on',
	},
	{ displayName: 'View as Web Page Link Text', name: 'viewAsWebPageLinkText', type: 'string', default: '' },
];

// Our text fields, the API's, and their labels.
const TEXT_FIELDS: Array<[string, string, string]> = [
	['greetingSalutations', 'greeting_salutations', 'Greeting Salutations'],
	['greetingString', 'greeting_string', 'Greeting String'],
	['styleSheet', 'style_sheet', 'Style Sheet'],
	['viewAsWebPageLinkText', 'view_as_web_page_link_text', 'View as Web Page Link Text'],
];

const FOOTER_LABELS: Record<string, string> = {
	address_line_1: 'Address Line 1',
	address_line_2: 'Address Line 2',
	city: 'City',
	country: 'Country',
	organization_name: 'Organization Name',
	postal_code: 'Postal Code',
	state: 'State',
};

/** Maps the node's optional fields (camelCase) to the v2 campaign body (snake_case), each checked. */
export function optionalCampaignBody(this: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	if (fields.greetingName !== undefined)
		body.greeting_name = checkOption.call(this, fields.greetingName, greetingNameField, itemIndex);
	for (const [field, key, label] of TEXT_FIELDS) {
		const text = optionalText.call(this, fields[field], label, itemIndex);
		if (text) body[key] = text;
	}
	const reminder = optionalText.call(this, fields.permissionReminderText, 'Permission Reminder Text', itemIndex);
	if (reminder) {
		body.is_permission_reminder_enabled = true;
		body.permission_reminder_text = reminder;
	}
	const webPageText = optionalText.call(this, fields.viewAsWebPageText, 'View as Web Page Text', itemIndex);
	if (webPageText) {
		body.is_view_as_webpage_enabled = true;
		body.view_as_web_page_text = webPageText;
	}
	const footer = (fields.messageFooter as IDataObject | undefined)?.footer as IDataObject | undefined;
	if (footer) {
		body.message_footer = {};
		for (const [key, label] of Object.entries(FOOTER_LABELS)) {
			const text = optionalText.call(this, footer[key], label, itemIndex);
			if (text) (body.message_footer as IDataObject)[key] = text;
		}
	}
	if (fields.contactListIds !== undefined) {
		const ids = readIdList
			.call(this, fields.contactListIds, 'Contact Lists', itemIndex)
			.map((id) => checkV2Id.call(this, id, 'Contact Lists', itemIndex));
		if (ids.length) body.sent_to_contact_lists = ids.map((id) => ({ id }));
	}
	return body;
}

/** The API turns on the "view as web page" link only with both of its texts. */
export function checkViewAsWebPage(this: IExecuteFunctions, body: IDataObject, itemIndex: number): IDataObject {
	if (body.is_view_as_webpage_enabled === true && !body.view_as_web_page_link_text) {
		throw new NodeOperationError(this.getNode(), '"View as Web Page Text" needs "View as Web Page Link Text" too', {
			itemIndex,
			description: 'Add "View as Web Page Link Text" (the text of the link itself), or remove "View as Web Page Text".',
		});
	}
	return body;
}
