import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readIdList } from '../../../helpers/fields';

export const notFoundV2Campaign = (id: string) =>
	`No campaign with ID "${id}" exists in this Constant Contact account (deleted campaigns cannot be read).`;

export const campaignPath = (id: string) => `/emailmarketing/campaigns/${encodeURIComponent(id)}`;

/** Optional campaign settings shared by Create (Additional Fields) and Update (Update Fields). */
export const optionalCampaignFields: INodeProperties[] = [
	{
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
	},
	{ displayName: 'Greeting Salutations', name: 'greetingSalutations', type: 'string', default: '', placeholder: 'e.g. Hello' },
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

/** Maps the node's optional fields (camelCase) to the v2 campaign body (snake_case). */
export function optionalCampaignBody(this: IExecuteFunctions, fields: IDataObject, i: number): IDataObject {
	const body: IDataObject = {};
	const plain: Array<[string, string]> = [
		['greetingName', 'greeting_name'],
		['greetingSalutations', 'greeting_salutations'],
		['greetingString', 'greeting_string'],
		['styleSheet', 'style_sheet'],
		['viewAsWebPageLinkText', 'view_as_web_page_link_text'],
	];
	for (const [field, key] of plain) if (fields[field] !== undefined && fields[field] !== '') body[key] = fields[field];
	if (fields.permissionReminderText) {
		body.is_permission_reminder_enabled = true;
		body.permission_reminder_text = fields.permissionReminderText;
	}
	if (fields.viewAsWebPageText) {
		body.is_view_as_webpage_enabled = true;
		body.view_as_web_page_text = fields.viewAsWebPageText;
	}
	const footer = (fields.messageFooter as IDataObject | undefined)?.footer as IDataObject | undefined;
	if (footer) body.message_footer = Object.fromEntries(Object.entries(footer).filter(([, v]) => v !== ''));
	if (fields.contactListIds !== undefined) {
		const ids = readIdList.call(this, fields.contactListIds, 'Contact Lists', i);
		if (ids.length) body.sent_to_contact_lists = ids.map((id) => ({ id }));
	}
	return body;
}
