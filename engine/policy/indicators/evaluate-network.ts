/** IP / URL / domain indicators for one web request (§5.4 network rules, §5.2 prerequisites). */
import type { Reason } from '../../core/vocabulary.ts';
import { reasonFor } from '../../core/reason.ts';
import { entryApplies, lookupTime, type IndexEntry, type IndicatorIndex } from './compile-indicators.ts';
import type { Indicator, IndicatorAction } from './indicator.ts';
import { parseIpAddress } from './ip-address.ts';
import { parseUrlTarget, pathCovers } from './url-target.ts';

const reason = reasonFor('indicator');

export interface NetworkRequest {
  readonly url?: string;
  readonly ip?: string;
  /** Host name; taken from `url` when absent. */
  readonly domain?: string;
  /** Edge enforces through SmartScreen; other browsers and processes through network protection. */
  readonly browser: 'edge' | 'other';
}

export interface NetworkContext {
  readonly networkProtection: 'block' | 'audit' | 'off';
  /** Advanced feature "Custom network indicators". */
  readonly customNetworkIndicators: boolean;
  /** QUIC and Encrypted Client Hello disabled in the non-Microsoft browser. */
  readonly quicAndEchDisabled: boolean;
  /** C9: `allow-wins` (ioc-net: Allow > Warn > Block, default) or `strict-wins` (excl-overview). */
  readonly conflict?: 'allow-wins' | 'strict-wins';
  readonly deviceGroup?: string;
  /** ISO time or epoch ms, for expiry. */
  readonly at?: string | number;
}

export interface NetworkDecision {
  readonly result: 'allow' | 'audit' | 'warn' | 'block';
  readonly indicator?: Indicator;
  /** §5.5: blocks happen after the TCP/TLS handshake, so `NetworkConnectionEvents` may still say ConnectionSuccess. */
  readonly connectionSuccessLogged: boolean;
  readonly reasons: readonly Reason[];
}

const cite = '§5.4';
const ALLOW_WINS: Readonly<Record<IndicatorAction, number>> = { Allowed: 4, Audit: 3, Warn: 2, Block: 1, BlockAndRemediate: 0 };
const STRICT_WINS: Readonly<Record<IndicatorAction, number>> = { Allowed: 1, Audit: 2, Warn: 3, Block: 4, BlockAndRemediate: 5 };
const RESULT: Readonly<Record<IndicatorAction, NetworkDecision['result']>> = {
  Allowed: 'allow',
  Audit: 'audit',
  Warn: 'warn',
  Block: 'block',
  BlockAndRemediate: 'block',
};

interface Candidate {
  entry: IndexEntry;
  pathLength: number;
  hostLength: number;
}

/**
 * Decides a request against network indicators. Most specific first: the longest covering URL path
 * wins (T52), then the longest matching host (a domain covers its subdomains, T49; an IP counts as the
 * exact host); among equally specific ones Allow > Audit > Warn > Block (C9; Audit placed as an allow is
 * an inference). Non-Edge clients need network protection in block mode (audit mode only audits, T50),
 * match HTTPS URL paths never (T53) and HTTPS host names only with QUIC and ECH disabled.
 *
 * @example
 * evaluateNetwork(index, { url: 'https://a.b.contoso.com/', browser: 'other' },
 *   { networkProtection: 'block', customNetworkIndicators: true, quicAndEchDisabled: true }).result; // 'block'
 */
