import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { guardedLookup, type Resolver } from '../../../src/sources/fetch/guarded-lookup.ts';

const resolver = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

function call(lookup: ReturnType<typeof guardedLookup>, options: { all?: boolean; family?: number }) {
  return new Promise<{ err: (Error & { code?: string }) | null; address: string | LookupAddress[]; family?: number }>((resolve) => {
    lookup('news.example', options as never, (err, address, family) => resolve({ err, address, ...(family === undefined ? {} : { family }) }));
  });
}

describe('guardedLookup', () => {
  it('GIVEN a name with public and private addresses THEN only the public ones are offered, for all and for one', async () => {
    const lookup = guardedLookup({ allowPrivate: false, resolve: resolver('10.0.0.5', '93.184.216.34', '::1', '2606:2800:220:1::248') });
    expect((await call(lookup, { all: true })).address).toEqual([
      { address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::248', family: 6 },
    ]);
    expect(await call(lookup, {})).toEqual({ err: null, address: '93.184.216.34', family: 4 });
    expect(await call(lookup, { family: 6 })).toEqual({ err: null, address: '2606:2800:220:1::248', family: 6 });
  });

  it('GIVEN only private addresses THEN the refused-address error, and no address', async () => {
    const r = await call(guardedLookup({ allowPrivate: false, resolve: resolver('192.168.1.10') }), { all: true });
    expect(r.err?.code).toBe('ENEWSBRIEF_REFUSED_ADDRESS');
    expect(r.err?.message).toBe('refused address: news.example (192.168.1.10) is a private network address; set ALLOW_PRIVATE_SOURCES=true to fetch from private networks');
  });

  it('GIVEN the allowance THEN private addresses are offered', async () => {
    expect(await call(guardedLookup({ allowPrivate: true, resolve: resolver('192.168.1.10') }), {})).toEqual({ err: null, address: '192.168.1.10', family: 4 });
  });

  it('GIVEN the resolver fails THEN its error is passed on', async () => {
    const failing: Resolver = async () => { throw Object.assign(new Error('getaddrinfo ENOTFOUND news.example'), { code: 'ENOTFOUND' }); };
    expect((await call(guardedLookup({ allowPrivate: false, resolve: failing }), {})).err?.code).toBe('ENOTFOUND');
  });
});
