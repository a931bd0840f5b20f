import type { ApiVersion, ResourceOperations } from '../helpers/types';
import * as v2Campaign from './v2/campaign/Campaign.resource';
import * as v2Schedule from './v2/schedule/Schedule.resource';
import * as v3Campaign from './v3/campaign/Campaign.resource';
import * as v3CampaignActivity from './v3/campaignActivity/CampaignActivity.resource';
import * as v3Schedule from './v3/schedule/Schedule.resource';

/** Every operation, by API, resource and operation value (the names saved workflows use). */
export const resources: Record<ApiVersion, Record<string, { operations: ResourceOperations }>> = {
	v3: { campaign: v3Campaign, campaignActivity: v3CampaignActivity, schedule: v3Schedule },
	v2: { campaign: v2Campaign, schedule: v2Schedule },
};
