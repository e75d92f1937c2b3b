// Article -> headline and key points: the public face of core/summarize.
export { summarize, type Summary, type SummaryContext } from './summarize.ts';
export { isBoilerplate, notNewsClass, type NotNews } from './boilerplate.ts';
export { openingReference, type Reference } from './references.ts';
export { HEADLINE_MAX, headlineFromLead, shortenHeadline } from './headline-from-lead.ts';
