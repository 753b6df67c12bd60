import ipaddr from 'ipaddr.js';

/**
 * Which IANA special-purpose range an IP address falls in, for the SSRF guard
 * (./network-guard.ts). Parsing and prefix matching are ipaddr.js's (the parser behind Express's
 * proxy-addr: every IPv4 and IPv6 text form, zone ids, embedded IPv4); the tables below name each
 * range so that a refusal says why.
 */

type Range = [base: string, bits: number, label: string];

// The first match names the range, so the more specific entries come first.
const RANGES: Range[] = [
  // IANA IPv4 Special-Purpose Address Registry, plus multicast and the reserved 240/4.
  ['0.0.0.0', 8, 'an unspecified ("this network") address (0.0.0.0/8)'],
  ['10.0.0.0', 8, 'a private address (10.0.0.0/8)'],
  ['100.64.0.0', 10, 'a carrier-grade NAT address (100.64.0.0/10)'],
  ['127.0.0.0', 8, 'a loopback address (127.0.0.0/8)'],
  ['169.254.0.0', 16, 'a link-local address (169.254.0.0/16)'],
  ['172.16.0.0', 12, 'a private address (172.16.0.0/12)'],
  ['192.0.0.0', 24, 'an IETF protocol assignment (192.0.0.0/24)'],
  ['192.0.2.0', 24, 'a documentation address (192.0.2.0/24)'],
  ['192.31.196.0', 24, 'an AS112 address (192.31.196.0/24)'],
  ['192.52.193.0', 24, 'an AMT address (192.52.193.0/24)'],
  ['192.88.99.0', 24, 'a 6to4 relay anycast address (192.88.99.0/24)'],
  ['192.168.0.0', 16, 'a private address (192.168.0.0/16)'],
  ['192.175.48.0', 24, 'an AS112 address (192.175.48.0/24)'],
  ['198.18.0.0', 15, 'a benchmarking address (198.18.0.0/15)'],
  ['198.51.100.0', 24, 'a documentation address (198.51.100.0/24)'],
  ['203.0.113.0', 24, 'a documentation address (203.0.113.0/24)'],
  ['224.0.0.0', 4, 'a multicast address (224.0.0.0/4)'],
  ['255.255.255.255', 32, 'the broadcast address (255.255.255.255)'],
  ['240.0.0.0', 4, 'a reserved address (240.0.0.0/4)'],
  // IANA IPv6 Special-Purpose Address Registry, plus ULA, link-local, site-local and multicast.
  // The IPv4-mapped, NAT64 and 6to4 forms are classified by their IPv4 address (see below); any
  // other address outside global unicast (2000::/3) is refused at the end.
  ['::', 128, 'the unspecified address (::)'],
  ['::1', 128, 'the loopback address (::1)'],
  ['::', 96, 'an IPv4-compatible address (::/96, deprecated)'],
  ['::ffff:0:0:0', 96, 'an IPv4-translated address (::ffff:0:0:0/96)'],
  ['64:ff9b:1::', 48, 'a local-use IPv4/IPv6 translation address (64:ff9b:1::/48)'],
  ['100::', 64, 'a discard-only address (100::/64)'],
  ['100:0:0:1::', 64, 'a dummy IPv6 prefix address (100:0:0:1::/64)'],
  ['2001::', 32, 'a Teredo address (2001::/32)'],
  ['2001:2::', 48, 'a benchmarking address (2001:2::/48)'],
  ['2001::', 23, 'an IETF protocol assignment (2001::/23)'],
  ['2001:db8::', 32, 'a documentation address (2001:db8::/32)'],
  ['2620:4f:8000::', 48, 'an AS112 address (2620:4f:8000::/48)'],
  ['3fff::', 20, 'a documentation address (3fff::/20)'],
  ['5f00::', 16, 'a segment routing (SRv6) address (5f00::/16)'],
  ['fc00::', 7, 'a unique local (private) address (fc00::/7)'],
  ['fe80::', 10, 'a link-local address (fe80::/10)'],
  ['fec0::', 10, 'a site-local address (fec0::/10, deprecated)'],
  ['ff00::', 8, 'a multicast address (ff00::/8)'],
];

const parsed = <T extends ipaddr.IPv4 | ipaddr.IPv6>(ranges: Range[]) =>
  ranges.map(([base, bits, label]) => ({
    cidr: [ipaddr.parse(base) as T, bits] as [T, number],
    label,
  }));

const V4 = parsed<ipaddr.IPv4>(RANGES.filter(([base]) => ipaddr.IPv4.isValid(base)));
const V6 = parsed<ipaddr.IPv6>(RANGES.filter(([base]) => ipaddr.IPv6.isValid(base)));
const cidr6 = (text: string) => ipaddr.IPv6.parseCIDR(text);
const MAPPED = cidr6('::ffff:0:0/96');
const NAT64 = cidr6('64:ff9b::/96');
const SIX_TO_FOUR = cidr6('2002::/16');
const GLOBAL_UNICAST = cidr6('2000::/3');

const classifyV4 = (address: ipaddr.IPv4) =>
  V4.find(({ cidr }) => address.match(cidr))?.label ?? null;

/** The IPv4 address carried by an IPv4-mapped, NAT64 or 6to4 address, and the form's name. */
const embeddedV4 = (address: ipaddr.IPv6): { form: string; v4: ipaddr.IPv4 } | null => {
  const bytes = address.toByteArray();
  const v4 = (from: number) => new ipaddr.IPv4(bytes.slice(from, from + 4));
  if (address.match(MAPPED)) return { form: 'IPv4-mapped (::ffff:0:0/96)', v4: v4(12) };
  if (address.match(NAT64)) return { form: 'NAT64 (64:ff9b::/96)', v4: v4(12) };
  if (address.match(SIX_TO_FOUR)) return { form: '6to4 (2002::/16)', v4: v4(2) };
  return null;
};

/** An IPv4 or IPv6 literal (brackets and a zone id allowed) parsed, or null. */
const parse = (text: string) => {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  return ipaddr.IPv4.isValidFourPartDecimal(bare) || ipaddr.IPv6.isValid(bare)
    ? ipaddr.parse(bare)
    : null;
};

/**
 * Why `address` (an IPv4 or IPv6 literal) is refused, in words to follow "is" (e.g. "a loopback
 * address (127.0.0.0/8)"); null for a public address. Anything that is not an IP address is
 * refused too (a resolver should never answer one).
 */
export const blockedRange = (text: string): string | null => {
  const address = parse(text);
  if (!address) return 'not an IP address';
  if (address.kind() === 'ipv4') return classifyV4(address as ipaddr.IPv4);
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedV4(v6);
  if (embedded) {
    const range = classifyV4(embedded.v4);
    return range ? `the ${embedded.form} form of ${embedded.v4.toString()}, ${range}` : null;
  }
  const hit = V6.find(({ cidr }) => v6.match(cidr));
  if (hit) return hit.label;
  if (!v6.match(GLOBAL_UNICAST)) return 'a reserved address (outside global unicast 2000::/3)';
  return null;
};
