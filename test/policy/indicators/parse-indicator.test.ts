import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../../engine/core/issue.ts';
import { readFileSync } from 'node:fs';
import {
  importIndicatorCsv,
  normaliseIndicatorValue,
  parseIndicators,
  TENANT_INDICATOR_LIMIT,
} from '../../../engine/policy/indicators/index.ts';
import { INVOICE } from './fixtures/make-indicator.ts';

const one = (entry: Record<string, unknown>, options = {}) => parseIndicators([entry], options);

describe('parseIndicators', () => {
  it('should normalise a SHA-256 value to lowercase and default groups to all devices', () => {
    const { indicators, issues } = one({ type: 'FileSha256', value: INVOICE.sha256.toUpperCase(), action: 'Block' });
    expect(issues).toEqual([]);
    expect(indicators).toEqual([{ id: 'ioc-1', type: 'FileSha256', value: INVOICE.sha256, action: 'Block', groups: [] }]);
  });

  it.each([
    ['FileSha1', INVOICE.sha256, 'FileSha256'],
    ['FileSha256', INVOICE.sha1, 'FileSha1'],
    ['FileMd5', INVOICE.sha1, 'FileSha1'],
  ])('should refuse a %s value of the wrong length and name the type that fits', (type, value, fits) => {
    const { indicators, issues } = one({ type, value, action: 'Block' });
    expect(indicators).toEqual([]);
    expect(issues[0]).toMatchObject({
      code: 'bad_hash',
      path: [0, 'value'],
      hint: `${value.length} hex digits is a ${fits} value; use type ${fits}`,
    });
  });

  it('should refuse a hash with non-hex characters', () => {
    expect(one({ type: 'FileMd5', value: 'z'.repeat(32), action: 'Block' }).issues[0]?.message).toBe(
      'FileMd5 value "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" is not hexadecimal',
    );
  });

  it('should accept a certificate thumbprint copied with spaces and store it as 40 lowercase hex digits', () => {
    const { indicators } = one({
      type: 'CertificateThumbprint',
      value: '36 E5 6D 1D 83 4B FB 28 B5 C0 3E 12 88 56 8B 6A C1 F5 21 88',
      action: 'Allowed',
    });
    expect(indicators[0]?.value).toBe('36e56d1d834bfb28b5c03e1288568b6ac1f52188');
  });

  it('should map the legacy actions and keep the original spelling (§5.1)', () => {
    const { indicators } = parseIndicators([
      { type: 'FileSha1', value: INVOICE.sha1, action: 'Alert' },
      { type: 'FileSha1', value: INVOICE.sha1, action: 'AlertAndBlock' },
    ]);
    expect(indicators.map((i) => [i.action, i.legacyAction])).toEqual([
      ['Audit', 'Alert'],
      ['BlockAndRemediate', 'AlertAndBlock'],
    ]);
  });

  it('should warn once per legacy action, naming the current action to write, and keep the indicator (§5.1)', () => {
    const { indicators, issues } = parseIndicators([
      { type: 'FileSha1', value: INVOICE.sha1, action: 'Alert' },
      { type: 'FileSha1', value: INVOICE.sha1, action: 'Block' },
      { type: 'FileSha1', value: INVOICE.sha1, action: 'AlertAndBlock' },
    ]);
    expect(indicators).toHaveLength(3);
    expect(issues.map((issue) => [issue.code, issue.severity, issue.path, issue.hint])).toEqual([
      ['legacy_action', 'warning', [0, 'action'], 'write Audit'],
      ['legacy_action', 'warning', [2, 'action'], 'write BlockAndRemediate'],
    ]);
  });

  it('should accept all five portal actions for file indicators (C10)', () => {
    const actions = ['Allowed', 'Audit', 'Warn', 'Block', 'BlockAndRemediate'];
    const { indicators, issues } = parseIndicators(
      actions.map((action) => ({ type: 'FileSha256', value: INVOICE.sha256, action })),
    );
    expect(issues).toEqual([]);
    expect(indicators.map((i) => i.action)).toEqual(actions);
  });

  it.each(['IpAddress', 'DomainName', 'Url'])('should refuse BlockAndRemediate for a %s indicator', (type) => {
    const value = type === 'IpAddress' ? '203.0.113.7' : type === 'Url' ? 'https://contoso.com/x' : 'contoso.com';
    const { issues } = one({ type, value, action: 'BlockAndRemediate' });
    expect(issues[0]).toMatchObject({
      code: 'bad_indicator_action',
      path: [0, 'action'],
      expected: 'Allowed | Audit | Warn | Block',
      hint: 'network indicators do not support BlockAndRemediate (ioc-manage); use Block',
    });
  });

  it('should refuse legacy AlertAndBlock for a domain, naming its current spelling', () => {
    expect(one({ type: 'DomainName', value: 'contoso.com', action: 'AlertAndBlock' }).issues[0]?.message).toBe(
      'action AlertAndBlock (now BlockAndRemediate) is not available for DomainName indicators',
    );
  });

  it('should offer only Allowed and BlockAndRemediate for certificates', () => {
    expect(one({ type: 'CertificateThumbprint', value: 'a'.repeat(40), action: 'Block' }).issues[0]).toMatchObject({
      expected: 'Allowed | BlockAndRemediate',
    });
  });

  it.each([
    ['10.0.0.5', 'private', '10.0.0.0/8'],
    ['192.168.1.20', 'private', '192.168.0.0/16'],
    ['172.20.0.1', 'private', '172.16.0.0/12'],
    ['127.0.0.1', 'loopback', '127.0.0.0/8'],
    ['169.254.10.10', 'link-local', '169.254.0.0/16'],
    ['100.64.1.1', 'cgnat', '100.64.0.0/10'],
    ['fe80:0:0:0:0:0:0:1', 'link-local', 'fe80::/10'],
    ['fd00:0:0:0:0:0:0:1', 'private', 'fc00::/7 (unique local)'],
  ])('should reject internal IP %s with a hint (T54)', (value, kind, range) => {
    const { indicators, issues } = one({ type: 'IpAddress', value, action: 'Block' });
    expect(indicators).toEqual([]);
    expect(issues[0]).toMatchObject({ code: 'internal_ip', path: [0, 'value'] });
    expect(issues[0]?.message).toBe(
      `IpAddress value "${value}" is a ${kind} address (${range}); only external IPs can be indicators`,
    );
    expect(issues[0]?.hint).toContain("indicators can't be created for internal IPs");
  });

  it.each([
    ['203.0.113.0/24', 'CIDR notation is not supported'],
    ['203.0.113.1-203.0.113.9', 'IP ranges are not supported'],
    ['203.0.113.*', 'wildcards are not supported'],
  ])('should not import %s: no CIDR, ranges or wildcards (T55)', (value, problem) => {
    const { indicators, issues } = one({ type: 'IpAddress', value, action: 'Block' });
    expect(indicators).toEqual([]);
    expect(issues[0]?.message).toBe(`IpAddress value "${value}": ${problem}`);
  });

  it('should accept a full 8-segment IPv6 address and refuse the :: short form with the expanded one as hint', () => {
    expect(one({ type: 'IpAddress', value: '2001:4860:4860:0:0:0:0:8888', action: 'Block' }).indicators[0]?.value).toBe(
      '2001:4860:4860:0:0:0:0:8888',
    );
    expect(one({ type: 'IpAddress', value: '2001:4860:4860::8888', action: 'Block' }).issues[0]?.hint).toBe(
      'write 2001:4860:4860:0:0:0:0:8888',
    );
  });

  it.each([
    ['https://contoso.com', 'DomainName value "https://contoso.com" is a URL, not a domain'],
    ['*.contoso.com', 'DomainName value "*.contoso.com" has a wildcard'],
    ['8.8.8.8', 'DomainName value "8.8.8.8" is an IP address'],
    ['intranet', 'DomainName value "intranet": "intranet" has a single label; a domain needs at least two, like contoso.com'],
    ['bad_host.com', 'DomainName value "bad_host.com": label "bad_host" must be 1–63 letters, digits or inner hyphens'],
  ])('should refuse domain %s', (value, message) => {
    expect(one({ type: 'DomainName', value, action: 'Block' }).issues[0]?.message).toBe(message);
  });

  it('should normalise URL scheme and host case and drop a trailing slash', () => {
    expect(one({ type: 'Url', value: 'HTTPS://Support.Microsoft.com/office/', action: 'Allowed' }).indicators[0]?.value).toBe(
      'https://support.microsoft.com/office',
    );
  });

  it('should refuse a non-web URL scheme', () => {
    expect(one({ type: 'Url', value: 'ftp://contoso.com/x', action: 'Block' }).issues[0]?.message).toBe(
      'Url value "ftp://contoso.com/x": scheme "ftp" is not supported; URL indicators are http or https',
    );
  });

  it('should report every problem of every bad entry at once, and keep the good ones', () => {
    const result = parseIndicators([
      { type: 'FileSHA256', value: 42, action: 'block', severity: 'high', colour: 'red', titel: 'x' },
      { type: 'DomainName', value: 'contoso.com', action: 'Block' },
      'not an object',
    ]);
    expect(result.indicators.map((i) => i.value)).toEqual(['contoso.com']);
    expect(formatIssues(result.issues)).toMatchInlineSnapshot(`
      "✖ [0].colour: key "colour" is not an indicator field
        expected: type, value, action, groups, expirationTime, title, description, recommendedActions, severity, generateAlert, category, mitreTechniques
        received: colour
      ✖ [0].titel: key "titel" is not an indicator field
        expected: type, value, action, groups, expirationTime, title, description, recommendedActions, severity, generateAlert, category, mitreTechniques
        received: titel
        hint: did you mean "title"?
      ✖ [0].type: indicator type FileSHA256 is not an indicator type
        expected: FileSha1 | FileSha256 | FileMd5 | CertificateThumbprint | IpAddress | DomainName | Url
        received: FileSHA256
        hint: did you mean "FileSha256"?
      ✖ [0].action: action block is not an indicator action
        expected: Allowed | Audit | Warn | Block | BlockAndRemediate | Alert | AlertAndBlock
        received: block
        hint: did you mean "Block"?
      ✖ [0].value: indicator value must be a string
        expected: text, quoted in YAML
        received: 42
        hint: quote hashes and addresses
      ✖ [0].severity: severity "high" is not an indicator severity
        expected: Informational | Low | Medium | High
        received: high
        hint: did you mean "High"?
      ✖ [2]: indicator entry must be an object
        expected: { type, value, action, groups?, expirationTime?, title?, severity?, generateAlert? }
        received: not an object"
    `);
  });

  it('should suggest the API spelling of a portal action name', () => {
    expect(one({ type: 'Url', value: 'https://contoso.com', action: 'Block execution' }).issues[0]?.hint).toBe(
      'did you mean "Block"?',
    );
  });

  it('should parse expirationTime and refuse an impossible date', () => {
    expect(
      one({ type: 'DomainName', value: 'contoso.com', action: 'Block', expirationTime: '2026-03-16T09:00:00.0Z' }).indicators[0]
        ?.expiresAt,
    ).toBe(Date.UTC(2026, 2, 16, 9));
    expect(
      one({ type: 'DomainName', value: 'contoso.com', action: 'Block', expirationTime: '2025-02-29T00:00:00Z' }).issues[0]?.code,
    ).toBe('bad_expiration');
    expect(one({ type: 'DomainName', value: 'contoso.com', action: 'Block', expirationTime: '2026-03-16' }).issues[0]?.code).toBe(
      'bad_expiration',
    );
  });

  it('should check groups against the tenant groups when they are given', () => {
    const result = one(
      { type: 'DomainName', value: 'contoso.com', action: 'Block', groups: ['Finanse'] },
      { knownGroups: ['Finance', 'Servers'] },
    );
    expect(result.issues[0]).toMatchObject({
      code: 'bad_indicator_groups',
      path: [0, 'groups'],
      hint: 'did you mean "Finance"?',
    });
  });

  it('should accept category in Pascal case and suggest it for a spaced spelling', () => {
    expect(one({ type: 'DomainName', value: 'contoso.com', action: 'Audit', category: 'CommandAndControl' }).issues).toEqual([]);
    expect(
      one({ type: 'DomainName', value: 'contoso.com', action: 'Audit', category: 'command and control' }).issues[0]?.hint,
    ).toBe('did you mean "CommandAndControl"?');
  });

  it('should refuse a list that is not a list', () => {
    expect(parseIndicators({ from: 'x.csv' }, { path: ['indicators'] }).issues[0]).toMatchObject({
      code: 'bad_indicators',
      path: ['indicators'],
    });
  });

  it('should reject an indicator added to a tenant that already has 15,000 (T58)', () => {
    const result = one(
      { type: 'DomainName', value: 'contoso.com', action: 'Block' },
      { existingCount: TENANT_INDICATOR_LIMIT, path: ['indicators'] },
    );
    expect(result.indicators).toEqual([]);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'indicator_limit', path: ['indicators', 0] })]);
    expect(result.issues[0]?.message).toBe(
      'the tenant limit of 15,000 indicators is reached: this entry and the 0 valid ones after it were not added',
    );
  });

  it('should keep the first indicators that fit and refuse the rest at the limit', () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({ type: 'DomainName', value: `d${i}.contoso.com`, action: 'Block' }));
    const result = parseIndicators(entries, { existingCount: TENANT_INDICATOR_LIMIT - 3 });
    expect(result.indicators.map((i) => i.value)).toEqual(['d0.contoso.com', 'd1.contoso.com', 'd2.contoso.com']);
    expect(result.issues[0]).toMatchObject({ path: [3], received: '5 valid indicators' });
  });

  it('should accept its own output again unchanged, so imported indicators survive a second parse', () => {
    const csv = readFileSync(new URL('./fixtures/contoso-indicators.csv', import.meta.url), 'utf8');
    const imported = importIndicatorCsv(csv);
    expect(imported.indicators.length).toBeGreaterThan(0);
    const again = parseIndicators(imported.indicators);
    expect(again.issues).toEqual([]);
    expect(again.indicators).toEqual(imported.indicators);
  });

  it('should keep a legacy action spelling through a second parse', () => {
    const first = one({ type: 'FileSha256', value: 'ab'.repeat(32), action: 'AlertAndBlock', title: 't', description: 'd' });
    expect(parseIndicators(first.indicators).indicators[0]).toMatchObject({
      action: 'BlockAndRemediate',
      legacyAction: 'AlertAndBlock',
    });
  });

  it('should write every field of a full entry in the record order its JSON keeps', () => {
    // The parser builds the record field by field (issue 13); JSON output and the library's hashes read this order.
    const { indicators, issues } = one(
      {
        mitreTechniques: ['T1486'],
        category: 'Ransomware',
        generateAlert: true,
        severity: 'High',
        recommendedActions: 'isolate',
        description: 'd',
        title: 't',
        expirationTime: ' 2027-01-01T00:00:00Z ',
        groups: ['Finance'],
        action: 'AlertAndBlock',
        value: INVOICE.sha256,
        type: 'FileSha256',
      },
      { idPrefix: 'feed' },
    );
    expect(issues.filter((issue) => issue.severity !== 'warning')).toEqual([]);
    expect(JSON.stringify(indicators[0])).toBe(
      JSON.stringify({
        id: 'feed-1',
        type: 'FileSha256',
        value: INVOICE.sha256,
        action: 'BlockAndRemediate',
        legacyAction: 'AlertAndBlock',
        groups: ['Finance'],
        expirationTime: '2027-01-01T00:00:00Z',
        expiresAt: Date.UTC(2027, 0, 1),
        title: 't',
        description: 'd',
        recommendedActions: 'isolate',
        severity: 'High',
        generateAlert: true,
        category: 'Ransomware',
        mitreTechniques: ['T1486'],
      }),
    );
  });
});

