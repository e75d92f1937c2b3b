// DNS lookup for net.connect that refuses non-public addresses (unless allowed). Passed as the
// `lookup` option of every request, so the address checked is the address connected to: a name
// that resolves to a public address for a check and to 127.0.0.1 for the connection (DNS
// rebinding) cannot get round it. Names resolving to both kinds keep only the public ones.
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { ADDRESS_CLASS_WORDS, classifyAddress, type AddressClass } from './address-rule.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** hostname -> every address it resolves to (default: the system resolver, dns.lookup all). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });

export const REFUSED_ADDRESS = 'ENEWSBRIEF_REFUSED_ADDRESS';

export interface RefusedAddressError extends Error {
  code: typeof REFUSED_ADDRESS;
  host: string;
  address: string;
  addressClass: Exclude<AddressClass, 'public'>;
}

export function refusedAddress(host: string, address: string, cls: Exclude<AddressClass, 'public'>): RefusedAddressError {
  const shown = host === address ? address : `${host} (${address})`;
  const err = new Error(`refused address: ${shown} is ${ADDRESS_CLASS_WORDS[cls]}; set ALLOW_PRIVATE_SOURCES=true to fetch from private networks`) as RefusedAddressError;
  err.code = REFUSED_ADDRESS;
  err.host = host;
  err.address = address;
  err.addressClass = cls;
  return err;
}

export function isRefusedAddressError(e: unknown): e is RefusedAddressError {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === REFUSED_ADDRESS;
}

export interface AddressPolicy {
  /** ALLOW_PRIVATE_SOURCES: every address is allowed. */
  allowPrivate: boolean;
  /** Exact addresses allowed even when private (e.g. one internal feed server). */
  allowedAddresses?: readonly string[];
}

/** Why this address may not be connected to, or null when it may. */
export function addressRefusal(host: string, address: string, policy: AddressPolicy): RefusedAddressError | null {
  if (policy.allowPrivate || policy.allowedAddresses?.includes(address)) return null;
  const cls = classifyAddress(address) ?? 'reserved';
  return cls === 'public' ? null : refusedAddress(host, address, cls);
}

export function guardedLookup(opts: AddressPolicy & { resolve?: Resolver }): LookupFunction {
  const resolve = opts.resolve ?? systemResolver;
  return (hostname, options, callback) => {
    resolve(hostname).then((all) => {
      const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
      const allowed = wanted.filter((a) => addressRefusal(hostname, a.address, opts) === null);
      const first = allowed[0];
      if (!first) {
        const refused = wanted[0] ? addressRefusal(hostname, wanted[0].address, opts) : null;
        const err = refused ?? Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
        callback(err as NodeJS.ErrnoException, '', 0);
        return;
      }
      if (options.all) callback(null, allowed);
      else callback(null, first.address, first.family);
    }, (err: NodeJS.ErrnoException) => callback(err, '', 0));
  };
}
