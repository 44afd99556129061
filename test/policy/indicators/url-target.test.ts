import { describe, expect, it } from 'vitest';
import { domainProblem, formatUrlTarget, parseUrlTarget, pathCovers } from '../../../engine/policy/indicators/url-target.ts';

describe('parseUrlTarget', () => {
  it('should split scheme, host and path, dropping the port, fragment and trailing slashes', () => {
    expect(parseUrlTarget('HTTPS://WWW.Contoso.com:8443/Help/?q=1#top')).toEqual({
      scheme: 'https',
      host: 'www.contoso.com',
      path: '/Help?q=1',
    });
  });

  it('should take a URL without a scheme as matching any scheme', () => {
    expect(parseUrlTarget('contoso.com/downloads')).toEqual({ host: 'contoso.com', path: '/downloads' });
  });

  it('should accept an IPv4 literal host', () => {
    expect(parseUrlTarget('http://203.0.113.7/x')).toEqual({ scheme: 'http', host: '203.0.113.7', path: '/x' });
  });

  it('should refuse user information and bad host names', () => {
    expect(parseUrlTarget('https://bob@contoso.com/')).toBe('user information ("user@") is not allowed in a URL indicator');
    expect(parseUrlTarget('https:///path')).toBe('the host name is empty');
  });

  it('should format a target back to canonical text', () => {
    expect(formatUrlTarget({ host: 'contoso.com', path: '' })).toBe('contoso.com');
    expect(formatUrlTarget({ scheme: 'http', host: 'contoso.com', path: '/a' })).toBe('http://contoso.com/a');
  });
});

describe('domainProblem', () => {
  it('should refuse names longer than 253 characters and labels longer than 63', () => {
    expect(domainProblem(`${'a.'.repeat(127)}com`)).toBe('the host name has 257 characters; at most 253 are allowed');
    expect(domainProblem(`${'a'.repeat(64)}.com`)).toBe(
      `label "${'a'.repeat(64)}" must be 1–63 letters, digits or inner hyphens`,
    );
    expect(domainProblem('a-b.contoso.com')).toBeUndefined();
  });
});

describe('pathCovers', () => {
  it.each([
    ['', '/anything', true],
    ['/block', '/block', true],
    ['/block', '/block/page', true],
    ['/block', '/block?x=1', true],
    ['/block', '/blocker', false],
    ['/block', '/other', false],
  ])('should say %s covers %s: %s', (indicator, request, covers) => {
    expect(pathCovers(indicator, request)).toBe(covers);
  });
});
