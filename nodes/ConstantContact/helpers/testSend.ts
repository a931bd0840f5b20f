import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TEST_ADDRESSES_MAX } from './limits';
import { optionalText, readEmailList } from './validators';

export const testRecipientsField: INodeProperties = {
	displayName: 'Email Addresses',
	name: 'emailAddresses',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. ann@example.com, bob@example.com',
	description: 'Who receives the test email: 1 to 5 addresses, comma-separated or an array from an expression',
};

export function personalMessageFields(hint: string): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Personal Message',
				name: 'personalMessage',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: hint,
			},
		],
	};
}

/** The checked recipients and the personal message of a test send. */
export function readTestSend(this: IExecuteFunctions, itemIndex: number): { emails: string[]; message: string } {
	const emails = readEmailList.call(
		this,
		this.getNodeParameter('emailAddresses', itemIndex, ''),
		'Email Addresses',
		itemIndex,
		TEST_ADDRESSES_MAX,
	);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const message = optionalText.call(this, additional.personalMessage, 'Personal Message', itemIndex) ?? '';
	return { emails, message };
}
