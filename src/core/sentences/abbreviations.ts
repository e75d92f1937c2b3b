// Word lists the sentence splitter consults at a full stop. Pure data.
import { ABBREVIATED_TITLES } from '../titles.ts';

/** Titles before a name: a full stop after them never ends a sentence ("Mr. Kishida"). */
export const TITLES: ReadonlySet<string> = new Set([
  ...ABBREVIATED_TITLES,
  'st', 'ste', 'mt', 'ft', 'vs', 'v',
  'e.g', 'i.e', 'cf', 'viz', 'approx', 'ca',
]);

/** Abbreviations that take a number after them ("Sept. 11", "No. 10", "Vol. 2"). */
export const BEFORE_NUMBER: ReadonlySet<string> = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'no', 'nos', 'vol', 'vols', 'p', 'pp', 'art', 'fig', 'figs', 'ch', 'chap', 'sec', 'para', 'op', 'ed', 'rev', 'ver', 'tel', 'ref',
]);

/** Abbreviations that may end a sentence: they end one only before a typical sentence opener. */
export const AMBIGUOUS: ReadonlySet<string> = new Set([
  'etc', 'inc', 'ltd', 'plc', 'corp', 'co', 'bros', 'llc', 'llp', 'al', 'dept', 'univ', 'assn', 'ave', 'blvd', 'rd',
  'est', 'sr', 'jr', 'govt', 'intl', 'natl',
]);

/** Words that typically open a sentence: after an ambiguous abbreviation they show a new one starts. */
export const OPENERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
  'this', 'that', 'these', 'those', 'there', 'here', 'but', 'and', 'or', 'so', 'yet', 'however', 'in', 'on', 'at', 'for',
  'with', 'by', 'from', 'after', 'before', 'when', 'while', 'if', 'as', 'although', 'though', 'since', 'because', 'what',
  'who', 'why', 'how', 'where', 'which', 'some', 'many', 'most', 'all', 'one', 'both', 'last', 'next', 'earlier', 'later',
  'meanwhile', 'still', 'also', 'now', 'then', 'such', 'other', 'another', 'under', 'over', 'according', 'among',
  'despite', 'during', 'until', 'unlike', 'instead', 'indeed', 'only', 'even', 'each', 'every', 'no', 'not', 'nor',
  'more', 'few', 'several', 'will', 'would', 'can', 'could', 'should', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'has', 'have', 'had', 'shares', 'officials', 'analysts', 'police', 'mr', 'mrs', 'ms', 'dr', 'sales', 'profits',
]);
