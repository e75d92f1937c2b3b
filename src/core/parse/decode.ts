// Bytes -> text, in the core (pure): rejects empty, binary and non-UTF-8 files with plain words.
import { BriefingError } from '../errors.ts';
import { declaredCharset } from './declared-charset.ts';

/** More than this share of control characters in the sample: not text. */
const MAX_CONTROL_RATIO = 0.1;
const SAMPLE = 8192;

function isControl(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f;
}

function fail(message: string, name: string | null, extra: Record<string, unknown> = {}): BriefingError {
  return new BriefingError('bad_input', message, { context: { file: name, ...extra } });
}

/** The byte offset of the first invalid UTF-8 sequence (for the log), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

export interface DecodeOptions {
  /** A charset declared by the server (content-type). When absent, bytes that are not UTF-8 are
   *  decoded with the charset the document declares (<meta charset>, <?xml encoding?>), if any. */
  charset?: string | null;
}

/** windows-1252 0x80-0x9F (U+FFFD where undefined): Node 20's TextDecoder leaves them as C1 controls. */
const CP1252_C1 = '\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178';

function legacyDecoder(charset: string | null | undefined): { decode(b: Uint8Array): string } | null {
  const label = (charset ?? '').trim().toLowerCase();
  if (!label || label === 'utf-8' || label === 'utf8' || label === 'us-ascii') return null;
  let decoder: InstanceType<typeof TextDecoder>;
  try { decoder = new TextDecoder(label); } catch { return null; }
  if (decoder.encoding !== 'windows-1252') return decoder; // "iso-8859-1" and "latin1" are windows-1252 too
  return { decode: (b) => decoder.decode(b).replace(/[\u0080-\u009F]/g, (c: string) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c) };
}

export function decodeDocument(bytes: Uint8Array, name: string | null, opts: DecodeOptions = {}): string {
  if (bytes.length === 0) throw fail('empty file', name);
  // UTF-16 with a byte-order mark is text, even though it is full of NUL bytes.
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    try {
      const text = new TextDecoder(b0 === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
      if (!text.trim()) throw fail('empty file', name);
      return text;
    } catch (e) {
      if (e instanceof BriefingError) throw e;
      throw fail('not valid UTF-16 text', name, { size: bytes.length });
    }
  }
  const sample = bytes.subarray(0, SAMPLE);
  let control = 0;
  for (const b of sample) if (isControl(b)) control++;
  if (bytes.indexOf(0) !== -1 || control / sample.length > MAX_CONTROL_RATIO) {
    throw fail('binary file, not an article', name, { size: bytes.length, controlChars: control });
  }
  let text: string;
  const legacy = legacyDecoder(opts.charset);
  if (legacy) {
    text = legacy.decode(bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // No charset from the server and not UTF-8: the document's own <meta charset> / <?xml encoding?>.
      const declared = opts.charset ? null : legacyDecoder(declaredCharset(bytes));
      if (!declared) throw fail('not valid UTF-8 text', name, { size: bytes.length, offset: firstInvalidUtf8(bytes) });
      text = declared.decode(bytes);
    }
  }
  if (!text.replace(/[\u200B\uFEFF]/g, '').trim()) throw fail('empty file', name, { size: bytes.length });
  return text;
}
