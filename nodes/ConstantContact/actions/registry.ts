/**
 * The one list of the node's operations, by Constant Contact API, resource and operation. The
 * node's description, the router, the tests' coverage checks and the README's operation table
 * all come from it. `v3` and `v2` are Constant Contact's API versions (selected by the
 * credential), not versions of this node. Keys are the values saved workflows hold: never
 * rename one.
 *
 * To add an operation: write `actions/<api>/<resource>/<operation>.operation.ts` and add its
 * line here (see CONTRIBUTING.md).
 */
import type { ApiVersion, Operation } from '../helpers/types';
import * as v2CampaignCreate from './v2/campaign/create.operation';
import * as v2CampaignDelete from './v2/campaign/delete.operation';
import * as v2CampaignGet from './v2/campaign/get.operation';
import * as v2CampaignGetMany from './v2/campaign/getMany.operation';
import * as v2CampaignGetPreview from './v2/campaign/getPreview.operation';
import * as v2CampaignSendTest from './v2/campaign/sendTest.operation';
import * as v2CampaignUpdate from './v2/campaign/update.operation';
import * as v2ContactListGetMany from './v2/contactList/getMany.operation';
import * as v2ScheduleCreate from './v2/schedule/create.operation';
import * as v2ScheduleDelete from './v2/schedule/delete.operation';
import * as v2ScheduleGet from './v2/schedule/get.operation';
import * as v2ScheduleGetMany from './v2/schedule/getMany.operation';
import * as v2ScheduleUpdate from './v2/schedule/update.operation';
import * as v2TrackingGetActivity from './v2/tracking/getActivity.operation';
import * as v2TrackingGetSummary from './v2/tracking/getSummary.operation';
import * as v3BulkActivityGet from './v3/bulkActivity/get.operation';
import * as v3BulkActivityGetMany from './v3/bulkActivity/getMany.operation';
import * as v3CampaignCreate from './v3/campaign/create.operation';
import * as v3CampaignDelete from './v3/campaign/delete.operation';
import * as v3CampaignGet from './v3/campaign/get.operation';
import * as v3CampaignGetByV2Id from './v3/campaign/getByV2Id.operation';
import * as v3CampaignGetMany from './v3/campaign/getMany.operation';
import * as v3CampaignUpdate from './v3/campaign/update.operation';
import * as v3CampaignActivityCreateAbTest from './v3/campaignActivity/createAbTest.operation';
import * as v3CampaignActivityCreateResend from './v3/campaignActivity/createResend.operation';
import * as v3CampaignActivityDeleteAbTest from './v3/campaignActivity/deleteAbTest.operation';
import * as v3CampaignActivityDeleteResend from './v3/campaignActivity/deleteResend.operation';
import * as v3CampaignActivityGet from './v3/campaignActivity/get.operation';
import * as v3CampaignActivityGetAbTest from './v3/campaignActivity/getAbTest.operation';
import * as v3CampaignActivityGetPreview from './v3/campaignActivity/getPreview.operation';
import * as v3CampaignActivityGetResends from './v3/campaignActivity/getResends.operation';
import * as v3CampaignActivityGetSendHistory from './v3/campaignActivity/getSendHistory.operation';
import * as v3CampaignActivitySendTest from './v3/campaignActivity/sendTest.operation';
import * as v3CampaignActivityUpdate from './v3/campaignActivity/update.operation';
import * as v3ContactAddTags from './v3/contact/addTags.operation';
import * as v3ContactAddToLists from './v3/contact/addToLists.operation';
import * as v3ContactDelete from './v3/contact/delete.operation';
import * as v3ContactExport from './v3/contact/export.operation';
import * as v3ContactGet from './v3/contact/get.operation';
import * as v3ContactGetByV2Id from './v3/contact/getByV2Id.operation';
import * as v3ContactGetMany from './v3/contact/getMany.operation';
import * as v3ContactImport from './v3/contact/import.operation';
import * as v3ContactRemoveFromLists from './v3/contact/removeFromLists.operation';
import * as v3ContactRemoveTags from './v3/contact/removeTags.operation';
import * as v3ContactUpsert from './v3/contact/upsert.operation';
import * as v3ContactListCreate from './v3/contactList/create.operation';
import * as v3ContactListDelete from './v3/contactList/delete.operation';
import * as v3ContactListGet from './v3/contactList/get.operation';
import * as v3ContactListGetByV2Id from './v3/contactList/getByV2Id.operation';
import * as v3ContactListGetMany from './v3/contactList/getMany.operation';
import * as v3ContactListUpdate from './v3/contactList/update.operation';
import * as v3CustomFieldCreate from './v3/customField/create.operation';
import * as v3CustomFieldDelete from './v3/customField/delete.operation';
import * as v3CustomFieldGet from './v3/customField/get.operation';
import * as v3CustomFieldGetMany from './v3/customField/getMany.operation';
import * as v3CustomFieldUpdate from './v3/customField/update.operation';
import * as v3ReportGetActivityStats from './v3/report/getActivityStats.operation';
import * as v3ReportGetCampaignStats from './v3/report/getCampaignStats.operation';
import * as v3ReportGetCampaignSummaries from './v3/report/getCampaignSummaries.operation';
import * as v3ReportGetLinks from './v3/report/getLinks.operation';
import * as v3ReportGetTracking from './v3/report/getTracking.operation';
import * as v3ScheduleCreate from './v3/schedule/create.operation';
import * as v3ScheduleDelete from './v3/schedule/delete.operation';
import * as v3ScheduleGet from './v3/schedule/get.operation';
import * as v3SegmentCreate from './v3/segment/create.operation';
import * as v3SegmentDelete from './v3/segment/delete.operation';
import * as v3SegmentGet from './v3/segment/get.operation';
import * as v3SegmentGetMany from './v3/segment/getMany.operation';
import * as v3SegmentRename from './v3/segment/rename.operation';
import * as v3TagCreate from './v3/tag/create.operation';
import * as v3TagDelete from './v3/tag/delete.operation';
import * as v3TagGet from './v3/tag/get.operation';
import * as v3TagGetMany from './v3/tag/getMany.operation';
import * as v3TagUpdate from './v3/tag/update.operation';

