import { describe, expect, it } from 'vitest';
import { classifyAddress } from '../../../src/sources/fetch/address-rule.ts';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.255.0.9', 'loopback'], ['::1', 'loopback'],
    ['10.0.0.1', 'private'], ['172.16.5.4', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'], ['fe80::1', 'link-local'], ['fe80::1%eth0', 'link-local'],
    ['100.64.0.1', 'cgnat'], ['100.127.255.254', 'cgnat'],
    ['224.0.0.1', 'multicast'], ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'], ['::', 'unspecified'],
    ['240.0.0.1', 'reserved'], ['255.255.255.255', 'reserved'], ['192.0.2.7', 'reserved'], ['2001:db8::1', 'reserved'],
    ['fc00::1', 'unique-local'], ['fd12:3456::1', 'unique-local'],
    // IPv4 inside IPv6: mapped, mapped in hex, NAT64, 6to4 -> the IPv4 rule
    ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'], ['[::ffff:10.0.0.1]', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'], ['2002:c0a8:101::1', 'private'],
    ['8.8.8.8', 'public'], ['172.32.0.1', 'public'], ['100.128.0.1', 'public'], ['2606:4700:4700::1111', 'public'], ['::ffff:8.8.8.8', 'public'],
  ])('GIVEN %s THEN %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it.each(['example.org', 'localhost', '1::2::3', '256.1.1.1', '12345::', ''])('GIVEN %j (not an IP literal) THEN null', (s) => {
    expect(classifyAddress(s)).toBeNull();
  });
});
