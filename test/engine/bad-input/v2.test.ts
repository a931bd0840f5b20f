/**
 * Bad input on every v2 (legacy API) operation (issue 6): generated values for each field end in
 * an error that names the field (or in success, when acceptable), never a crash, and never in a
 * request the API refuses as malformed. Seeds are fixed: a failure prints the seed and the value.
 */
import { byId, jsonOf, uniqueName, v2, type World } from '../world';
import { badInputSuite } from './suite';
import { v2Cases, v2Paired, type V2Fixtures } from './v2.cases';

async function draftCampaign(world: World, listId: string): Promise<string> {
	const [campaign] = jsonOf(
		await world.run({
			...v2,
			resource: 'campaign',
			operation: 'create',
			name: uniqueName('Bad input base'),
			subject: 'Hello',
			fromName: 'Garden Shop',
			fromEmail: world.verifiedEmail(),
			replyToEmail: world.verifiedEmail(),
			emailContent: '<html><body><p>Hi</p></body></html>',
			textContent: 'Hi',
			contactListIds: [listId],
		}),
	);
	return String(campaign.id);
}

async function v2Fixtures(world: World): Promise<V2Fixtures> {
	const listId = world.v2ListIds()[0];
	const campaignId = await draftCampaign(world, listId);
	const scheduledCampaignId = await draftCampaign(world, listId);
	const [schedule] = jsonOf(
		await world.run({
			...v2,
			resource: 'schedule',
			operation: 'create',
			campaignId: byId(scheduledCampaignId),
			scheduleType: 'date',
			scheduledDate: '2099-05-10T09:00:00Z',
		}),
	);
	const sent = [...world.sandbox.state.v2.campaigns.values()].find((c) => c.status === 'SENT')!;
	return {
		campaignId,
		scheduledCampaignId,
		scheduleId: String(schedule.id),
		sentCampaignId: sent.id,
		listId,
		verifiedEmail: world.verifiedEmail(),
	};
}

badInputSuite('v2', v2Cases, v2Paired, v2Fixtures);
