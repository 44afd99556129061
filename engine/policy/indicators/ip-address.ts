/** IP address text for indicators: IPv4 dotted quad, IPv6 with all 8 segments, and which ones are internal. */

export type IpParse =
  | { readonly ok: true; readonly version: 4 | 6; readonly canonical: string; readonly words: readonly number[] }
  | { readonly ok: false; readonly problem: string; readonly hint: string };

/** Why an address is not external, with the range it falls in; `external` when it may be used (§5.1). */
export interface IpClass {
  readonly kind: 'external' | 'private' | 'loopback' | 'link-local' | 'cgnat' | 'unspecified' | 'multicast' | 'reserved';
  readonly range?: string;
}

const V4_PART = /^(0|[1-9]\d{0,2})$/;
const V6_PART = /^[0-9a-f]{1,4}$/i;

/**
 * Parses one IP address. Indicators need IPv6 with all 8 segments (§5.1); `expandIpv6` (default false)
 * accepts `::` too, for addresses a device reports. CIDR, ranges and wildcards are refused (§5.1, T55).
 *
 * @example
 * parseIpAddress('2001:4860:4860:0:0:0:0:8888'); // { ok: true, version: 6, canonical: '2001:4860:4860:0:0:0:0:8888', … }
 * parseIpAddress('203.0.113.0/24'); // { ok: false, problem: 'CIDR notation is not supported', … }
 */
export function parseIpAddress(text: string, expandIpv6 = false): IpParse {
  const value = text.trim();
  if (value.includes('/')) return refuse('CIDR notation is not supported', 'add one indicator per single address');
  if (value.includes('*')) return refuse('wildcards are not supported', 'add one indicator per single address');
  if (/^[\d.]+\s*-\s*[\d.]+$/.test(value) || /^[0-9a-f:]+\s*-\s*[0-9a-f:]+$/i.test(value)) {
    return refuse('IP ranges are not supported', 'add one indicator per single address');
  }
  return value.includes(':') ? parseV6(value, expandIpv6) : parseV4(value);
}

function parseV4(value: string): IpParse {
  const parts = value.split('.');
  if (parts.length !== 4) return refuse('an IPv4 address has 4 dot-separated numbers', 'write it like 8.8.8.8');
  const words: number[] = [];
  for (const part of parts) {
    if (!V4_PART.test(part) || Number(part) > 255) {
      return refuse(`"${part}" is not a number from 0 to 255 without leading zeros`, 'write it like 8.8.8.8');
    }
    words.push(Number(part));
  }
  return { ok: true, version: 4, canonical: words.join('.'), words };
}

function parseV6(value: string, expand: boolean): IpParse {
  let parts = value.toLowerCase().split(':');
  if (value.includes('::')) {
    const [head = '', tail = '', ...rest] = value.toLowerCase().split('::');
    const left = head === '' ? [] : head.split(':');
    const right = tail === '' ? [] : tail.split(':');
    const missing = 8 - left.length - right.length;
    if (rest.length > 0 || missing < 1)
      return refuse('"::" may appear once and must stand for a zero run', 'write all 8 segments');
    parts = [...left, ...Array<string>(missing).fill('0'), ...right];
    if (!expand && parts.every((part) => V6_PART.test(part))) {
      const full = parts.map((part) => parseInt(part, 16).toString(16)).join(':');
      return refuse('IPv6 indicators need all 8 segments; "::" is not accepted', `write ${full}`);
    }
  }
  if (parts.length !== 8)
    return refuse('an IPv6 address has 8 colon-separated segments', 'write it like 2001:4860:4860:0:0:0:0:8888');
  const words: number[] = [];
  for (const part of parts) {
    if (!V6_PART.test(part))
      return refuse(`"${part}" is not a 1–4 digit hex segment`, 'write it like 2001:4860:4860:0:0:0:0:8888');
    words.push(parseInt(part, 16));
  }
  return { ok: true, version: 6, canonical: words.map((word) => word.toString(16)).join(':'), words };
}

function refuse(problem: string, hint: string): IpParse {
  return { ok: false, problem, hint };
}

/**
 * Classifies a parsed address: only `external` ones may become indicators (ioc-net "only external IPs").
 * Documentation ranges (203.0.113.0/24, 2001:db8::/32) count as external: they are not internal.
 *
 * @example
 * classifyIp([10, 0, 0, 5], 4); // { kind: 'private', range: '10.0.0.0/8' }
 */
export function classifyIp(words: readonly number[], version: 4 | 6): IpClass {
  const [a = 0, b = 0] = words;
  if (version === 4) {
    if (a === 0) return { kind: 'unspecified', range: '0.0.0.0/8' };
    if (a === 10) return { kind: 'private', range: '10.0.0.0/8' };
    if (a === 100 && b >= 64 && b <= 127) return { kind: 'cgnat', range: '100.64.0.0/10' };
    if (a === 127) return { kind: 'loopback', range: '127.0.0.0/8' };
    if (a === 169 && b === 254) return { kind: 'link-local', range: '169.254.0.0/16' };
    if (a === 172 && b >= 16 && b <= 31) return { kind: 'private', range: '172.16.0.0/12' };
    if (a === 192 && b === 168) return { kind: 'private', range: '192.168.0.0/16' };
    if (a >= 224 && a <= 239) return { kind: 'multicast', range: '224.0.0.0/4' };
    if (a >= 240) return { kind: 'reserved', range: '240.0.0.0/4' };
    return { kind: 'external' };
  }
  if (words.every((word) => word === 0)) return { kind: 'unspecified', range: '::/128' };
  if (words.slice(0, 7).every((word) => word === 0) && words[7] === 1) return { kind: 'loopback', range: '::1/128' };
  if (words.slice(0, 5).every((word) => word === 0) && words[5] === 0xffff) {
    // IPv4-mapped: judge the embedded IPv4 address.
    const high = words[6] ?? 0;
    const low = words[7] ?? 0;
    const mapped = classifyIp([high >> 8, high & 255, low >> 8, low & 255], 4);
    return mapped.kind === 'external' ? mapped : { kind: mapped.kind, range: `::ffff:${mapped.range ?? ''}` };
  }
  if ((a & 0xffc0) === 0xfe80) return { kind: 'link-local', range: 'fe80::/10' };
  if ((a & 0xffc0) === 0xfec0) return { kind: 'private', range: 'fec0::/10 (site-local)' };
  if ((a & 0xfe00) === 0xfc00) return { kind: 'private', range: 'fc00::/7 (unique local)' };
  if ((a & 0xff00) === 0xff00) return { kind: 'multicast', range: 'ff00::/8' };
  return { kind: 'external' };
}
