import type { ApiVersion, ResourceOperations } from '../helpers/types';
import * as v2Campaign from './v2/campaign/Campaign.resource';
import * as v2ContactList from './v2/contactList/ContactList.resource';
import * as v2Schedule from './v2/schedule/Schedule.resource';
import * as v2Tracking from './v2/tracking/Tracking.resource';
import * as v3Campaign from './v3/campaign/Campaign.resource';
import * as v3CampaignActivity from './v3/campaignActivity/CampaignActivity.resource';
import * as v3Contact from './v3/contact/Contact.resource';
import * as v3ContactList from './v3/contactList/ContactList.resource';
import * as v3Report from './v3/report/Report.resource';
import * as v3Schedule from './v3/schedule/Schedule.resource';

/** Every operation, by API, resource and operation value (the names saved workflows use). */
export const resources: Record<ApiVersion, Record<string, { operations: ResourceOperations }>> = {
	v3: { campaign: v3Campaign, campaignActivity: v3CampaignActivity, contact: v3Contact, contactList: v3ContactList, report: v3Report, schedule: v3Schedule },
	v2: { campaign: v2Campaign, contactList: v2ContactList, schedule: v2Schedule, tracking: v2Tracking },
};