export function evaluateNetwork(index: IndicatorIndex, request: NetworkRequest, context: NetworkContext): NetworkDecision {
  if (!context.customNetworkIndicators)
    return none(
      reason(
        'feature-off',
        'advanced feature "Custom network indicators" is off, so IP/URL/domain indicators are not enforced',
        '§5.2',
      ),
    );
  const edge = request.browser === 'edge';
  if (!edge && context.networkProtection === 'off')
    return none(reason('np-off', 'network protection is off; outside Edge, URL/IP indicators need it in block mode', '§5.2'));
  const target = request.url === undefined ? undefined : parseUrlTarget(request.url);
  if (typeof target === 'string') return none(reason('bad-request', `request URL is not readable: ${target}`, cite));
  const host = request.domain?.toLowerCase().replace(/\.$/, '') ?? target?.host;
  // A request without a URL is taken as HTTPS, the common case for a bare host name.
  const scheme = target?.scheme ?? 'https';
  const path = target?.path ?? '';
  const notes: Reason[] = [];
  // §5.2: outside Edge, HTTPS host names come from the TLS ClientHello, unreadable over QUIC or with ECH.
  const namesVisible = edge || scheme === 'http' || context.quicAndEchDisabled;
  if (!namesVisible)
    notes.push(
      reason(
        'quic-ech',
        'QUIC or Encrypted Client Hello is on in this browser, so network protection cannot see the host name',
        '§5.2',
      ),
    );
  const time = lookupTime(index, context.at);
  const candidates: Candidate[] = [];
  const add = (entries: readonly IndexEntry[] | undefined, pathLength: number, hostLength: number): void => {
    for (const entry of entries ?? [])
      if (entryApplies(entry, context.deviceGroup, time)) candidates.push({ entry, pathLength, hostLength });
  };
  if (host !== undefined && namesVisible) {
    for (const entry of index.url.get(host) ?? []) {
      if (entry.scheme !== undefined && target?.scheme !== undefined && entry.scheme !== target.scheme) continue;
      if (!pathCovers(entry.path ?? '', path)) continue;
      // §5.1: full HTTPS URL paths are only matched in Edge; HTTP paths in any browser.
      if (!edge && scheme === 'https' && entry.path !== '') continue;
      add([entry], (entry.path ?? '').length, host.length);
    }
    for (let suffix: string = host; ;) {
      add(index.domain.get(suffix), 0, suffix.length);
      const dot = suffix.indexOf('.');
      if (dot < 0) break;
      suffix = suffix.slice(dot + 1);
    }
  }
  const ipText = request.ip ?? (host !== undefined && /^\d{1,3}(\.\d{1,3}){3}$/.test(host) ? host : undefined);
  const ip = ipText === undefined ? undefined : parseIpAddress(ipText, true);
  if (ip?.ok === true) add(index.ip.get(ip.canonical), 0, host?.length ?? 0);
  const winner = best(candidates, context.conflict === 'strict-wins' ? STRICT_WINS : ALLOW_WINS);
  if (winner === undefined) return none(...notes, reason('no-match', 'no network indicator matches the request', cite));
  const { indicator } = winner.match;
  let result = RESULT[indicator.action];
  const reasons = [...notes, winner.match.reason];
  if (!edge && context.networkProtection === 'audit' && (result === 'block' || result === 'warn')) {
    result = 'audit';
    reasons.push(reason('np-audit', 'network protection is in audit mode: the match is logged, not blocked', '§5.2'));
  }
  const logged = result === 'block' || result === 'warn';
  if (logged)
    reasons.push(
      reason(
        'after-handshake',
        'decided after the TCP/TLS handshake: NetworkConnectionEvents may still show ConnectionSuccess',
        '§5.5',
      ),
    );
  return { result, indicator, connectionSuccessLogged: logged, reasons };
}

function best(candidates: readonly Candidate[], rank: Readonly<Record<IndicatorAction, number>>): IndexEntry | undefined {
  let top: Candidate | undefined;
  for (const c of candidates) {
    if (top === undefined) top = c;
    else if (c.pathLength !== top.pathLength) top = c.pathLength > top.pathLength ? c : top;
    else if (c.hostLength !== top.hostLength) top = c.hostLength > top.hostLength ? c : top;
    else {
      const a = rank[c.entry.match.indicator.action];
      const b = rank[top.entry.match.indicator.action];
      if (a > b || (a === b && c.entry.order < top.entry.order)) top = c;
    }
  }
  return top?.entry;
}

function none(...reasons: Reason[]): NetworkDecision {
  return { result: 'allow', connectionSuccessLogged: false, reasons };
}
