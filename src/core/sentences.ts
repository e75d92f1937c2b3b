// Sentence segmentation. PLACEHOLDER: to be replaced by the abbreviation-safe splitter (issue 4).
import type { Sentence } from './article.ts';

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n]+?(?:[.!?]+["'”’]?(?=\s)|$)/gm;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (!t) continue;
    const start = (m.index ?? 0) + lead;
    out.push({ text: t, start, end: start + t.length });
  }
  return out;
}
