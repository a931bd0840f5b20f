import { type IDataObject, type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import { HTML_CONTENT_MAX } from '../../../helpers/limits';

/** The campaign as the API gives it, plus the id of its primary email activity for the next node. */
export function withPrimaryActivity(campaign: IDataObject): IDataObject {
	const activities = (campaign.campaign_activities as IDataObject[] | undefined) ?? [];
	const primary = activities.find((a) => a.role === 'primary_email');
	return { ...campaign, primary_campaign_activity_id: primary?.campaign_activity_id ?? null };
}

export const notFoundCampaign = (id: string) =>
	`No campaign with ID "${id}" exists in this Constant Contact account (or it was deleted).`;

const TRACKING_IMAGE = '[[trackingImage]]';

/** Constant Contact reports opens only when the HTML carries its tracking image tag. */
function withTrackingImage(html: string): string {
	if (html.includes(TRACKING_IMAGE)) return html;
	return /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${TRACKING_IMAGE}</body>`) : `${html}${TRACKING_IMAGE}`;
}

/** The HTML with its tracking image tag, within the API's length limit (tag included). */
export function checkedHtml(this: IExecuteFunctions, html: string, itemIndex: number): string {
	const full = withTrackingImage(html);
	if (full.length > HTML_CONTENT_MAX) {
		throw new NodeOperationError(
			this.getNode(),
			`"HTML Content" is ${full.length} characters long (with the ${TRACKING_IMAGE} tag); Constant Contact allows at ` +
				`most ${HTML_CONTENT_MAX}`,
			{ itemIndex },
		);
	}
	return full;
}
