/** Compiles parsed entries into an indexed matcher: a segment trie for paths, maps for extensions and image names. */
import type { ExclusionEntry, ExclusionMatch, ExclusionOptions, ExclusionTarget, PathPattern } from './exclusion-entry.ts';
import { ExclusionMemo } from './exclusion-memo.ts';
import { PLACE_OPENERS } from '../../core/artifact-key.ts';
import { entryVerdict, isRealTime, reparseVerdict, scopeVerdict, type EntryVerdict } from './entry-verdict.ts';
import { matchReason } from './describe-entry.ts';
import { preparedScratch, prepareTarget, reparseIndex, type PreparedProcess, type PreparedTarget } from './prepare-target.ts';
import { SegmentTrie } from './segment-trie.ts';

/** One entry's decision for a target, for `explain`. */
export interface EntryDecision {
  readonly entry: ExclusionEntry;
  readonly verdict: EntryVerdict;
}

/** A compiled set of exclusions for one device. */
export interface ExclusionMatcher {
  /** Every entry in precedence order: processes, extensions, paths; custom before automatic (§4.1, §4.3). */
  readonly entries: readonly ExclusionEntry[];
  /** The first entry in precedence order that excludes the target, with its precomputed reason. */
  match(target: ExclusionTarget): ExclusionMatch | undefined;
  /** Every entry's decision, checked one by one (slow; for `explain` and tests). */
  decide(target: ExclusionTarget): readonly EntryDecision[];
}

/** Which scope test an entry needs on the hot path; decided once so most lookups never read the entry. */
const Scope = { Always: 0, RealTime: 1, Check: 2 } as const;
type Scope = (typeof Scope)[keyof typeof Scope];

// One shape for every compiled entry keeps the lookup's property reads monomorphic.
interface Compiled {
  readonly entry: ExclusionEntry;
  /** Made on the entry's first match: most entries of a long list never match, and the reason is text. */
  hit: ExclusionMatch | undefined;
  readonly order: number;
  readonly pattern: PathPattern;
  readonly scope: Scope;
}

const NO_PATTERN: PathPattern = { normalized: '', segments: [], recursive: false, wildcards: 0, shape: 'path' };

function scopeOf(entry: ExclusionEntry): Scope {
  if (entry.inactive !== undefined || (entry.kind === 'path' && entry.restrictions !== undefined)) return Scope.Check;
  // Process entries are only looked up for real-time triggers with a known process (see match).
  if (entry.kind === 'process') return Scope.Always;
  return entry.role === undefined ? Scope.Always : Scope.RealTime;
}

const LIST_RANK = { processes: 0, extensions: 1, paths: 2 } as const;

