import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../helpers/description';
import { locatorId, v3CampaignActivityLocator } from '../../../helpers/locators';
import { apiRequest } from '../../../transport';
import { notFoundActivity } from './shared';

export const description = forOperation('v3', 'campaignActivity', 'getPreview', [v3CampaignActivityLocator]);

/** The email as recipients see it: `preview_html_content` and `preview_text_content`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = locatorId.call(this, v3CampaignActivityLocator, i);
	return (await apiRequest.call(this, 'v3', 'GET', `/emails/activities/${encodeURIComponent(id)}/previews`, {
		notFound: notFoundActivity(id),
		itemIndex: i,
	})) as IDataObject;
}
