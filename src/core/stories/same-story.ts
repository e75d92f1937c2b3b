// Do two articles tell the same story? Two classes join:
//  - near-duplicates: the same copy republished with small edits (another headline, a changed
//    paragraph): most of the body's shingles are shared, whatever the dates (within a week);
//  - the same event written up again: published within the window, the leads share most of
//    their terms and several names, and a fair part of the body.
// Follow-ups on another day and stories that merely share a name stay separate. Pure.
import { estimateJaccard } from './minhash.ts';
import type { StoryFingerprint } from './fingerprint.ts';

export interface StoryMatchPolicy {
  /** Body shingle Jaccard at or above which two articles are near-duplicates. */
  nearDuplicate: number;
  /** Near-duplicates further apart than this (hours of published date) are not joined. */
  nearDuplicateHours: number;
  /** Same-event rule: at most this far apart (hours). */
  eventHours: number;
  /** Same-event rule: cosine of the headline+lead term vectors. */
  eventLeadCosine: number;
  /** Same-event rule: names shared by the headlines+leads. */
  eventSharedNames: number;
  /** Same-event rule: body shingle Jaccard (a fair part of the text in common). */
  eventJaccard: number;
}

export const DEFAULT_POLICY: StoryMatchPolicy = {
  nearDuplicate: 0.5,
  nearDuplicateHours: 7 * 24,
  eventHours: 48,
  eventLeadCosine: 0.75,
  eventSharedNames: 4,
  eventJaccard: 0.25,
};

export interface StoryComparison {
  jaccard: number;
  leadCosine: number;
  sharedNames: number;
}

export type StoryMatch = { same: true; reason: 'near-duplicate' | 'same-event'; comparison: StoryComparison } | { same: false; comparison: StoryComparison };

export function cosine(a: Record<string, number>, b: Record<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const k in a) {
    const x = a[k]!;
    na += x * x;
    const y = b[k];
    if (y !== undefined) dot += x * y;
  }
  for (const k in b) nb += b[k]! * b[k]!;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Exact Jaccard of two sorted sets of distinct numbers. */
export function exactJaccard(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { inter++; i++; j++; } else if (a[i]! < b[j]!) i++; else j++;
  }
  const union = a.length + b.length - inter;
  return union ? inter / union : 0;
}

/** Shingle Jaccard: exact when both texts are short enough to keep their shingles, else the MinHash estimate. */
export function jaccardOf(a: StoryFingerprint, b: StoryFingerprint): number {
  return a.shingles && b.shingles ? exactJaccard(a.shingles, b.shingles) : estimateJaccard(a.signature, b.signature);
}

export function compareStories(a: StoryFingerprint, b: StoryFingerprint): StoryComparison {
  const names = new Set(a.entities);
  let sharedNames = 0;
  for (const e of new Set(b.entities)) if (names.has(e)) sharedNames++;
  return { jaccard: jaccardOf(a, b), leadCosine: cosine(a.leadTerms, b.leadTerms), sharedNames };
}

/** `hoursApart`: distance between the two published (or first-seen) times, in hours. */
export function matchStory(a: StoryFingerprint, b: StoryFingerprint, hoursApart: number, policy: StoryMatchPolicy = DEFAULT_POLICY): StoryMatch {
  const comparison = compareStories(a, b);
  const apart = Math.abs(hoursApart);
  if (comparison.jaccard >= policy.nearDuplicate && apart <= policy.nearDuplicateHours) return { same: true, reason: 'near-duplicate', comparison };
  if (
    apart <= policy.eventHours &&
    comparison.jaccard >= policy.eventJaccard &&
    comparison.leadCosine >= policy.eventLeadCosine &&
    comparison.sharedNames >= policy.eventSharedNames
  ) {
    return { same: true, reason: 'same-event', comparison };
  }
  return { same: false, comparison };
}
