import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveDeviceGroup } from '../../../engine/policy/device-groups.ts';
import {
  compileIndicators,
  lookupFileIndicator,
  type FileFacts,
  type Indicator,
  type IndicatorAction,
} from '../../../engine/policy/indicators/index.ts';
import { fileFacts, indicatorList } from './fixtures/indicator-arbitraries.ts';
import { INTERMEDIATE_CERT, INVOICE, LEAF_CERT, indicators } from './fixtures/make-indicator.ts';

const lookup = (list: Indicator[], file: FileFacts, group?: string, at?: string | number) =>
  lookupFileIndicator(compileIndicators(list), file, group, at)?.indicator;

describe('lookupFileIndicator', () => {
  it('should let a SHA-256 Allow beat a SHA-1 Block for the same file (T40)', () => {
    const list = indicators(
      { type: 'FileSha1', value: INVOICE.sha1, action: 'Block' },
      { type: 'FileSha256', value: INVOICE.sha256, action: 'Allowed' },
    );
    expect(lookup(list, INVOICE, 'Finance')?.action).toBe('Allowed');
  });

  it('should apply hash strength regardless of device group: all-devices SHA-256 beats group SHA-1 (T40)', () => {
    const list = indicators(
      { type: 'FileSha1', value: INVOICE.sha1, action: 'Allowed', groups: ['Finance'] },
      { type: 'FileMd5', value: INVOICE.md5, action: 'Allowed', groups: ['Finance'] },
      { type: 'FileSha256', value: INVOICE.sha256, action: 'Block' },
    );
    const match = lookupFileIndicator(compileIndicators(list), INVOICE, 'Finance');
    expect(match).toMatchObject({ on: 'sha256', scope: 'all-devices', indicator: { action: 'Block' } });
  });

  it("should give a match's reason, made on first read, as one object naming the indicator and what it matched", () => {
    // Built lazily since issue 13's thirteenth pass: the text must be what the eager compile wrote.
    const list = indicators({ type: 'FileSha256', value: INVOICE.sha256, action: 'Block', groups: ['Finance'] });
    const match = lookupFileIndicator(compileIndicators(list), INVOICE, 'Finance');
    expect(match?.reason).toEqual({
      layer: 'indicator',
      code: 'ioc-Block',
      message: `indicator ioc-1 (Block FileSha256 ${INVOICE.sha256.slice(0, 8)}… (groups Finance)) matched the file's SHA-256`,
      cite: '§5.4',
    });
    expect(match?.reason).toBe(match?.reason);
  });

  it('should fall back to SHA-1 and then MD5 when stronger hashes have no indicator', () => {
    const list = indicators(
      { type: 'FileMd5', value: INVOICE.md5, action: 'Block' },
      { type: 'FileSha1', value: INVOICE.sha1, action: 'Audit' },
    );
    expect(lookup(list, INVOICE)?.type).toBe('FileSha1');
    expect(lookup(list, { md5: INVOICE.md5 })?.type).toBe('FileMd5');
  });

  it('should let the group-scoped Allow beat the all-devices Block for a device in the group (T41)', () => {
    const list = indicators(
      { type: 'FileSha256', value: INVOICE.sha256, action: 'Block' },
      { type: 'FileSha256', value: INVOICE.sha256, action: 'Allowed', groups: ['G'] },
    );
    const match = lookupFileIndicator(compileIndicators(list), INVOICE, 'G');
    expect(match).toMatchObject({ scope: 'group', indicator: { action: 'Allowed' } });
    expect(lookup(list, INVOICE, 'Other')?.action).toBe('Block');
  });

  it('should not apply an indicator scoped to the rank-5 group to a device that also matches rank 2 (T42)', () => {
    const list = indicators({ type: 'FileSha256', value: INVOICE.sha256, action: 'Block', groups: ['Finance'] });
    const group = resolveDeviceGroup({ name: 'ws-01', os: 'windows-11', tags: ['finance'] }, [
      { name: 'Finance', rank: 5, match: { tags: ['finance'] } },
      { name: 'Workstations', rank: 2, match: { os: ['windows-11'] } },
    ]);
    expect(lookup(list, INVOICE, group.name)).toBeUndefined();
  });

  it('should prefer the Block over the Allow of the same hash and scope: step 3 comes before step 5', () => {
    const list = indicators(
      { type: 'FileSha256', value: INVOICE.sha256, action: 'Allowed' },
      { type: 'FileSha256', value: INVOICE.sha256, action: 'Block' },
    );
    expect(lookup(list, INVOICE)?.action).toBe('Block');
  });

  it('should delete an indicator at its expiration second and keep it a second before (T60)', () => {
    const list = indicators({
      type: 'FileSha256',
      value: INVOICE.sha256,
      action: 'Block',
      expirationTime: '2026-03-16T09:00:00.0Z',
    });
    expect(lookup(list, INVOICE, undefined, '2026-03-16T08:59:59Z')?.action).toBe('Block');
    expect(lookup(list, INVOICE, undefined, '2026-03-16T09:00:00Z')).toBeUndefined();
    expect(lookup(list, INVOICE, undefined, Date.UTC(2026, 2, 16, 9, 0, 1))).toBeUndefined();
  });

  it('should let an expired stronger hash give way to a live weaker one', () => {
    const list = indicators(
      { type: 'FileSha256', value: INVOICE.sha256, action: 'Allowed', expirationTime: '2026-01-01T00:00:00Z' },
      { type: 'FileSha1', value: INVOICE.sha1, action: 'Block' },
    );
    expect(lookup(list, INVOICE, undefined, '2026-03-16T09:00:00Z')?.action).toBe('Block');
  });

  it('should match artifact hashes written in uppercase', () => {
    const list = indicators({ type: 'FileSha256', value: INVOICE.sha256, action: 'Block' });
    expect(lookup(list, { sha256: INVOICE.sha256.toUpperCase() })?.action).toBe('Block');
  });

  it('should not block a Microsoft-signed file by certificate, and not match an intermediate CA (T59)', () => {
    const list = indicators(
      { type: 'CertificateThumbprint', value: LEAF_CERT, action: 'BlockAndRemediate' },
      { type: 'CertificateThumbprint', value: INTERMEDIATE_CERT, action: 'BlockAndRemediate' },
    );
    expect(lookup(list, { certificate: LEAF_CERT })?.value).toBe(LEAF_CERT);
    expect(lookup(list, { certificate: LEAF_CERT, microsoftSigned: true })).toBeUndefined();
    // The artifact carries its leaf thumbprint only; an indicator on the issuing CA never sees it.
    expect(lookup([list[1]!], { certificate: LEAF_CERT })).toBeUndefined();
  });

  it('should still allow a Microsoft-signed file by certificate', () => {
    const list = indicators({ type: 'CertificateThumbprint', value: LEAF_CERT, action: 'Allowed' });
    expect(lookup(list, { certificate: LEAF_CERT, microsoftSigned: true })?.action).toBe('Allowed');
  });

  it('should let a certificate block win over a hash allow, since step 3 meets blocks first [inference]', () => {
    const list = indicators(
      { type: 'FileSha256', value: INVOICE.sha256, action: 'Allowed' },
      { type: 'CertificateThumbprint', value: LEAF_CERT, action: 'BlockAndRemediate' },
    );
    expect(lookupFileIndicator(compileIndicators(list), { ...INVOICE, certificate: LEAF_CERT }, undefined)?.on).toBe(
      'certificate',
    );
  });

  it('should return the compiled match object itself, allocating nothing per lookup', () => {
    const index = compileIndicators(indicators({ type: 'FileSha256', value: INVOICE.sha256, action: 'Block' }));
    expect(lookupFileIndicator(index, INVOICE, undefined)).toBe(lookupFileIndicator(index, INVOICE, 'G'));
  });

  it('should agree with a naive scan of the whole list applying the documented rules', () => {
    fc.assert(
      fc.property(
        indicatorList,
        fileFacts,
        fc.constantFrom(undefined, 'A', 'B'),
        fc.constantFrom(undefined, 500, 1500, 2500),
        (list, file, group, time) => {
          expect(lookup(list, file, group, time)?.id).toBe(naiveLookup(list, file, group, time)?.id);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// --- the reference: scans everything, applies §5.4 literally ---

const RANK: Record<IndicatorAction, number> = { BlockAndRemediate: 5, Block: 4, Warn: 3, Allowed: 2, Audit: 1 };

function naiveLookup(
  list: readonly Indicator[],
  file: FileFacts,
  group: string | undefined,
  time: number | undefined,
): Indicator | undefined {
  type Item = { ind: Indicator; order: number };
  const live: Item[] = list
    .map((ind, order) => ({ ind, order }))
    .filter(({ ind }) => time === undefined || ind.expiresAt === undefined || time < ind.expiresAt)
    .filter(({ ind }) => ind.groups.length === 0 || (group !== undefined && ind.groups.includes(group)));
  const choose = (items: Item[]): Item | undefined =>
    [...items].sort(
      (a, b) =>
        Math.sign(b.ind.groups.length) - Math.sign(a.ind.groups.length) ||
        RANK[b.ind.action] - RANK[a.ind.action] ||
        a.order - b.order,
    )[0];
  let hash: Item | undefined;
  for (const [type, key] of [
    ['FileSha256', 'sha256'],
    ['FileSha1', 'sha1'],
    ['FileMd5', 'md5'],
  ] as const) {
    const value = file[key]?.toLowerCase();
    const found = value === undefined ? [] : live.filter(({ ind }) => ind.type === type && ind.value === value);
    if (found.length > 0) {
      hash = choose(found);
      break;
    }
  }
  const certificate = file.certificate?.toLowerCase();
  const cert = choose(
    live.filter(
      ({ ind }) =>
        ind.type === 'CertificateThumbprint' &&
        ind.value === certificate &&
        !(file.microsoftSigned === true && RANK[ind.action] >= 3),
    ),
  );
  if (cert === undefined || hash === undefined) return (cert ?? hash)?.ind;
  return RANK[cert.ind.action] > RANK[hash.ind.action] ? cert.ind : hash.ind;
}
