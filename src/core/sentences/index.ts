// Sentence segmentation and the quotation structure of sentences: the public face of core/sentences.
export { splitSentences } from './split-sentences.ts';
export { quoteRoles, quoteSpans, type QuoteRole, type QuoteSpan } from './quote-roles.ts';
