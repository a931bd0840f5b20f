import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkId, UUID, V2_ID } from './ids';

interface LocatorSpec {
	name: string;
	displayName: string;
	searchListMethod: string;
	idPattern: string;
	idPlaceholder: string;
	/** Where the id sits in a link copied from the Constant Contact app. */
	urlPattern: string;
	urlPlaceholder: string;
	description: string;
}

function locator(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				validation: [
					{
						type: 'regex',
						properties: { regex: `^${spec.idPattern}$`, errorMessage: `Not a valid ${spec.displayName} ID` },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: spec.urlPlaceholder,
				extractValue: { type: 'regex', regex: spec.urlPattern },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `.*${spec.urlPattern}.*`,
							errorMessage: `Not a Constant Contact link that contains a ${spec.displayName} ID`,
						},
					},
				],
			},
		],
	};
}

export const v3CampaignLocator = locator({
	name: 'campaignId',
	displayName: 'Campaign',
	searchListMethod: 'searchCampaigns',
	idPattern: UUID,
	idPlaceholder: 'e.g. 2a4b1f6e-3c1d-4c8e-9f70-1b2c3d4e5f60',
	urlPattern: `(${UUID})`,
	urlPlaceholder: 'e.g. https://app.constantcontact.com/pages/campaigns/email-details/details/2a4b1f6e-...',
	description: 'The email campaign, newest first',
});

export const v3CampaignActivityLocator = locator({
	name: 'campaignActivityId',
	displayName: 'Campaign Activity',
	searchListMethod: 'searchCampaignActivities',
	idPattern: UUID,
	idPlaceholder: 'e.g. 91569d46-00e4-4a4d-9a4c-d17d98740d04',
	urlPattern: `(${UUID})`,
	urlPlaceholder: 'e.g. https://app.constantcontact.com/pages/campaigns/email-details/activity/91569d46-...',
	description:
		"A campaign's email activity (the primary email is what gets sent). The list shows each campaign's primary email, newest first.",
});

export const v2CampaignLocator = locator({
	name: 'campaignId',
	displayName: 'Campaign',
	searchListMethod: 'searchV2Campaigns',
	idPattern: V2_ID,
	idPlaceholder: 'e.g. 1100394165290',
	urlPattern: `(?:campaign=|campaigns/)(${V2_ID})`,
	urlPlaceholder: 'e.g. https://ui.constantcontact.com/rnavmap/emcf/email/view?campaign=1100394165290',
	description: 'The email campaign, newest first',
});

const PATTERNS: Record<string, string> = {
	campaignId: `${UUID}|${V2_ID}`,
	campaignActivityId: UUID,
};

/**
 * Reads a resource locator for one item and checks the id's shape, so a wrong value gets a
 * clear error naming the field before any request is made.
 */
export function locatorId(this: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const hint = `Pick the ${label.toLowerCase()} from the list, or paste its ID or its link from the Constant Contact app.`;
	return checkId.call(this, value, label, itemIndex, PATTERNS[name] ?? '.+', hint);
}