describe('normaliseIndicatorValue for hashes', () => {
  // The one-pass check (issue 13) must agree with the rule as written: trim, lower-case, then hex of the length.
  const rule = (text: string, length: number): string | undefined => {
    const value = text.trim().toLowerCase();
    return /^[0-9a-f]+$/.test(value) && value.length === length ? value : undefined;
  };
  const hexish = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 30, maxLength: 66 }),
    fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFgG \t\u212a\u0130\uff21\u00e9'), maxLength: 66 }),
    fc.string({ unit: 'grapheme', maxLength: 66 }),
  );

  it('should accept exactly the values the written rule accepts, lower-cased', () => {
    fc.assert(
      fc.property(fc.constantFrom(['FileMd5', 32], ['FileSha1', 40], ['FileSha256', 64]), hexish, ([type, length], text) => {
        const checked = normaliseIndicatorValue(type as 'FileMd5', text);
        const expected = rule(text, length as number);
        expect(checked.ok ? checked.value : undefined).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('should keep the value as written when it is already lower-case hex, and lower-case it otherwise', () => {
    expect(normaliseIndicatorValue('FileMd5', 'd41d8cd98f00b204e9800998ecf8427e')).toEqual({
      ok: true,
      value: 'd41d8cd98f00b204e9800998ecf8427e',
    });
    expect(normaliseIndicatorValue('FileMd5', ' D41D8CD98F00B204E9800998ECF8427E ')).toEqual({
      ok: true,
      value: 'd41d8cd98f00b204e9800998ecf8427e',
    });
    // Kelvin sign lower-cases to k and dotted İ to two characters: neither is a hex digit.
    expect(normaliseIndicatorValue('FileMd5', `\u212a${'0'.repeat(31)}`).ok).toBe(false);
  });
});
