import { describe, expect, it } from 'vitest';
import { classifyIp, parseIpAddress } from '../../../engine/policy/indicators/index.ts';

const kind = (text: string) => {
  const parsed = parseIpAddress(text, true);
  if (!parsed.ok) throw new Error(parsed.problem);
  return classifyIp(parsed.words, parsed.version);
};

describe('parseIpAddress', () => {
  it('should canonicalise IPv6 to lowercase segments without leading zeros', () => {
    expect(parseIpAddress('2001:0DB8:0000:0000:0000:0000:0000:0001')).toMatchObject({
      ok: true,
      version: 6,
      canonical: '2001:db8:0:0:0:0:0:1',
    });
  });

  it('should expand :: only when asked, for addresses a device reports', () => {
    expect(parseIpAddress('::1').ok).toBe(false);
    expect(parseIpAddress('::1', true)).toMatchObject({ ok: true, canonical: '0:0:0:0:0:0:0:1' });
    expect(parseIpAddress('2001:db8::', true)).toMatchObject({ ok: true, canonical: '2001:db8:0:0:0:0:0:0' });
  });

  it.each([
    ['1.2.3', 'an IPv4 address has 4 dot-separated numbers'],
    ['1.2.3.256', '"256" is not a number from 0 to 255 without leading zeros'],
    ['01.2.3.4', '"01" is not a number from 0 to 255 without leading zeros'],
    ['1:2:3:4:5:6:7', 'an IPv6 address has 8 colon-separated segments'],
    ['1:2:3:4:5:6:7:g', '"g" is not a 1–4 digit hex segment'],
    ['1::2::3', '"::" may appear once and must stand for a zero run'],
    ['1:2:3:4::5:6:7:8', '"::" may appear once and must stand for a zero run'],
    ['2001:db8::/32', 'CIDR notation is not supported'],
    ['2001:db8::1-2001:db8::9', 'IP ranges are not supported'],
  ])('should refuse %s', (text, problem) => {
    expect(parseIpAddress(text, true)).toMatchObject({ ok: false, problem });
  });
});

describe('classifyIp', () => {
  it.each([
    ['8.8.8.8', 'external'],
    ['203.0.113.7', 'external'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['172.32.0.1', 'external'],
    ['100.128.0.1', 'external'],
    ['0:0:0:0:0:0:0:0', 'unspecified'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fec0:0:0:0:0:0:0:1', 'private'],
    ['ff02:0:0:0:0:0:0:1', 'multicast'],
    ['0:0:0:0:0:ffff:a00:5', 'private'],
    ['0:0:0:0:0:ffff:808:808', 'external'],
    ['2001:4860:4860:0:0:0:0:8888', 'external'],
  ])('should classify %s as %s', (text, expected) => {
    expect(kind(text).kind).toBe(expected);
  });

  it('should name the IPv4-mapped range of an embedded private address', () => {
    expect(kind('0:0:0:0:0:ffff:a00:5')).toEqual({ kind: 'private', range: '::ffff:10.0.0.0/8' });
  });
});
