/**
 * Every Constant Contact limit the node respects, with where it comes from. "Contract" is the
 * official v3 OpenAPI file (schema and field); "API guide" is Constant Contact's developer
 * documentation; "v2 docs" the legacy API's reference.
 */

// Rate and quota (API guide, "Rate limits"; v2 docs: the same per API key).
/** Requests per second per v3 application and per v2 API key: the credential's default pace. */
export const REQUESTS_PER_SECOND = 4;
/** Requests per day per v3 application and per v2 API key (counted per UTC day). */
export const REQUESTS_PER_DAY = 10_000;
/**
 * Ours, not the API's: how long a request refused for rate is retried by default. Long enough
 * for several n8n workers sharing one account through a busy minute, short enough that an
 * account kept busy by something else ends in an error.
 */
export const THROTTLE_RETRY_SECONDS = 120;

// Pagination (contract: `limit` of the list endpoints, maximum 500; v2 docs: `limit` up to 500).
export const PAGE_SIZE_MAX = 500;

// Ids per call.
/** Contract: GET /reports/stats/email_campaigns/{campaign_ids}, at most 150 ids. */
export const CAMPAIGN_STATS_IDS_PER_CALL = 150;
/** Contract: GET /reports/stats/email_campaign_activities/{campaign_activity_ids}, at most 10. */
export const ACTIVITY_STATS_IDS_PER_CALL = 10;
/** Contract: GET /emails/campaign_id_xrefs, `v2_email_campaign_ids` maxItems 50. */
export const V2_CAMPAIGN_IDS_PER_CALL = 50;
/** Contract: GET /contact_lists/list_id_xrefs, `sequence_ids` maxItems 500. */
export const V2_LIST_IDS_PER_CALL = 500;
/** Contract: GET /contacts/contact_id_xrefs, `sequence_ids` maxItems 500. */
export const V2_CONTACT_IDS_PER_CALL = 500;

// Campaigns and their emails.
/** Contract: EmailCampaignComplete.name, maxLength 80 (v2 docs: the same). */
export const CAMPAIGN_NAME_MAX = 80;
/** Contract: EmailCampaignActivityInput.from_name, maxLength 100 (v2 docs: the same). */
export const FROM_NAME_MAX = 100;
/** Contract: EmailCampaignActivityInput.from_email and reply_to_email, maxLength 80. */
export const EMAIL_MAX = 80;
/** Contract: EmailCampaignActivityInput.preheader, maxLength 200. */
export const PREHEADER_MAX = 200;
/** Contract: EmailCampaignActivityInput.html_content, maxLength 150,000 (tracking tag included). */
export const HTML_CONTENT_MAX = 150_000;
/** v2 docs: EmailCampaign subject, at most 200 characters (v3 has no limit). */
export const V2_SUBJECT_MAX = 200;

/**
 * Contract: EmailCampaignActivity.segment_ids, "an array containing a single segment_id value"
 * (and never together with contact_list_ids).
 */
export const SEGMENTS_PER_ACTIVITY = 1;

// Resends to non-openers (contract: POST /emails/activities/{id}/non_opener_resends).
/** ResendToNonOpenersInput.delay_minutes: "a minimum of 720 (12 hours) and a maximum of 14,400 minutes (10 days)". */
export const RESEND_DELAY_MINUTES_MIN = 720;
export const RESEND_DELAY_MINUTES_MAX = 14_400;
/** ResendToNonOpenersInput.delay_days: "1 to 10 days". */
export const RESEND_DELAY_DAYS_MAX = 10;

// A/B tests (contract: ABTestData).
/** test_size: "Valid values include 5 to 50 percent". */
export const AB_TEST_SIZE_MIN = 5;
export const AB_TEST_SIZE_MAX = 50;
/** winner_wait_duration: "Valid values include 6, 12, 24, and 48" hours. */
export const AB_TEST_WINNER_WAIT_HOURS = [6, 12, 24, 48] as const;

// Segments.
/** Contract: segment_id, integer (int32). */
export const SEGMENT_ID_MAX = 2_147_483_647;
/** Contract: SegmentData.segment_criteria, maxLength 20,000 (the JSON as sent). */
export const SEGMENT_CRITERIA_MAX = 20_000;
/** Contract: GET /segments, `limit` (default 1000; no maximum given): the page the node asks for. */
export const SEGMENTS_PAGE_SIZE_MAX = 1000;

