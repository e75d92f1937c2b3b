// The canonical form of an article's link, for dedupe across feeds: the same story linked as
// "https://News.example.org:443/a?utm_source=rss&id=7#comments" and "https://news.example.org/a?id=7"
// is one link. Pure.
//
//   canonicalLink(url) -> the href without tracking parameters and fragment, host lowercased, the
//   default port dropped (WHATWG URL does the last two), or null when it is not an http(s) URL.
// Other parameters keep their order and values: "?id=7&page=2" may well be a different story.

/** Parameter names removed wherever they appear (compared lowercased). */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id',
  'vero_id', 'vero_conv', 'wickedid', 'rb_clickid', 's_cid', 'ncid', 'cmpid', 'sr_share', 'spm', 'ref_src', 'ref_url',
  'at_medium', 'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4', 'ocid', 'smid', 'xtor',
]);

/** Prefixes of tracking parameter names: utm_source, utm_medium, ..., pk_campaign, mtm_source, hsa_*. */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'stm_'];

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

export function canonicalLink(link: string): string | null {
  let url: URL;
  try { url = new URL(link.trim()); } catch { return null; }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.replace(/\.+$/, '');
  if (url.search) {
    const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
    url.search = '';
    for (const [k, v] of kept) url.searchParams.append(k, v);
  }
  return url.href;
}