export interface Resource<Operations extends Record<string, Operation> = Record<string, Operation>> {
	/** The resource's name in the editor's Resource list. */
	displayName: string;
	/** The operation the editor selects first (one of `operations`: `resource()` checks it). */
	defaultOperation: string;
	operations: Operations;
}

/** A resource whose default operation is one of its own (checked when it compiles). */
const resource = <Operations extends Record<string, Operation>>(
	displayName: string,
	defaultOperation: keyof Operations & string,
	operations: Operations,
): Resource<Operations> => ({ displayName, defaultOperation, operations });

export const registry = {
	v3: {
		campaign: resource('Campaign', 'create', {
			create: v3CampaignCreate,
			delete: v3CampaignDelete,
			get: v3CampaignGet,
			getByV2Id: v3CampaignGetByV2Id,
			getMany: v3CampaignGetMany,
			update: v3CampaignUpdate,
		}),
		campaignActivity: resource('Campaign Activity', 'update', {
			createAbTest: v3CampaignActivityCreateAbTest,
			createResend: v3CampaignActivityCreateResend,
			deleteAbTest: v3CampaignActivityDeleteAbTest,
			deleteResend: v3CampaignActivityDeleteResend,
			get: v3CampaignActivityGet,
			getAbTest: v3CampaignActivityGetAbTest,
			getPreview: v3CampaignActivityGetPreview,
			getResends: v3CampaignActivityGetResends,
			getSendHistory: v3CampaignActivityGetSendHistory,
			sendTest: v3CampaignActivitySendTest,
			update: v3CampaignActivityUpdate,
		}),
		contact: resource('Contact', 'upsert', {
			addTags: v3ContactAddTags,
			addToLists: v3ContactAddToLists,
			delete: v3ContactDelete,
			export: v3ContactExport,
			get: v3ContactGet,
			getByV2Id: v3ContactGetByV2Id,
			getMany: v3ContactGetMany,
			import: v3ContactImport,
			removeFromLists: v3ContactRemoveFromLists,
			removeTags: v3ContactRemoveTags,
			upsert: v3ContactUpsert,
		}),
		contactList: resource('Contact List', 'getMany', {
			create: v3ContactListCreate,
			delete: v3ContactListDelete,
			get: v3ContactListGet,
			getByV2Id: v3ContactListGetByV2Id,
			getMany: v3ContactListGetMany,
			update: v3ContactListUpdate,
		}),
		bulkActivity: resource('Bulk Activity', 'get', {
			get: v3BulkActivityGet,
			getMany: v3BulkActivityGetMany,
		}),
		customField: resource('Custom Field', 'getMany', {
			create: v3CustomFieldCreate,
			delete: v3CustomFieldDelete,
			get: v3CustomFieldGet,
			getMany: v3CustomFieldGetMany,
			update: v3CustomFieldUpdate,
		}),
		report: resource('Report', 'getCampaignSummaries', {
			getActivityStats: v3ReportGetActivityStats,
			getCampaignStats: v3ReportGetCampaignStats,
			getCampaignSummaries: v3ReportGetCampaignSummaries,
			getLinks: v3ReportGetLinks,
			getTracking: v3ReportGetTracking,
		}),
		schedule: resource('Schedule', 'create', {
			create: v3ScheduleCreate,
			delete: v3ScheduleDelete,
			get: v3ScheduleGet,
		}),
		segment: resource('Segment', 'getMany', {
			create: v3SegmentCreate,
			delete: v3SegmentDelete,
			get: v3SegmentGet,
			getMany: v3SegmentGetMany,
			rename: v3SegmentRename,
		}),
		tag: resource('Tag', 'getMany', {
			create: v3TagCreate,
			delete: v3TagDelete,
			get: v3TagGet,
			getMany: v3TagGetMany,
			update: v3TagUpdate,
		}),
	},
	v2: {
		campaign: resource('Campaign', 'create', {
			create: v2CampaignCreate,
			delete: v2CampaignDelete,
			get: v2CampaignGet,
			getMany: v2CampaignGetMany,
			getPreview: v2CampaignGetPreview,
			sendTest: v2CampaignSendTest,
			update: v2CampaignUpdate,
		}),
		contactList: resource('Contact List', 'getMany', { getMany: v2ContactListGetMany }),
		schedule: resource('Schedule', 'create', {
			create: v2ScheduleCreate,
			delete: v2ScheduleDelete,
			get: v2ScheduleGet,
			getMany: v2ScheduleGetMany,
			update: v2ScheduleUpdate,
		}),
		tracking: resource('Tracking', 'getSummary', {
			getActivity: v2TrackingGetActivity,
			getSummary: v2TrackingGetSummary,
		}),
	},
} satisfies Record<ApiVersion, Record<string, Resource>>;

