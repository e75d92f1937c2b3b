// Which URLs may be a source when they come from chat or configuration: http and https only,
// with a host and no user name or password (file paths are for the operator's CLI alone). Pure.
//
//   checkSourceUrl(' https://Example.org/feed ') -> { ok: true, url: 'https://example.org/feed' }
//   checkSourceUrl('file:///etc/passwd')          -> { ok: false, reason: 'only http and https URLs can be sources (got file)' }

export type SourceUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export function checkSourceUrl(input: string): SourceUrlCheck {
  const s = input.trim();
  let url: URL;
  try { url = new URL(s); } catch {
    return { ok: false, reason: /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(s) ? `not a URL: write it with https:// (https://${s})` : 'not a URL' };
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, reason: `only http and https URLs can be sources (got ${scheme})` };
  if (!url.hostname) return { ok: false, reason: 'not a URL (no host)' };
  if (url.username || url.password) return { ok: false, reason: 'a source URL may not carry a user name or password' };
  url.hash = '';
  return { ok: true, url: url.href };
}