// Test sends.
/** Contract: EmailTestSendInput.email_addresses, maxItems 5 (v2 docs: the same). */
export const TEST_ADDRESSES_MAX = 5;
/** v2 docs: test send personal_message, at most 500 characters. */
export const V2_PERSONAL_MESSAGE_MAX = 500;

// Contacts and lists.
/** Contract: ListInput.name, maxLength 255. */
export const LIST_NAME_MAX = 255;
/** Contract: ContactCreateOrUpdateInput.email_address, maxLength 50. */
export const CONTACT_EMAIL_MAX = 50;
/** Contract: ContactCreateOrUpdateInput first_name, last_name, company_name, job_title. */
export const CONTACT_NAME_MAX = 50;
/** Contract: ContactCreateOrUpdateInput.phone_number, maxLength 25. */
export const CONTACT_PHONE_MAX = 25;
/** Contract: ContactCreateOrUpdateInput.list_memberships, maxItems 50. */
export const CONTACT_LISTS_MAX = 50;
/** Contract: ContactCreateOrUpdateInput.custom_fields, maxItems 50. */
export const CONTACT_CUSTOM_FIELDS_MAX = 50;
/** Contract: ContactCustomField.value, maxLength 255. */
export const CUSTOM_FIELD_VALUE_MAX = 255;
/** Contract: GET /contacts, `lists` takes at most 25 list ids. */
export const CONTACT_FILTER_LISTS_MAX = 25;

// Contact imports (contract: POST /activities/contacts_json_import and contacts_file_import).
/**
 * "If the request body exceeds 4 MB, only the contacts contained in the first 4 MB are imported
 * and the remaining data is dropped." Counted as 4,000,000 bytes (the stricter reading of MB) of
 * the JSON body as sent.
 */
export const IMPORT_BODY_BYTES_MAX = 4_000_000;
/** API guide: at most 40,000 contacts per import (the CSV form: 40,000 lines with the header). */
export const IMPORT_CONTACTS_MAX = 40_000;
/** Contract: ContactsJsonImport.list_ids, 1 to 50 lists. */
export const IMPORT_LISTS_MAX = 50;
/** Contract, contacts_file_import: "Each contact can contain up to 25 different custom fields." */
export const IMPORT_CUSTOM_FIELDS_MAX = 25;
/** Contract: JsonImportContact names, job title, company, phones, city, state, zip, country. */
export const IMPORT_TEXT_MAX = 50;
/** Contract: JsonImportContact street and street2 (main, home, work, other), maxLength 255. */
export const IMPORT_STREET_MAX = 255;
/** Contract: JsonImportContact sms_number and sms_consent_date, maxLength 16. */
export const IMPORT_SMS_MAX = 16;

// Bulk activities on existing contacts (contract: add/remove_list_memberships, contact_delete,
// contacts_taggings_add/remove, contact_exports).
/** `source.contact_ids` (and ContactDelete / ContactsExport `contact_ids`), maxItems 500. */
export const ACTIVITY_CONTACT_IDS_MAX = 500;
/** The target `list_ids` of list membership activities and ContactsExport.list_ids, maxItems 50. */
export const ACTIVITY_LISTS_MAX = 50;
/** TagAddRemoveContacts.tag_ids, maxItems 50. */
export const ACTIVITY_TAGS_MAX = 50;

// Answers.
/**
 * Not the API's: no answer within this time counts as a lost answer (retried, or read back for
 * a create), so a stuck connection never holds a workflow. A page of 500 records takes seconds.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

// Tags, custom fields and bulk activities.
/** Contract: TagPost.name and TagPut.name, minLength 1, maxLength 255 (unique in the account). */
export const TAG_NAME_MAX = 255;
/** Contract: GET /contact_tags, `limit` "up to 500" per page. */
export const TAGS_PAGE_SIZE_MAX = 500;
/** Contract: CustomFieldRequest.label and CustomFieldPutRequest.label, maxLength 50. */
export const CUSTOM_FIELD_LABEL_MAX = 50;
/** Contract: POST /contact_custom_fields, "A user can configure up to 100 custom_fields in their account". */
export const CUSTOM_FIELDS_PER_ACCOUNT = 100;
/** Contract: GET /contact_custom_fields, `limit` from 1 to 100 per page. */
export const CUSTOM_FIELDS_PAGE_SIZE_MAX = 100;
/** Contract: GET /activities, `limit` from 1 to 500 per page (activities of the past 10 days). */
export const ACTIVITIES_PAGE_SIZE_MAX = 500;
