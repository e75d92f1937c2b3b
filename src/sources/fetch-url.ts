// Fetches one http(s) URL with global fetch: a timeout over the whole exchange (headers and body)
// and a size cap enforced while streaming (a declared Content-Length over the cap is refused
// before reading; otherwise the stream is cancelled as soon as the cap is passed).
import { BriefingError } from '../core/errors.ts';
import { tooLarge } from './limits.ts';

export interface FetchedDocument {
  bytes: Uint8Array;
  /** The response content-type, e.g. "text/html; charset=utf-8", or null. */
  contentType: string | null;
  /** The final URL after redirects. */
  url: string;
}

export interface FetchOptions {
  maxBytes: number;
  timeoutMs: number;
  /** Injected for tests or proxies; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export const NOT_ARTICLES = /^(?:image|audio|video|font)\/|^application\/(?:pdf|zip|gzip|x-gzip|octet-stream|x-tar|msword|vnd\.)/i;

function fetchFailure(message: string, url: string, extra: Record<string, unknown> = {}): BriefingError {
  return new BriefingError('bad_input', message, { context: { url, ...extra } });
}

function describeNetworkError(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; cause?: { code?: string; message?: string } } | null;
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `timed out after ${Math.round(timeoutMs / 100) / 10} s`;
  const code = err?.cause?.code;
  if (code === 'ECONNREFUSED') return 'could not connect (connection refused)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'could not connect (unknown host)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was closed by the server';
  return `could not fetch (${code ?? err?.cause?.message ?? (e instanceof Error ? e.message : String(e))})`;
}

async function readCapped(res: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge('page', null, maxBytes, { url });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.byteLength; }
  return out;
}

export async function fetchUrl(url: string, opts: FetchOptions): Promise<FetchedDocument> {
  const doFetch = opts.fetch ?? fetch;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  try {
    const res = await doFetch(url, {
      signal,
      redirect: 'follow',
      headers: {
        'user-agent': 'newsbrief/0.1 (+https://github.com/newsbrief)',
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,text/*;q=0.8,*/*;q=0.5',
      },
    });
    const finalUrl = res.url || url;
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw fetchFailure(`the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, url, { status: res.status, finalUrl });
    }
    const contentType = res.headers.get('content-type');
    if (contentType && NOT_ARTICLES.test(contentType.trim())) {
      await res.body?.cancel().catch(() => undefined);
      throw fetchFailure(`not an article (content-type ${contentType.split(';')[0]?.trim()})`, url, { contentType, finalUrl });
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw tooLarge('page', declared, opts.maxBytes, { url, finalUrl });
    }
    const bytes = await readCapped(res, url, opts.maxBytes);
    return { bytes, contentType, url: finalUrl };
  } catch (e) {
    if (e instanceof BriefingError) throw e;
    throw fetchFailure(describeNetworkError(e, opts.timeoutMs), url, { detail: e instanceof Error ? e.message : String(e) });
  }
}

/** "text/html; charset=ISO-8859-1" -> "ISO-8859-1". */
export function charsetOf(contentType: string | null): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m?.[1] ?? null;
}
