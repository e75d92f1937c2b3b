// Article -> headline and key points: the public face of core/summarize.
export { summarize, type Summary } from './summarize.ts';
export { HEADLINE_MAX, headlineFromLead, shortenHeadline } from './headline-from-lead.ts';
