import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { campaignSources } from '../ConstantContact/helpers/campaignSources';
import type { ApiVersion } from '../ConstantContact/helpers/types';
import { apiRequestAllItems } from '../ConstantContact/transport';

/** Every page of the campaign list for `qs` (the API's own date filter, if any). */
export async function listCampaigns(
	this: IPollFunctions,
	api: ApiVersion,
	qs: IDataObject,
	withDeleted: boolean,
): Promise<IDataObject[]> {
	const source = campaignSources[api];
	const list = async (query: IDataObject) =>
		await apiRequestAllItems.call(this, api, source.endpoint, { qs: query, itemsKey: source.itemsKey });
	const campaigns = await list(qs);
	if (withDeleted && source.deletedQuery) campaigns.push(...(await list({ ...qs, ...source.deletedQuery })));
	return campaigns;
}
