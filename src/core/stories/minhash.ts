// MinHash signatures over word shingles, and LSH band keys to find candidate near-duplicates
// in time independent of the archive's size. Pure and deterministic (fixed seeds).

/** Signature length: BANDS × ROWS. 42 bands of 3 rows make a pair with Jaccard 0.45 a
 * candidate with probability 0.98, and one with Jaccard 0.1 with probability 0.04. */
export const BANDS = 42;
export const ROWS = 3;
export const SIGNATURE_LENGTH = BANDS * ROWS;
/** Words per shingle. */
export const SHINGLE = 4;

/** FNV-1a, 32-bit, over a string's UTF-16 code units. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** MurmurHash3's finaliser: spreads the bits of a 32-bit value. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// One hash function per signature slot: h_k(x) = a_k * x + b_k (mod 2^32), a_k odd, applied to
// shingle hashes that are already well mixed. One multiply-add per slot keeps a 5 KB article
// well under a millisecond.
const MUL = new Int32Array(SIGNATURE_LENGTH);
const ADD = new Int32Array(SIGNATURE_LENGTH);
{
  let x = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    x = fmix32(x + 0x6d2b79f5);
    MUL[i] = x | 1;
    x = fmix32(x + 0x6d2b79f5);
    ADD[i] = x;
  }
}

/** Hashes of the distinct SHINGLE-word shingles of `words` (a text shorter than a shingle is one shingle). */
export function shingleHashes(words: readonly string[]): Uint32Array {
  const n = words.length;
  if (n === 0) return new Uint32Array(0);
  const wh = new Int32Array(n);
  for (let i = 0; i < n; i++) wh[i] = hash32(words[i]!);
  const count = Math.max(1, n - SHINGLE + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(n, i + SHINGLE); j++) h = Math.imul(h ^ wh[j]!, 0x01000193);
    out[i] = fmix32(h);
  }
  // distinct values only: sort and compact
  out.sort();
  let k = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[k - 1]) out[k++] = out[i]!;
  return out.subarray(0, k);
}

/** The MinHash signature of a set of shingle hashes. */
export function minhash(shingles: Uint32Array): number[] {
  const sig = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (let i = 0; i < shingles.length; i++) {
    const x = shingles[i]! | 0;
    for (let k = 0; k < SIGNATURE_LENGTH; k++) {
      const h = (Math.imul(x, MUL[k]!) + ADD[k]!) >>> 0;
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return Array.from(sig);
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / a.length;
}

/** One key per band ("band:hash"), for an index of candidate near-duplicates. */
export function bandKeys(sig: readonly number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193));
    keys.push(`${b.toString(36)}:${h.toString(36)}`);
  }
  return keys;
}
