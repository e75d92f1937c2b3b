// Content-Encoding -> bytes, with the size cap applied to the decompressed output (a 10 kB gzip
// that inflates to 10 GB stops at the cap: zlib's maxOutputLength, no unbounded buffer).
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib';

export type DecompressResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'too-large' | 'bad-encoding'; message: string };

type Zlib = (buf: Uint8Array, opts: ZlibOptions, cb: (err: Error | null, out: Buffer) => void) => void;

function run(fn: Zlib, buf: Uint8Array, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => fn(buf, { maxOutputLength: maxBytes }, (err, out) => (err ? reject(err) : resolve(out))));
}

const tooLargeCode = (e: unknown) => (e as { code?: string } | null)?.code === 'ERR_BUFFER_TOO_LARGE';

/** The header's value as one coding ("gzip", "br", ...); a chain of codings is not supported. */
export function contentCoding(header: string | undefined): string {
  return (header ?? '').trim().toLowerCase() || 'identity';
}

export const ACCEPT_ENCODING = 'gzip, deflate, br';

export async function decompress(raw: Uint8Array, coding: string, maxBytes: number, limitWords: string): Promise<DecompressResult> {
  const codings: Record<string, Zlib[]> = {
    gzip: [gunzip as Zlib], 'x-gzip': [gunzip as Zlib],
    // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: try both.
    deflate: [inflate as Zlib, inflateRaw as Zlib],
    br: [brotliDecompress as Zlib],
  };
  if (coding === 'identity') return { ok: true, bytes: raw };
  const fns = codings[coding];
  if (!fns) return { ok: false, reason: 'bad-encoding', message: `unsupported content-encoding "${coding}"` };
  let last: unknown = null;
  for (const fn of fns) {
    try {
      return { ok: true, bytes: await run(fn, raw, maxBytes) };
    } catch (e) {
      if (tooLargeCode(e)) return { ok: false, reason: 'too-large', message: `too large when decompressed (${limitWords})` };
      last = e;
    }
  }
  return { ok: false, reason: 'bad-encoding', message: `the ${coding} body could not be decompressed (${last instanceof Error ? last.message : String(last)})` };
}
