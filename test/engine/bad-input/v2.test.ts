/**
 * Bad input on every v2 (legacy API) operation (issue 6): generated values for each field end in
 * an error that names the field (or in success, when acceptable), never a crash, and never in a
 * request the API refuses as malformed. Seeds are fixed: a failure prints the seed and the value.
 */
import { byId, jsonOf, v2, type World } from '../world';
import { badInputSuite } from './suite';
import { v2Cases, v2Paired, type V2Fixtures } from './v2.cases';

async function v2Fixtures(world: World): Promise<V2Fixtures> {
	const listId = world.v2ListIds()[0];
	const draft = () =>
		world.draftCampaign('v2', { subject: 'Hello', html: '<html><body><p>Hi</p></body></html>', lists: [listId] })
			.campaignId;
	const campaignId = draft();
	const scheduledCampaignId = draft();
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
	// The seeded SENT campaign: its tracking rows (opens, clicks...) are Constant Contact's own fixtures.
	const sent = world.sandbox.v2Campaigns().find((c) => c.status === 'SENT')!;
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