/** §4.3 order; §4.1: custom exclusions take precedence over automatic ones. */
function precedence(a: ExclusionEntry, b: ExclusionEntry): number {
  const auto = Number(a.role !== undefined) - Number(b.role !== undefined);
  return auto || LIST_RANK[a.list] - LIST_RANK[b.list] || a.index - b.index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Compiles entries (from `parseExclusions`, plus any automatic server-role entries) into a matcher
 * whose lookup cost follows the target's depth, not the list's size. Options: `conflicts.repeatedProcess`
 * (default `or`, C12) and `reparsePoints` (default none, #26).
 *
 * @example
 * const matcher = compileExclusions(parseExclusions({ paths: ['C:\\Tools\\'], extensions: [], processes: [] }).entries);
 * matcher.match({ path: 'C:\\Tools\\x\\a.exe', trigger: 'on-access' })?.reason.code; // 'excluded-by-path'
 */
export function compileExclusions(entries: readonly ExclusionEntry[], options: ExclusionOptions = {}): ExclusionMatcher {
  const ordered = [...entries].sort(precedence);
  const repeatedProcess = options.conflicts?.repeatedProcess ?? 'or';
  const reparse = reparseIndex(options.reparsePoints ?? []);
  const paths = new SegmentTrie<Compiled>();
  const processPaths = new SegmentTrie<Compiled>();
  const images = new Map<string, Compiled[]>();
  const extensions = new Map<string, Compiled[]>();
  let compound = false;
  let needProcess = false;
  ordered.forEach((entry, order) => {
    const pattern =
      entry.kind === 'path'
        ? entry.pattern
        : entry.kind === 'process' && entry.process.kind === 'path'
          ? entry.process.pattern
          : NO_PATTERN;
    const compiled: Compiled = { entry, hit: undefined, order, pattern, scope: scopeOf(entry) };
    if (entry.kind === 'path') {
      paths.add(compiled);
      needProcess ||= (entry.restrictions?.processes.length ?? 0) > 0;
    } else if (entry.kind === 'extension') {
      push(extensions, entry.extension, compiled);
      compound ||= entry.extension.includes('.');
    } else {
      needProcess = true;
      if (entry.process.kind === 'image') push(images, entry.process.image, compiled);
      else processPaths.add(compiled);
    }
  });

  let target!: PreparedTarget;
  const inScope = (item: Compiled): boolean =>
    item.scope === Scope.Always ||
    (item.scope === Scope.RealTime ? isRealTime(target.trigger) : scopeVerdict(item.entry, target, repeatedProcess) === 'match');
  const pathAccept = (item: Compiled, depth: number): boolean => inScope(item) && reparseVerdict(depth, target) === 'match';
  const first = (list: readonly Compiled[] | undefined, below: number): Compiled | undefined => {
    if (list !== undefined) for (const item of list) if (item.order < below && inScope(item)) return item;
    return undefined;
  };

  const processes = new Map<string, PreparedProcess>();
  // The lookup reads its prepared target only while it runs (the closures above), so one scratch serves a keyed
  // target (a memo miss: its parts are the catalog's long-lived arrays). A string target's fresh segments go into a
  // fresh young object: refilling the long-lived scratch with them made the matcher alone 5-10 % slower.
  const scratch = preparedScratch();
  function lookup(raw: ExclusionTarget): ExclusionMatch | undefined {
    target = prepareTarget(raw, reparse, needProcess, processes, raw.key === undefined ? undefined : scratch);
    let best: Compiled | undefined;
    // §4.1: process exclusions only for real-time protection (#29–31, T66).
    if (target.process !== undefined && isRealTime(target.trigger)) {
      best = first(images.get(target.process.name), Infinity);
      best = processPaths.find(target.process.segments, inScope, best?.order) ?? best;
    }
    const name = target.name;
    for (let dot = name.lastIndexOf('.'); dot !== -1; dot = dot === 0 ? -1 : name.lastIndexOf('.', dot - 1)) {
      best = first(extensions.get(name.slice(dot + 1)), best?.order ?? Infinity) ?? best;
      if (!compound) break;
    }
    best = paths.find(target.segments, pathAccept, best?.order, target.tail) ?? best;
    // One match object per entry for the matcher's life: callers key their own refs by it.
    return best === undefined ? undefined : (best.hit ??= { entry: best.entry, reason: matchReason(best.entry) });
  }

  // Issue 13: a generated target's place keys a memo, so its lookups after the first skip preparing it and walking
  // the indexes. The opener's part of the place is kept only when some entry reads it.
  const memo = new ExclusionMemo(lookup);
  function match(raw: ExclusionTarget): ExclusionMatch | undefined {
    const place = raw.key?.place;
    if (place === undefined) return lookup(raw);
    return memo.match(raw, needProcess ? place : place - (place % PLACE_OPENERS));
  }

  function decide(raw: ExclusionTarget): readonly EntryDecision[] {
    const prepared = prepareTarget(raw, reparse, true);
    return ordered.map((entry) => ({ entry, verdict: entryVerdict(entry, prepared, repeatedProcess) }));
  }

  return { entries: ordered, match, decide };
}
