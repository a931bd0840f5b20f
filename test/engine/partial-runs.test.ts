import { DateTime } from 'luxon';

import { byId, v3, World } from './world';

let world: World;
beforeAll(async () => {
	world = await World.start();
});
afterAll(async () => await world.close());

const UNKNOWN_ACTIVITY = '00000000-0000-4000-8000-000000000000';

// Items run side by side: when one fails without Continue On Fail, others may already be done.
// The failed run outputs nothing, so its error must name exactly those.
test('a 20-item schedule run whose 7th item fails: the error names exactly the items the sandbox scheduled', async () => {
	const [list] = world.addLists(1, { contacts: 2 });
	const activityIds = world.draftCampaigns('v3', 20, { prefix: 'Partial run', lists: [list] }).map((c) => c.activityId);
	activityIds[6] = UNKNOWN_ACTIVITY;
	const when = DateTime.utc().plus({ days: 3 }).startOf('second').toISO();
	const result = await world.run(
		{
			...v3,
			resource: 'schedule',
			operation: 'create',
			campaignActivityId: byId('={{ $json.activityId }}'),
			scheduleType: 'date',
			scheduledDate: when,
		},
		{ input: activityIds.map((activityId) => ({ activityId })) },
	);
	const error = result.error as Error & { description?: string; context?: { doneItems?: Array<{ item: number }> } };
	expect(error.message).toContain(UNKNOWN_ACTIVITY);
	expect(result.items).toEqual([]);

	const scheduled = activityIds
		.map((id, item) => ({ id, item }))
		.filter(({ id }) => id !== UNKNOWN_ACTIVITY && world.sandbox.v3Activity(id)!.current_status === 'SCHEDULED');
	// Items beside the failed one ran; none started after it failed.
	expect(scheduled.length).toBeGreaterThan(0);
	expect(scheduled.length).toBeLessThan(19);
	const done = (error.context?.doneItems ?? []).map(({ item }) => item);
	expect(done).toEqual(scheduled.map(({ item }) => item));
	for (const { id, item } of scheduled) expect(error.description).toContain(`${item} (campaign_activity_id "${id}")`);
	expect(error.description).toContain('they are not undone');
});
