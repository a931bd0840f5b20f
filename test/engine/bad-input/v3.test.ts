/**
 * Bad input on every v3 operation (issue 6): generated values for each field end in an error
 * that names the field (or in success, when acceptable), never a crash, and never in a request
 * the API contract rejects. Seeds are fixed: a failure prints the seed and the value.
 */
import { jsonOf, uniqueName, v3, type World } from '../world';
import { badInputSuite } from './suite';
import { v3Cases, v3Paired, type V3Fixtures } from './v3.cases';

async function v3Fixtures(world: World): Promise<V3Fixtures> {
	const [draft] = jsonOf(
		await world.run({
			...v3,
			resource: 'campaign',
			operation: 'create',
			name: uniqueName('Bad input base'),
			subject: 'Hello',
			fromName: 'Garden Shop',
			fromEmail: world.verifiedEmail(),
			replyToEmail: world.verifiedEmail(),
			htmlContent: '<p>Hi</p>',
		}),
	);
	const { v3: state, contacts } = world.sandbox.state;
	const campaigns = [...state.campaigns.values()];
	const primary = (campaignId: string) =>
		state.campaigns.get(campaignId)!.activityIds.find((a) => a.role === 'primary_email')!.campaign_activity_id;
	const otherDraft = campaigns.find((c) => c.current_status === 'Draft' && c.campaign_id !== draft.campaign_id)!;
	const sent = campaigns.find((c) => c.current_status === 'Done')!;
	return {
		campaignId: String(draft.campaign_id),
		activityId: String(draft.primary_campaign_activity_id),
		scheduleActivityId: primary(otherDraft.campaign_id),
		sentCampaignId: sent.campaign_id,
		sentActivityId: primary(sent.campaign_id),
		listId: world.v3ListIds()[0],
		contactId: [...contacts.values()][0].contact_id,
		verifiedEmail: world.verifiedEmail(),
		v2CampaignId: [...state.xrefs.keys()][0],
	};
}

badInputSuite('v3', v3Cases, v3Paired, v3Fixtures);
