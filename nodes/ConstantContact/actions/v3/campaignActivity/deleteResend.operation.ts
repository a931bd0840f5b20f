import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { checkId } from '../../../helpers/ids';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import type { OperationOption } from '../../../helpers/types';
import { optionalText } from '../../../helpers/validators';
import { apiRequest } from '../../../transport';
import { readResends, resendsPath } from './shared';

export const option: OperationOption = {
	name: 'Delete Resend',
	description: 'Cancel the resend to non-openers of an email',
	action: 'Delete a resend to non-openers',
};

export const endpoints = [
	'GET /emails/activities/{campaign_activity_id}/non_opener_resends',
	'DELETE /emails/activities/{campaign_activity_id}/non_opener_resends/{resend_request_id}',
];

export const properties: INodeProperties[] = [
	v3CampaignActivityLocator,
	{
		displayName: 'Resend Request ID',
		name: 'resendRequestId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 389093, or DRAFT',
		description:
			"Leave empty to delete the campaign's resend (it has at most one), or give its resend_request_id from Get " +
			'Resends: DRAFT while the email is a draft',
	},
];

// The API's ids: a number for a scheduled or sent resend, DRAFT for a draft email's.
const RESEND_REQUEST_ID = 'DRAFT|[0-9]{1,19}';
const HINT = 'Campaign Activity → Get Resends shows the resend of an email and its "Resend Request ID".';

/** The campaign's resend (it has at most one): its resend_request_id, or an error when it has none. */
async function onlyResendId(this: IExecuteFunctions, id: string, itemIndex: number): Promise<string> {
	const [resend] = await readResends.call(this, id, itemIndex);
	if (!resend?.resend_request_id) {
		throw new NodeOperationError(this.getNode(), `Campaign activity "${id}" has no resend to non-openers to delete`, {
			itemIndex,
			description: `Check "Campaign Activity". ${HINT}`,
		});
	}
	return String(resend.resend_request_id);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, itemIndex);
	const given = optionalText.call(
		this,
		this.getNodeParameter('resendRequestId', itemIndex, ''),
		'Resend Request ID',
		itemIndex,
	);
	// "draft" is the same id as DRAFT.
	const typed = given?.toUpperCase() === 'DRAFT' ? 'DRAFT' : given;
	const resendId = typed
		? checkId.call(this, typed, 'Resend Request ID', itemIndex, RESEND_REQUEST_ID, HINT)
		: await onlyResendId.call(this, id, itemIndex);
	await apiRequest.call(this, 'v3', 'DELETE', `${resendsPath(id)}/${encodeURIComponent(resendId)}`, {
		notFound:
			`No resend to non-openers "${resendId}" exists for campaign activity "${id}": check "Campaign Activity" and ` +
			`"Resend Request ID". ${HINT}`,
		hints: { 409: 'Constant Contact deletes a resend only until it is sent; this one was sent already.' },
		itemIndex,
	});
	return { campaign_activity_id: id, resend_request_id: resendId, deleted: true };
}
