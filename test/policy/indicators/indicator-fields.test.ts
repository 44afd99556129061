import { describe, expect, it } from 'vitest';
import {
  checkAction,
  checkCategory,
  checkExpiration,
  checkTechniques,
  checkType,
} from '../../../engine/policy/indicators/indicator-fields.ts';
import { closest } from '../../../engine/core/did-you-mean.ts';

describe('indicator fields', () => {
  it.each([
    ['sha256', 'FileSha256'],
    ['Cert', 'CertificateThumbprint'],
    ['ip', 'IpAddress'],
    ['Domain', 'DomainName'],
    ['FileSha265', 'FileSha256'],
  ])('should suggest the API type for %s', (text, type) => {
    expect(checkType(text)).toMatchObject({ ok: false, hint: `did you mean "${type}"?` });
  });

  it('should refuse a non-string type without a hint', () => {
    expect(checkType(7)).toEqual({
      ok: false,
      message: 'indicator type 7 is not an indicator type',
      expected: 'FileSha1 | FileSha256 | FileMd5 | CertificateThumbprint | IpAddress | DomainName | Url',
      hint: undefined,
    });
  });

  it('should map legacy actions even without a type', () => {
    expect(checkAction('Alert', undefined)).toEqual({ ok: true, value: { action: 'Audit', legacy: 'Alert' } });
    expect(checkAction(null, 'Url')).toMatchObject({ ok: false, message: 'action null is not an indicator action' });
  });

  it('should accept expirations with offsets and fractions, and refuse out-of-range parts', () => {
    expect(checkExpiration('2026-03-16T10:00:00.123+01:00')).toEqual({ ok: true, value: Date.UTC(2026, 2, 16, 9, 0, 0, 123) });
    expect(checkExpiration('2026-13-01T00:00:00Z').ok).toBe(false);
    expect(checkExpiration('2026-01-01T24:00:00Z').ok).toBe(false);
    expect(checkExpiration(20260101).ok).toBe(false);
  });

  it('should give the general Pascal-case hint for an unknown category', () => {
    expect(checkCategory('zzzz')).toMatchObject({
      ok: false,
      hint: 'categories are written in Pascal case, e.g. CommandAndControl',
    });
  });

  it('should take techniques as a list or comma-separated text and refuse other ids', () => {
    expect(checkTechniques('T1204.002, T1566')).toEqual({ ok: true, value: ['T1204.002', 'T1566'] });
    expect(checkTechniques(['T12'])).toMatchObject({ ok: false, message: 'technique "T12" is not a MITRE ATT&CK id' });
    expect(checkTechniques(5)).toMatchObject({ ok: false, message: 'mitreTechniques must be a list of technique ids' });
  });

  it('should count an adjacent swap as one edit when suggesting', () => {
    expect(closest('Bolck', ['Block', 'Warn'])).toBe('Block');
    expect(closest('banana', ['Block', 'Warn'])).toBeUndefined();
  });
});
