/** Compiles an indicator list once into maps keyed by value, so each artifact costs a few map lookups. */
import type { Reason } from '../../core/vocabulary.ts';
import { describeIndicator, INDICATOR_ACTIONS, isBlockingAction, type Indicator, type IndicatorAction } from './indicator.ts';
import { parseUrlTarget } from './url-target.ts';

/** What an indicator matched on the artifact or request. */
export type MatchedOn = 'sha256' | 'sha1' | 'md5' | 'certificate' | 'ip' | 'domain' | 'url';

/** A matching indicator, its scope and the reason a verdict quotes. Built at compile time, shared. */
export interface IndicatorMatch {
  readonly indicator: Indicator;
  readonly on: MatchedOn;
  /** `group` when the indicator names device groups (and so the device's), else `all-devices`. */
  readonly scope: 'group' | 'all-devices';
  readonly reason: Reason;
}

/** One compiled indicator. `rank` orders actions for files: Block/Warn (step 3) before Allow (step 5). */
export interface IndexEntry {
  readonly match: IndicatorMatch;
  readonly groups: ReadonlySet<string> | undefined;
  /** Epoch ms from which the indicator is gone; Infinity when it never expires. */
  readonly expiresAt: number;
  /** Position in the source list: the last tie-breaker, so results never depend on map order. */
  readonly order: number;
  readonly fileRank: number;
  /** Url entries only: scheme (undefined = any) and path (`''` = the whole host). */
  readonly scheme?: 'http' | 'https';
  readonly path?: string;
}

export interface IndicatorIndex {
  readonly size: number;
  /** False when no indicator expires, so lookups skip reading the time. */
  readonly hasExpiry: boolean;
  readonly sha256: ReadonlyMap<string, readonly IndexEntry[]>;
  readonly sha1: ReadonlyMap<string, readonly IndexEntry[]>;
  readonly md5: ReadonlyMap<string, readonly IndexEntry[]>;
  readonly certificate: ReadonlyMap<string, readonly IndexEntry[]>;
  readonly ip: ReadonlyMap<string, readonly IndexEntry[]>;
  readonly domain: ReadonlyMap<string, readonly IndexEntry[]>;
  /** Url entries by host. */
  readonly url: ReadonlyMap<string, readonly IndexEntry[]>;
}

// [inference] §5.4 orders Block/Warn IoCs before Allow IoCs; Audit is in no step, so it ranks last.
const FILE_RANK: Readonly<Record<IndicatorAction, number>> = { BlockAndRemediate: 5, Block: 4, Warn: 3, Allowed: 2, Audit: 1 };
/** The lowest rank of an action §5.4 meets at its block step: every rank from here up is `isBlockingAction`. */
export const BLOCKING_RANK = INDICATOR_ACTIONS.filter(isBlockingAction).reduce(
  (lowest, action) => Math.min(lowest, FILE_RANK[action]),
  Infinity,
);

const ON: Readonly<Record<Indicator['type'], MatchedOn>> = {
  FileSha256: 'sha256',
  FileSha1: 'sha1',
  FileMd5: 'md5',
  CertificateThumbprint: 'certificate',
  IpAddress: 'ip',
  DomainName: 'domain',
  Url: 'url',
};

const WHAT: Readonly<Record<MatchedOn, string>> = {
  sha256: "the file's SHA-256",
  sha1: "the file's SHA-1",
  md5: "the file's MD5",
  certificate: "the file's leaf signing certificate",
  ip: 'the requested IP address',
  domain: 'the requested domain',
  url: 'the requested URL',
};

/**
 * A compiled indicator's match. Its reason is text, built on first read and then kept: most indicators of a full
 * tenant list (15,000) never match in a run, and their 15,000 reasons were most of the list's compile and kept
 * for the run's life (issue 13, thirteenth pass). The same reason object is returned on every read.
 */
class CompiledMatch implements IndicatorMatch {
  #reason: Reason | undefined;

  constructor(
    readonly indicator: Indicator,
    readonly on: MatchedOn,
    readonly scope: 'group' | 'all-devices',
  ) {}

  get reason(): Reason {
    return (this.#reason ??= {
      layer: 'indicator',
      code: `ioc-${this.indicator.action}`,
      message: `indicator ${this.indicator.id} (${describeIndicator(this.indicator)}) matched ${WHAT[this.on]}`,
      cite: '§5.4',
    });
  }
}

/**
 * Builds the lookup maps for a validated indicator list (from `parseIndicators` or the CSV import). A Url record
 * whose value does not parse (only a hand-built record can have one) is a TypeError, never left out.
 *
 * @example
 * const index = compileIndicators(parseIndicators(entries).indicators);
 * lookupFileIndicator(index, { sha256: artifact.sha256 }, 'Finance');
 */
export function compileIndicators(indicators: readonly Indicator[]): IndicatorIndex {
  const maps = {
    sha256: new Map(),
    sha1: new Map(),
    md5: new Map(),
    certificate: new Map(),
    ip: new Map(),
    domain: new Map(),
    url: new Map(),
  } as Record<MatchedOn, Map<string, IndexEntry[]>>;
  let hasExpiry = false;
  indicators.forEach((indicator, order) => {
    const on = ON[indicator.type];
    const scope = indicator.groups.length === 0 ? 'all-devices' : 'group';
    const match: IndicatorMatch = new CompiledMatch(indicator, on, scope);
    const base = {
      match,
      groups: scope === 'group' ? new Set(indicator.groups) : undefined,
      expiresAt: indicator.expiresAt ?? Infinity,
      order,
      fileRank: FILE_RANK[indicator.action],
    };
    hasExpiry ||= indicator.expiresAt !== undefined;
    let key = indicator.value;
    let entry: IndexEntry = base;
    if (on === 'url') {
      const target = parseUrlTarget(indicator.value);
      // Values were validated when parsed; an unparsable one can only come from a hand-built record, and leaving
      // it out would drop an indicator without a word.
      if (typeof target === 'string')
        throw new TypeError(
          `indicator ${indicator.id}: Url value ${JSON.stringify(indicator.value)}: ${target}; compile records from parseIndicators`,
        );
      key = target.host;
      entry = { ...base, path: target.path, ...(target.scheme === undefined ? {} : { scheme: target.scheme }) };
    }
    const list = maps[on].get(key);
    if (list === undefined) maps[on].set(key, [entry]);
    else list.push(entry);
  });
  return { size: indicators.length, hasExpiry, ...maps };
}

/** True when the entry still exists at `time` (undefined = ignore expiry) and applies to `deviceGroup`. */
export function entryApplies(entry: IndexEntry, deviceGroup: string | undefined, time: number | undefined): boolean {
  if (time !== undefined && time >= entry.expiresAt) return false;
  return entry.groups === undefined || (deviceGroup !== undefined && entry.groups.has(deviceGroup));
}

/** Epoch ms for a lookup time given as ISO text or ms; undefined when expiry need not be read. */
export function lookupTime(index: IndicatorIndex, at: string | number | undefined): number | undefined {
  if (!index.hasExpiry || at === undefined) return undefined;
  const time = typeof at === 'number' ? at : Date.parse(at);
  // An unreadable time keeps every indicator: dropping blocks silently would be the worse failure.
  return Number.isNaN(time) ? undefined : time;
}
