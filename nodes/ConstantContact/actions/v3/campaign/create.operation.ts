import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { newCampaignFields } from '../../../helpers/fields';
import { PREHEADER_MAX } from '../../../helpers/limits';
import type { OperationOption } from '../../../helpers/types';
import { optionalText, readNewCampaignFields, requiredText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { checkedHtml, withPrimaryActivity } from './shared';

// format_type 5 is the custom-code HTML email, the only format the API can create.
const CUSTOM_CODE_FORMAT = 5;

export const option: OperationOption = {
	name: 'Create',
	description: 'Create a campaign and its email',
	action: 'Create a campaign',
};

export const endpoints = ['POST /emails'];

export const properties: INodeProperties[] = [
	...newCampaignFields(),
	{
		displayName: 'HTML Content',
		name: 'htmlContent',
		type: 'string',
		typeOptions: { rows: 8 },
		required: true,
		default: '',
		description:
			'The email body as HTML. The [[trackingImage]] tag Constant Contact needs for reporting is added at the end of ' +
			'the body if missing.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Preheader',
				name: 'preheader',
				type: 'string',
				default: '',
				description: 'Preview text shown after the subject in most inboxes (at most 200 characters)',
			},
			{
				displayName: 'Physical Address in Footer',
				name: 'physicalAddressInFooter',
				type: 'fixedCollection',
				default: {},
				description: "The address shown in the email's footer; defaults to the account's address",
				options: [
					{
						displayName: 'Address',
						name: 'address',
						values: [
							{ displayName: 'Organization Name', name: 'organization_name', type: 'string', default: '' },
							{ displayName: 'Address Line 1', name: 'address_line1', type: 'string', default: '' },
							{ displayName: 'Address Line 2', name: 'address_line2', type: 'string', default: '' },
							{ displayName: 'City', name: 'city', type: 'string', default: '' },
							{ displayName: 'State Code', name: 'state_code', type: 'string', default: '', placeholder: 'e.g. MA' },
							{ displayName: 'Postal Code', name: 'postal_code', type: 'string', default: '' },
							{
								displayName: 'Country Code',
								name: 'country_code',
								type: 'string',
								default: '',
								placeholder: 'e.g. US',
							},
						],
					},
				],
			},
		],
	},
];

const FOOTER_FIELDS: Array<[string, string, boolean]> = [
	['organization_name', 'Organization Name', true],
	['address_line1', 'Address Line 1', true],
	['address_line2', 'Address Line 2', false],
	['city', 'City', false],
	['state_code', 'State Code', false],
	['postal_code', 'Postal Code', false],
	['country_code', 'Country Code', true],
];

function footerAddress(this: IExecuteFunctions, additional: IDataObject, itemIndex: number): IDataObject | undefined {
	const address = (additional.physicalAddressInFooter as IDataObject | undefined)?.address as IDataObject | undefined;
	if (!address) return undefined;
	const filled: IDataObject = {};
	for (const [key, label, required] of FOOTER_FIELDS) {
		const value = optionalText.call(this, address[key], label, itemIndex);
		if (value) filled[key] = value;
		else if (required) {
			throw new NodeOperationError(this.getNode(), `"Physical Address in Footer" needs "${label}"`, { itemIndex });
		}
	}
	return filled;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const { name, ...header } = readNewCampaignFields.call(this, itemIndex);
	const activity: IDataObject = {
		format_type: CUSTOM_CODE_FORMAT,
		...header,
		html_content: checkedHtml.call(this, requiredText.call(this, 'htmlContent', 'HTML Content', itemIndex), itemIndex),
	};
	const preheader = optionalText.call(this, additional.preheader, 'Preheader', itemIndex, PREHEADER_MAX);
	if (preheader) activity.preheader = preheader;
	const address = footerAddress.call(this, additional, itemIndex);
	if (address) activity.physical_address_in_footer = address;
	const body = { name, email_campaign_activities: [activity] };
	const campaign = (await apiRequest.call(this, 'v3', 'POST', '/emails', { body, itemIndex })) as IDataObject;
	return withPrimaryActivity(campaign);
}
