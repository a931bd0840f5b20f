/**
 * The only place that does HTTP. `apiRequest` is the story of one request: connect (credential,
 * URL, limiter), send once, and on a failure decide: retry, read back a lost create, or give up
 * with an error that says what to do. Pagination (`pagination.ts`) and read-backs
 * (`readBack.ts`) are built on it.
 */
export { apiRequest, type Outcome, type RequestOptions } from './request';
export { credentialRequestsPerSecond, type ApiContext } from './connection';
export { apiRequestAllItems, apiRequestPage, type ListOptions, type Page, type PageRequest } from './pagination';
export { scheduleReadBack } from './readBack';
