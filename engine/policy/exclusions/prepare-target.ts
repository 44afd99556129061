/** Normalises a target once per lookup: segments, name, process segments and reparse-point depth. */
import type { ScanType, Trigger } from '../../core/vocabulary.ts';
import type { ExclusionTarget } from './exclusion-entry.ts';
import { baseName, pathSegments } from './normalize-path.ts';

const NO_SEGMENTS: readonly string[] = [];

/** A process path split for matching: segments and the image name, lower case. */
export interface PreparedProcess {
  readonly segments: readonly string[];
  readonly name: string;
}

/** What every entry is checked against; built once per `match` call. */
export interface PreparedTarget {
  /** The path's segments are `segments` followed by `tail`. */
  readonly segments: readonly string[];
  /**
   * Empty, except for a key with interned parts (`ArtifactKey.folder`, `file`): then `segments` is the folder and
   * `tail` the file's segments, so a lookup never joins them (issue 13, seventh pass).
   */
  readonly tail: readonly string[];
  readonly name: string;
  readonly isFolder: boolean;
  readonly trigger: Trigger;
  readonly scanType: ScanType;
  readonly process: PreparedProcess | undefined;
  /** Segment count of the deepest reparse-point folder the target is in or is, 0 if none (#26). */
  readonly reparseDepth: number;
}

/** A {@link PreparedTarget} that one matcher refills on each lookup instead of allocating one (`preparedScratch`). */
export type PreparedScratch = { -readonly [K in keyof PreparedTarget]: PreparedTarget[K] };

/**
 * A scratch target for {@link prepareTarget}'s `into`: a matcher that reads its prepared target only during the
 * lookup keeps one and refills it, so a memo miss allocates no target (issue 13, ninth pass: 4.6 B per counted
 * artifact, one 88-byte object per miss).
 *
 * @example
 * const scratch = preparedScratch();
 * prepareTarget(target, reparse, false, processes, scratch) === scratch; // true
 */
export function preparedScratch(): PreparedScratch {
  return {
    segments: NO_SEGMENTS,
    tail: NO_SEGMENTS,
    name: '',
    isFolder: false,
    trigger: 'on-access',
    scanType: 'full',
    process: undefined,
    reparseDepth: 0,
  };
}

const PROCESS_CACHE_LIMIT = 4096;

/** Reparse-point folders as segment lists, for {@link reparseDepthOf}. */
export type ReparseIndex = ReadonlyMap<string, true>;

/** Builds the lookup of reparse-point folders from their paths. */
export function reparseIndex(folders: readonly string[]): ReparseIndex {
  return new Map(folders.map((folder) => [pathSegments(folder).join('\\'), true] as const));
}

function reparseDepthOf(segments: readonly string[], tail: readonly string[], index: ReparseIndex): number {
  if (index.size === 0) return 0;
  let deepest = 0;
  const head = segments.length;
  let prefix = (head > 0 ? segments[0] : tail[0]) ?? '';
  for (let depth = 2; depth <= head + tail.length; depth++) {
    prefix = `${prefix}\\${(depth <= head ? segments[depth - 1] : tail[depth - 1 - head]) ?? ''}`;
    if (index.has(prefix)) deepest = depth;
  }
  return deepest;
}

/**
 * Normalises a target. The process is split only when `needProcess` says some entry can use it; pass
 * the same `processes` map across calls (one per matcher) to split each opener image once, and `into` (a
 * {@link preparedScratch}) to have it refilled and returned instead of a new target. Paths arrive
 * canonical (contract §5.1: `canonicalPath` runs once per artifact when the timeline is built, and in
 * `checkExclusion`), so `..` and trailing dots are not folded here, on the hot path.
 *
 * @example
 * prepareTarget({ path: 'C:\\Data\\a.txt', trigger: 'on-access' }, new Map(), false).segments; // ['c:', 'data', 'a.txt']
 */
export function prepareTarget(
  target: ExclusionTarget,
  reparse: ReparseIndex,
  needProcess: boolean,
  processes: Map<string, PreparedProcess> = new Map(),
  into?: PreparedScratch,
): PreparedTarget {
  const key = target.key;
  // An artifact made with its key arrives split (issue 13 #1): nothing to derive on the hot path.
  if (key !== undefined) {
    const process = needProcess ? key.opener : undefined;
    const folder = key.folder;
    const file = key.file;
    if (folder !== undefined && file !== undefined)
      return preparedOf(target, folder, file.segments, key.name, process, reparse, into);
    return preparedOf(target, key.segments, NO_SEGMENTS, key.name, process, reparse, into);
  }
  const segments = pathSegments(target.path);
  let process: PreparedProcess | undefined;
  if (needProcess && target.process !== undefined && target.process !== '') {
    process = processes.get(target.process);
    if (process === undefined) {
      const processSegments = pathSegments(target.process);
      process = { segments: processSegments, name: baseName(processSegments) };
      // A fleet opens files with a few dozen images: remember their split form, within a bound.
      if (processes.size >= PROCESS_CACHE_LIMIT) processes.clear();
      processes.set(target.process, process);
    }
  }
  return preparedOf(target, segments, NO_SEGMENTS, baseName(segments), process, reparse, into);
}

function preparedOf(
  target: ExclusionTarget,
  segments: readonly string[],
  tail: readonly string[],
  name: string,
  process: PreparedProcess | undefined,
  reparse: ReparseIndex,
  into: PreparedScratch | undefined,
): PreparedTarget {
  const reparseDepth = reparseDepthOf(segments, tail, reparse);
  if (into === undefined)
    return {
      segments,
      tail,
      name,
      isFolder: target.isFolder === true,
      trigger: target.trigger,
      scanType: target.scanType ?? 'full',
      process,
      reparseDepth,
    };
  into.segments = segments;
  into.tail = tail;
  into.name = name;
  into.isFolder = target.isFolder === true;
  into.trigger = target.trigger;
  into.scanType = target.scanType ?? 'full';
  into.process = process;
  into.reparseDepth = reparseDepth;
  return into;
}
