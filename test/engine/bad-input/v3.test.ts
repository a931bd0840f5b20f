/**
 * Bad input on every v3 operation (issue 6): generated values for each field end in an error
 * that names the field (or in success, when acceptable), never a crash, and never in a request
 * the API contract rejects. Seeds are fixed: a failure prints the seed and the value.
 */
import { type World } from '../world';
import { badInputSuite } from './suite';
import { v3Cases, v3Paired, type V3Fixtures } from './v3.cases';

async function v3Fixtures(world: World): Promise<V3Fixtures> {
	const draft = world.draftCampaign('v3', { subject: 'Hello', html: '<p>Hi</p>' });
	// One to schedule and unschedule: it has a contact list.
	const toSchedule = world.draftCampaign('v3', { lists: world.v3ListIds().slice(0, 1) });
	const sent = world.sentCampaign('v3', { audience: 3 });
	const [tag, deletedTag] = world.addTags(2);
	const deleted = await world.callV3(`/contact_tags/${deletedTag.tagId}`, { method: 'DELETE' });
	const { activity_id: bulkActivityId } = (await deleted.json()) as { activity_id: string };
	const resendActivityId = world.draftCampaign('v3').activityId;
	const resend = await world.callV3(`/emails/activities/${resendActivityId}/non_opener_resends`, {
		method: 'POST',
		body: { resend_subject: 'In case you missed it', delay_days: 2 },
	});
	const abTestActivityId = world.draftCampaign('v3').activityId;
	const abTest = await world.callV3(`/emails/activities/${abTestActivityId}/abtest`, {
		method: 'POST',
		body: { alternative_subject: 'Subject B', test_size: 20, winner_wait_duration: 24 },
	});
	if (resend.status !== 201 || abTest.status !== 201) throw new Error('the resend and A/B test fixtures failed');
	const listId = world.v3ListIds()[0];
	return {
		campaignId: draft.campaignId,
		activityId: draft.activityId,
		scheduleActivityId: toSchedule.activityId,
		sentCampaignId: sent.campaignId,
		sentActivityId: sent.activityId,
		listId: world.v3ListIds()[0],
		// The first seeded contact (contact01@example.com, the email of the get case's base).
		contactId: world.sandbox.contacts()[0].contact_id,
		spareContactId: world.sandbox.contacts()[1].contact_id,
		verifiedEmail: world.verifiedEmail(),
		v2CampaignId: world.draftCampaign('v2', { v3Twin: true }).campaignId,
		tagId: tag.tagId,
		customFieldId: world.addCustomFields(1)[0].customFieldId,
		bulkActivityId,
		freshDraft: (withLists = false) => world.draftCampaign('v3', withLists ? { lists: [listId] } : {}).activityId,
		resendActivityId,
		abTestActivityId,
		segmentId: world.addSegments(1)[0].segmentId,
		v2ListId: world.addLists(1)[0].v2Id,
		v2ContactId: world.addContacts(1)[0].v2Id,
	};
}

badInputSuite('v3', v3Cases, v3Paired, v3Fixtures);
