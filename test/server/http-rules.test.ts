// The request rules on their own: which Host headers name this server, and how cookies are read.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { cookies, hostAllowed, originAllowed, sessionCookie } from '../../engine/server/http-rules.ts';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('hostAllowed', () => {
  it.each([
    ['127.0.0.1:8400', true],
    ['localhost:8400', true],
    ['LOCALHOST:8400', true],
    ['[::1]:8400', true],
    ['192.168.1.20:8400', true],
    ['class.example:8400', true], // the --host given
    ['evil.example:8400', false], // a rebound DNS name
    ['127.0.0.1:8401', false],
    ['127.0.0.1', false],
    ['localhost.evil.example:8400', false],
    ['', false],
  ])('should answer %j with %s', (host, allowed) => {
    expect(hostAllowed(host, 'class.example', 8400)).toBe(allowed);
  });

  it('should refuse a request without a Host header', () => {
    expect(hostAllowed(undefined, '127.0.0.1', 8400)).toBe(false);
  });
});

describe('originAllowed', () => {
  it('should take a change only from a page of the same origin as the Host', () => {
    expect(originAllowed(request({ host: '127.0.0.1:8400', origin: 'http://127.0.0.1:8400' }))).toBe(true);
    expect(originAllowed(request({ host: '127.0.0.1:8400', origin: 'http://localhost:8400' }))).toBe(false);
    expect(originAllowed(request({ host: '127.0.0.1:8400', origin: 'null' }))).toBe(false);
    expect(originAllowed(request({ host: '127.0.0.1:8400' }))).toBe(false);
  });
});

describe('cookies', () => {
  it('should read each cookie by name, the first value winning, and skip what is not name=value', () => {
    const found = cookies(request({ cookie: 'a=1; junk; =x; edrsim_session=abc; a=2' }));
    expect([...found]).toEqual([
      ['a', '1'],
      ['edrsim_session', 'abc'],
    ]);
    expect(cookies(request({})).size).toBe(0);
  });

  it('should make session cookies HttpOnly and SameSite=Strict', () => {
    expect(sessionCookie('s', 'v')).toBe('s=v; HttpOnly; SameSite=Strict; Path=/');
  });
});
