/** Validates and normalises an indicator value for its type (§5.1 value rules). */
import type { IndicatorType } from './indicator.ts';
import { classifyIp, parseIpAddress } from './ip-address.ts';
import { domainProblem, formatUrlTarget, parseUrlTarget } from './url-target.ts';

/** A normalised value, or why the text is not a value of that type. */
export type ValueCheck =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly expected: string; readonly hint?: string };

const HASH_LENGTH: Readonly<Record<string, number>> = { FileSha1: 40, FileSha256: 64, FileMd5: 32, CertificateThumbprint: 40 };
const TYPE_BY_LENGTH: Readonly<Record<number, string>> = { 32: 'FileMd5', 40: 'FileSha1', 64: 'FileSha256' };
const HEX = /^[0-9a-f]+$/;

/**
 * Checks `text` against the value rules of `type` and returns the normalised value: lowercase hex for
 * hashes and thumbprints, canonical IP text, lowercase host for domains, `scheme://host/path` for URLs.
 *
 * @example
 * normaliseIndicatorValue('FileSha1', 'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709'); // { ok: true, value: 'da39a3ee…' }
 * normaliseIndicatorValue('IpAddress', '10.0.0.5'); // { ok: false, code: 'internal_ip', … }
 */
export function normaliseIndicatorValue(type: IndicatorType, text: string): ValueCheck {
  switch (type) {
    case 'FileSha1':
    case 'FileSha256':
    case 'FileMd5':
    case 'CertificateThumbprint':
      return checkHex(type, text);
    case 'IpAddress':
      return checkIp(text);
    case 'DomainName':
      return checkDomain(text);
    case 'Url':
      return checkUrl(text);
  }
}

/**
 * `text` in lower case when it is `length` hex digits, else undefined: one pass over the characters, and the
 * common case (a hash already in lower case) allocates nothing. The slow path's lower-casing and test stay
 * the rule: no character outside ASCII lower-cases to a hex digit, so the two agree.
 */
function hexLower(text: string, length: number): string | undefined {
  if (text.length !== length) return undefined;
  let upper = false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 48 && code <= 57) || (code >= 97 && code <= 102)) continue;
    if (code >= 65 && code <= 70) upper = true;
    else return undefined;
  }
  return upper ? text.toLowerCase() : text;
}

function checkHex(type: IndicatorType, text: string): ValueCheck {
  const length = HASH_LENGTH[type] ?? 0;
  // Thumbprints are often copied from the certificate dialog with spaces or colons between bytes.
  const written = type === 'CertificateThumbprint' ? text.replace(/[\s:]/g, '') : text.trim();
  const ready = hexLower(written, length);
  if (ready !== undefined) return { ok: true, value: ready };
  const value = written.toLowerCase();
  const expected =
    type === 'CertificateThumbprint'
      ? 'the leaf certificate SHA-1 thumbprint: 40 hex digits'
      : `${length} hex digits (${type === 'FileSha256' ? 'SHA-256' : type === 'FileSha1' ? 'SHA-1' : 'MD5'})`;
  if (!HEX.test(value)) {
    return bad('bad_hash', `${type} value "${text}" is not hexadecimal`, expected, 'use only 0-9 and a-f');
  }
  if (value.length !== length) {
    const other = TYPE_BY_LENGTH[value.length];
    const hint =
      other !== undefined && other !== type ? `${value.length} hex digits is a ${other} value; use type ${other}` : undefined;
    return bad('bad_hash', `${type} value has ${value.length} hex digits, not ${length}`, expected, hint);
  }
  return { ok: true, value };
}

function checkIp(text: string): ValueCheck {
  const expected = 'one external IPv4 address (8.8.8.8) or IPv6 with all 8 segments (2001:4860:4860:0:0:0:0:8888)';
  const parsed = parseIpAddress(text);
  if (!parsed.ok) return bad('bad_ip', `IpAddress value "${text}": ${parsed.problem}`, expected, parsed.hint);
  const kind = classifyIp(parsed.words, parsed.version);
  if (kind.kind !== 'external') {
    return bad(
      'internal_ip',
      `IpAddress value "${text}" is a ${kind.kind} address (${kind.range ?? ''}); only external IPs can be indicators`,
      expected,
      "indicators can't be created for internal IPs (ioc-net); control internal traffic with a firewall rule instead",
    );
  }
  return { ok: true, value: parsed.canonical };
}

function checkDomain(text: string): ValueCheck {
  const expected = 'a domain name such as contoso.com (it also covers every subdomain)';
  const value = text.trim().replace(/\.$/, '').toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(value) || value.includes('/')) {
    return bad('bad_domain', `DomainName value "${text}" is a URL, not a domain`, expected, 'use type Url for a scheme or path');
  }
  if (value.startsWith('*.')) {
    return bad(
      'bad_domain',
      `DomainName value "${text}" has a wildcard`,
      expected,
      `write ${value.slice(2)}: a domain indicator already covers its subdomains`,
    );
  }
  if (/^[\d.]+$/.test(value) || value.includes(':')) {
    return bad('bad_domain', `DomainName value "${text}" is an IP address`, expected, 'use type IpAddress');
  }
  if (/[^\x00-\x7f]/.test(value)) {
    return bad(
      'bad_domain',
      `DomainName value "${text}" has non-ASCII characters`,
      expected,
      'write an internationalised name in its punycode form (xn--…)',
    );
  }
  const problem = domainProblem(value);
  return problem === undefined ? { ok: true, value } : bad('bad_domain', `DomainName value "${text}": ${problem}`, expected);
}

function checkUrl(text: string): ValueCheck {
  const expected = 'an http or https URL such as https://contoso.com/path';
  const target = parseUrlTarget(text);
  if (typeof target === 'string') return bad('bad_url', `Url value "${text}": ${target}`, expected);
  return { ok: true, value: formatUrlTarget(target) };
}

function bad(code: string, message: string, expected: string, hint?: string): ValueCheck {
  return hint === undefined ? { ok: false, code, message, expected } : { ok: false, code, message, expected, hint };
}
