// "Also reported by": the other outlets of a story or an utterance, one per distinct source (or
// URL when unnamed), never the card's own source. Pure.

export interface Outlet {
  source: string | null;
  url: string | null;
}

export function alsoReported(rows: ReadonlyArray<Outlet>, own: string | null): Outlet[] {
  const seen = new Set<string>([(own ?? '').toLowerCase()]);
  const out: Outlet[] = [];
  for (const r of rows) {
    const key = (r.source ?? r.url ?? '').toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ source: r.source, url: r.url });
  }
  return out;
}
