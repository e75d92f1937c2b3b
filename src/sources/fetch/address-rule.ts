// Which IP addresses a source may be fetched from: only public unicast ones, unless the operator
// allows private sources. Pure: parses the literal itself (no DNS), so it can also be applied to
// the addresses a resolver returned, at connect time.
//
//   classifyAddress('10.1.2.3')          -> 'private'
//   classifyAddress('::ffff:127.0.0.1')  -> 'loopback' (IPv4-mapped, NAT64 and 6to4 forms are unwrapped)
//   classifyAddress('93.184.216.34')     -> 'public'
//   classifyAddress('example.org')       -> null (not an IP literal)

export type AddressClass =
  | 'public' | 'loopback' | 'private' | 'link-local' | 'cgnat' | 'multicast'
  | 'unspecified' | 'reserved' | 'unique-local';

/** How each refused class is named in a reason shown to the user. */
export const ADDRESS_CLASS_WORDS: Record<Exclude<AddressClass, 'public'>, string> = {
  loopback: 'a loopback address',
  private: 'a private network address',
  'link-local': 'a link-local address',
  cgnat: 'a carrier-grade NAT address (100.64.0.0/10)',
  multicast: 'a multicast address',
  unspecified: 'an unspecified address',
  reserved: 'a reserved address',
  'unique-local': 'a unique-local IPv6 address',
};

export function parseIpv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

/** "::ffff:1.2.3.4", "fe80::1%eth0", "2001:db8::1" -> 16 bytes, or null. */
export function parseIpv6(input: string): number[] | null {
  let s = input.replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase();
  let tail: number[] = [];
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const b = parseIpv4(v4[2] ?? '');
    if (!b) return null;
    tail = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!];
    s = v4[1] ?? '';
    if (!s.endsWith('::')) s = s.slice(0, -1); // "::ffff:" keeps its "::", "64:ff9b::" too; "1:2:3:4:5:6:" drops the ":"

  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const group = (h: string) => (h === '' ? [] : h.split(':'));
  const head = group(halves[0] ?? '');
  const rest = halves.length === 2 ? group(halves[1] ?? '') : [];
  const words: number[] = [];
  for (const g of [...head, ...rest]) if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1 && given !== 8) return null;
  if (halves.length === 2 && given > 7) return null;
  words.push(...head.map((g) => parseInt(g, 16)));
  if (halves.length === 2) for (let i = 0; i < 8 - given; i++) words.push(0);
  words.push(...rest.map((g) => parseInt(g, 16)), ...tail);
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

function inV4(b: number[], net: [number, number, number, number], bits: number): boolean {
  const ip = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  const n = ((net[0] << 24) | (net[1] << 16) | (net[2] << 8) | net[3]) >>> 0;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ip & mask) === (n & mask);
}

const V4_RANGES: Array<[[number, number, number, number], number, AddressClass]> = [
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'cgnat'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'], // IETF protocol assignments
  [[192, 0, 2, 0], 24, 'reserved'], // TEST-NET-1
  [[192, 88, 99, 0], 24, 'reserved'], // 6to4 relay anycast
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'reserved'], // benchmarking
  [[198, 51, 100, 0], 24, 'reserved'], // TEST-NET-2
  [[203, 0, 113, 0], 24, 'reserved'], // TEST-NET-3
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'], // incl. 255.255.255.255
];

function classifyV4(b: number[]): AddressClass {
  for (const [net, bits, cls] of V4_RANGES) if (inV4(b, net, bits)) return cls;
  return 'public';
}

function prefix(b: number[], bytes: number[], bits: number): boolean {
  for (let i = 0; i < bits; i++) {
    const bit = (x: number[]) => ((x[i >> 3] ?? 0) >> (7 - (i & 7))) & 1;
    if (bit(b) !== bit(bytes)) return false;
  }
  return true;
}

function classifyV6(b: number[]): AddressClass {
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zero(0, 16)) return 'unspecified';
  if (zero(0, 15) && b[15] === 1) return 'loopback';
  // IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d: the IPv4 rule.
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return classifyV4(b.slice(12));
  if (zero(0, 12)) return classifyV4(b.slice(12));
  if (prefix(b, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96)) return classifyV4(b.slice(12));
  if (b[0] === 0x20 && b[1] === 0x02) return classifyV4(b.slice(2, 6)); // 6to4 2002:V4ADDR::/48
  if (b[0] === 0xff) return 'multicast';
  if (prefix(b, [0xfe, 0x80], 10)) return 'link-local';
  if (prefix(b, [0xfe, 0xc0], 10)) return 'private'; // deprecated site-local
  if (prefix(b, [0xfc], 7)) return 'unique-local';
  if (prefix(b, [0x20, 0x01, 0x0d, 0xb8], 32)) return 'reserved'; // documentation
  if (prefix(b, [0x20, 0x01, 0, 0], 32)) return 'reserved'; // Teredo
  if (prefix(b, [0x3f, 0xff], 20)) return 'reserved'; // documentation (RFC 9637)
  if (!prefix(b, [0x20], 3)) return 'reserved'; // outside global unicast 2000::/3
  return 'public';
}

/** The class of an IPv4 or IPv6 literal (brackets and zone ids allowed), or null if it is not one. */
export function classifyAddress(address: string): AddressClass | null {
  const v4 = parseIpv4(address);
  if (v4) return classifyV4(v4);
  if (!address.includes(':')) return null;
  const v6 = parseIpv6(address);
  return v6 ? classifyV6(v6) : null;
}

/** True when fetching from this address needs ALLOW_PRIVATE_SOURCES (non-IP strings: false). */
export function isNonPublicAddress(address: string): boolean {
  const cls = classifyAddress(address);
  return cls !== null && cls !== 'public';
}
