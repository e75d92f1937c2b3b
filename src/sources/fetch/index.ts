// Live sources, phase 1: the fetching, safety and parsing layer the poller is built on.
export { classifyAddress, isNonPublicAddress, ADDRESS_CLASS_WORDS, type AddressClass } from './address-rule.ts';
export { guardedLookup, addressRefusal, isRefusedAddressError, systemResolver, type AddressPolicy, type Resolver, type ResolvedAddress } from './guarded-lookup.ts';
export { fetchResource, urlRefusal, MAX_REDIRECTS, type FetchOutcome, type Fetched, type NotModified, type FetchFailure, type FetchFailureReason, type FetchResourceOptions, type FetchValidators } from './fetch-resource.ts';
export { fetchFeed, fetchPage, type DocumentOutcome, type FetchedDocument } from './fetch-document.ts';
export { USER_AGENT, BOT_NAME, BOT_VERSION } from './user-agent.ts';
export { createHostGate, hostKey, DEFAULT_HOST_GAP_MS, type HostGate, type HostGateOptions } from '../polite/host-gate.ts';
export { backoffDelay, retryDelay, type BackoffOptions } from '../polite/backoff.ts';
export { parseRetryAfter } from '../polite/retry-after.ts';
export { completeArticle, type FullTextOptions, type FullTextOutcome, type FullTextFailure } from '../full-text.ts';
export { afterPoll, initialHealth, FAILING_AFTER, type SourceHealth, type PollResult, type HealthOptions } from '../polite/source-health.ts';
