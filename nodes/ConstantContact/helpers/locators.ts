import { type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { checkId, UUID, V2_ID } from './ids';
import { describeValue } from './values';

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

// An id in a link is not cut out of a longer run of digits or hex.
const ID_STARTS = '(?<![0-9a-fA-F])';
const ID_ENDS = '(?![0-9a-fA-F])';

/** The spec each locator was made from, to check the ids it gives. */
const specs = new Map<INodeProperties, LocatorSpec>();

function locator(spec: LocatorSpec): INodeProperties {
	const property: INodeProperties = {
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
	specs.set(property, spec);
	return property;
}

export const v3CampaignLocator = locator({
	name: 'campaignId',
	displayName: 'Campaign',
	searchListMethod: 'searchCampaigns',
	idPattern: UUID,
	idPlaceholder: 'e.g. 2a4b1f6e-3c1d-4c8e-9f70-1b2c3d4e5f60',
	urlPattern: `${ID_STARTS}(${UUID})${ID_ENDS}`,
	urlPlaceholder: 'e.g. https://app.constantcontact.com/pages/campaigns/email-details/details/2a4b1f6e-...',
	description: 'The email campaign, newest first',
});

export const v3CampaignActivityLocator = locator({
	name: 'campaignActivityId',
	displayName: 'Campaign Activity',
	searchListMethod: 'searchCampaignActivities',
	idPattern: UUID,
	idPlaceholder: 'e.g. 91569d46-00e4-4a4d-9a4c-d17d98740d04',
	urlPattern: `${ID_STARTS}(${UUID})${ID_ENDS}`,
	urlPlaceholder: 'e.g. https://app.constantcontact.com/pages/campaigns/email-details/activity/91569d46-...',
	description:
		"A campaign's email activity (the primary email is what gets sent). The list shows each campaign's primary " +
		'email, newest first.',
});

export const v2CampaignLocator = locator({
	name: 'campaignId',
	displayName: 'Campaign',
	searchListMethod: 'searchV2Campaigns',
	idPattern: V2_ID,
	idPlaceholder: 'e.g. 1100394165290',
	urlPattern: `(?:campaign=|campaigns/)(${V2_ID})${ID_ENDS}`,
	urlPlaceholder: 'e.g. https://ui.constantcontact.com/rnavmap/emcf/email/view?campaign=1100394165290',
	description: 'The email campaign, newest first',
});

interface LocatorValue {
	mode?: unknown;
	value?: unknown;
}

function isLocatorValue(value: unknown): value is LocatorValue {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && 'value' in value;
}

/**
 * Reads a resource locator (one of the above) for one item and checks the id's shape, so a
 * wrong value gets a clear error naming the field before any request is made. The id is taken
 * out of a link here, not by n8n, whose error for a bad link does not name the field.
 */
export function locatorId(this: IExecuteFunctions, locator: INodeProperties, itemIndex: number): string {
	const spec = specs.get(locator);
	if (!spec) throw new NodeOperationError(this.getNode(), `"${locator.displayName}" is not a resource locator`);
	const label = spec.displayName;
	const hint =
		`Pick the ${label.toLowerCase()} from the list, ` + 'or paste its ID or its link from the Constant Contact app.';
	const raw = this.getNodeParameter(spec.name, itemIndex, '') as unknown;
	if (!isLocatorValue(raw) || raw.mode !== 'url') {
		return checkId.call(this, isLocatorValue(raw) ? raw.value : raw, label, itemIndex, spec.idPattern, hint);
	}
	const link = typeof raw.value === 'string' ? raw.value.trim() : '';
	const id = new RegExp(spec.urlPattern).exec(link)?.[1];
	if (!id) {
		throw new NodeOperationError(
			this.getNode(),
			`"${label}" is not a Constant Contact link that contains a ${label} ID: ${describeValue(raw.value)}`,
			{ itemIndex, description: hint },
		);
	}
	return checkId.call(this, id, label, itemIndex, spec.idPattern, hint);
}
