import { describe, expect, it } from 'vitest';
import { compileIndicators, evaluateNetwork, type NetworkContext } from '../../../engine/policy/indicators/index.ts';
import { indicators, type Entry } from './fixtures/make-indicator.ts';

const chromeReady: NetworkContext = { networkProtection: 'block', customNetworkIndicators: true, quicAndEchDisabled: true };
const index = (...entries: Entry[]) => compileIndicators(indicators(...entries));

describe('compileIndicators', () => {
  it('should refuse a hand-built Url record whose value is not a URL, naming it, instead of leaving it out', () => {
    // parseIndicators refuses such a value; a library caller that skips it must not lose an indicator silently.
    const record = { id: 'feed-7', type: 'Url', value: 'ftp://files.contoso.com/x', action: 'Block', groups: [] } as const;
    expect(() => compileIndicators([record])).toThrow(
      /indicator feed-7: Url value "ftp:\/\/files\.contoso\.com\/x".*parseIndicators/,
    );
  });
});

describe('evaluateNetwork', () => {
  it('should block Chrome reaching a subdomain of a blocked domain, noting ConnectionSuccess may be logged (T49)', () => {
    const decision = evaluateNetwork(
      index({ type: 'DomainName', value: 'contoso.com', action: 'Block' }),
      { url: 'https://a.b.contoso.com/', browser: 'other' },
      chromeReady,
    );
    expect(decision).toMatchObject({ result: 'block', indicator: { value: 'contoso.com' }, connectionSuccessLogged: true });
    expect(decision.reasons.map((r) => r.code)).toEqual(['ioc-Block', 'after-handshake']);
  });

  it('should not match a domain that only ends with the same letters', () => {
    const decision = evaluateNetwork(
      index({ type: 'DomainName', value: 'contoso.com', action: 'Block' }),
      { url: 'https://notcontoso.com/', browser: 'other' },
      chromeReady,
    );
    expect(decision).toMatchObject({ result: 'allow', connectionSuccessLogged: false, reasons: [{ code: 'no-match' }] });
  });

  it('should only audit when network protection is in audit mode (T50)', () => {
    const decision = evaluateNetwork(
      index({ type: 'DomainName', value: 'contoso.com', action: 'Block' }),
      { url: 'https://a.b.contoso.com/', browser: 'other' },
      { ...chromeReady, networkProtection: 'audit' },
    );
    expect(decision).toMatchObject({ result: 'audit', connectionSuccessLogged: false });
    expect(decision.reasons.map((r) => r.code)).toEqual(['ioc-Block', 'np-audit']);
  });

  it('should allow when Block, Warn and Allow all name microsoft.com (T51, C9)', () => {
    const three = index(
      { type: 'DomainName', value: 'microsoft.com', action: 'Block' },
      { type: 'DomainName', value: 'microsoft.com', action: 'Warn' },
      { type: 'DomainName', value: 'microsoft.com', action: 'Allowed' },
    );
    expect(evaluateNetwork(three, { domain: 'microsoft.com', browser: 'edge' }, chromeReady).result).toBe('allow');
    expect(
      evaluateNetwork(three, { domain: 'microsoft.com', browser: 'edge' }, { ...chromeReady, conflict: 'strict-wins' }).result,
    ).toBe('block');
  });

  it('should let Warn beat Block on the same value', () => {
    const two = index(
      { type: 'Url', value: 'https://contoso.com', action: 'Block' },
      { type: 'Url', value: 'https://contoso.com', action: 'Warn' },
    );
    expect(evaluateNetwork(two, { url: 'https://contoso.com/', browser: 'edge' }, chromeReady).result).toBe('warn');
  });

  it('should let the longer URL path win in Edge (T52)', () => {
    const urls = index(
      { type: 'Url', value: 'https://support.microsoft.com/office', action: 'Allowed' },
      { type: 'Url', value: 'https://support.microsoft.com', action: 'Block' },
    );
    expect(evaluateNetwork(urls, { url: 'https://support.microsoft.com/office/x', browser: 'edge' }, chromeReady)).toMatchObject({
      result: 'allow',
      indicator: { value: 'https://support.microsoft.com/office' },
    });
    expect(evaluateNetwork(urls, { url: 'https://support.microsoft.com/windows', browser: 'edge' }, chromeReady).result).toBe(
      'block',
    );
  });

  it('should let a URL path beat a domain indicator on its parent', () => {
    const mixed = index(
      { type: 'DomainName', value: 'contoso.com', action: 'Block' },
      { type: 'Url', value: 'https://www.contoso.com/help', action: 'Allowed' },
    );
    expect(evaluateNetwork(mixed, { url: 'https://www.contoso.com/help/faq', browser: 'edge' }, chromeReady).result).toBe(
      'allow',
    );
    expect(evaluateNetwork(mixed, { url: 'https://www.contoso.com/shop', browser: 'edge' }, chromeReady).result).toBe('block');
  });

  it('should not match an HTTPS URL path outside Edge (T53)', () => {
    const path = index({ type: 'Url', value: 'https://example.com/block', action: 'Block' });
    expect(evaluateNetwork(path, { url: 'https://example.com/block/page', browser: 'other' }, chromeReady).result).toBe('allow');
    expect(evaluateNetwork(path, { url: 'https://example.com/block/page', browser: 'edge' }, chromeReady).result).toBe('block');
  });

  it('should match an HTTP URL path in any browser', () => {
    const path = index({ type: 'Url', value: 'http://example.com/block', action: 'Block' });
    expect(evaluateNetwork(path, { url: 'http://example.com/block?x=1', browser: 'other' }, chromeReady).result).toBe('block');
    expect(evaluateNetwork(path, { url: 'http://example.com/blocker', browser: 'other' }, chromeReady).result).toBe('allow');
  });

  it('should not see HTTPS host names in other browsers while QUIC or ECH is on, but still match IPs', () => {
    const both = index(
      { type: 'DomainName', value: 'contoso.com', action: 'Block' },
      { type: 'IpAddress', value: '203.0.113.7', action: 'Block' },
    );
    const quic = { ...chromeReady, quicAndEchDisabled: false };
    expect(evaluateNetwork(both, { url: 'https://contoso.com/', browser: 'other' }, quic).reasons.map((r) => r.code)).toEqual([
      'quic-ech',
      'no-match',
    ]);
    expect(evaluateNetwork(both, { url: 'https://contoso.com/', ip: '203.0.113.7', browser: 'other' }, quic).result).toBe(
      'block',
    );
  });

  it('should match an IP indicator from an IP-literal URL and from an IPv6 short form', () => {
    const ips = index(
      { type: 'IpAddress', value: '203.0.113.7', action: 'Block' },
      { type: 'IpAddress', value: '2001:4860:4860:0:0:0:0:8888', action: 'Warn' },
    );
    expect(evaluateNetwork(ips, { url: 'http://203.0.113.7/x', browser: 'other' }, chromeReady).result).toBe('block');
    expect(evaluateNetwork(ips, { ip: '2001:4860:4860::8888', browser: 'other' }, chromeReady).result).toBe('warn');
  });

  it('should enforce nothing without the "Custom network indicators" feature, and nothing outside Edge with NP off', () => {
    const blocked = index({ type: 'DomainName', value: 'contoso.com', action: 'Block' });
    expect(
      evaluateNetwork(blocked, { domain: 'contoso.com', browser: 'edge' }, { ...chromeReady, customNetworkIndicators: false })
        .reasons[0]?.code,
    ).toBe('feature-off');
    expect(
      evaluateNetwork(blocked, { domain: 'contoso.com', browser: 'other' }, { ...chromeReady, networkProtection: 'off' })
        .reasons[0]?.code,
    ).toBe('np-off');
    expect(
      evaluateNetwork(blocked, { domain: 'contoso.com', browser: 'edge' }, { ...chromeReady, networkProtection: 'off' }).result,
    ).toBe('block');
  });

  it('should honour scope and expiry', () => {
    const scoped = index({
      type: 'DomainName',
      value: 'contoso.com',
      action: 'Block',
      groups: ['G'],
      expirationTime: '2026-03-16T09:00:00Z',
    });
    const request = { domain: 'contoso.com', browser: 'edge' } as const;
    expect(evaluateNetwork(scoped, request, { ...chromeReady, deviceGroup: 'G', at: '2026-03-16T08:00:00Z' }).result).toBe(
      'block',
    );
    expect(evaluateNetwork(scoped, request, { ...chromeReady, deviceGroup: 'H', at: '2026-03-16T08:00:00Z' }).result).toBe(
      'allow',
    );
    expect(evaluateNetwork(scoped, request, { ...chromeReady, deviceGroup: 'G', at: '2026-03-16T09:00:00Z' }).result).toBe(
      'allow',
    );
  });

  it('should report an unreadable request URL instead of throwing', () => {
    expect(evaluateNetwork(index(), { url: 'ftp://x.com', browser: 'edge' }, chromeReady).reasons[0]?.code).toBe('bad-request');
  });
});