export type Registry = typeof registry;
export type ResourceName<A extends ApiVersion> = keyof Registry[A] & string;
export type OperationName<A extends ApiVersion, R extends ResourceName<A>> = keyof (Registry[A][R] extends {
	operations: infer Operations;
}
	? Operations
	: never) &
	string;
/** `resource.operation` keys of one API, e.g. 'campaign.create': a wrong pair does not compile. */
export type OperationKey<A extends ApiVersion> = {
	[R in ResourceName<A>]: `${R}.${OperationName<A, R>}`;
}[ResourceName<A>];

/** Every operation of every API, in the registry's order. */
export function allOperations(): Array<{
	api: ApiVersion;
	resource: string;
	resourceName: string;
	operation: string;
	definition: Operation;
}> {
	return (Object.keys(registry) as ApiVersion[]).flatMap((api) =>
		Object.entries(registry[api] as Record<string, Resource>).flatMap(([resource, r]) =>
			Object.entries(r.operations).map(([operation, definition]) => ({
				api,
				resource,
				resourceName: r.displayName,
				operation,
				definition,
			})),
		),
	);
}

/** The operation a node's parameters select, or undefined (a saved value this version lacks). */
export function findOperation(api: ApiVersion, resource: string, operation: string): Operation | undefined {
	const resources = registry[api] as Record<string, Resource>;
	if (!hasOwn(resources, resource)) return undefined;
	const operations = resources[resource].operations;
	return hasOwn(operations, operation) ? operations[operation] : undefined;
}

// Parameters come from saved workflows: 'constructor' or '__proto__' must not find anything.
const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
