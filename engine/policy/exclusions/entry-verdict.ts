/** Decides one entry against one prepared target, as a stable code; the index and `explain` share it. */
import type { Trigger } from '../../core/vocabulary.ts';
import type { ExclusionEntry, PathPattern, ProcessPattern, Restrictions } from './exclusion-entry.ts';
import type { PreparedProcess, PreparedTarget } from './prepare-target.ts';
import { matchSegmentGlob } from './segment-glob.ts';

/** `match`, or the first condition that failed (in this order). */
export type EntryVerdict =
  | 'match'
  | 'inactive'
  | 'scans-not-covered'
  | 'no-process'
  | 'scan-trigger'
  | 'scan-type'
  | 'path-type'
  | 'process-restriction'
  | 'pattern'
  | 'reparse-point';

/**
 * §4.1: real-time protection and behaviour monitoring, where process and server-role exclusions apply.
 *
 * @example
 * isRealTime('behavior'); // true
 * isRealTime('scheduled-scan'); // false
 */
export function isRealTime(trigger: Trigger): boolean {
  return trigger === 'on-access' || trigger === 'behavior';
}

const NO_SEGMENTS: readonly string[] = [];

/** True when the pattern covers `segments` then `tail`: same folders, then (if recursive) anything below. */
function matchPathPattern(pattern: PathPattern, segments: readonly string[], tail = NO_SEGMENTS): boolean {
  const globs = pattern.segments;
  const head = segments.length;
  const length = head + tail.length;
  if (length < globs.length || (!pattern.recursive && length !== globs.length)) return false;
  for (let i = 0; i < globs.length; i++) {
    const glob = globs[i];
    if (glob === undefined || !matchSegmentGlob(glob, (i < head ? segments[i] : tail[i - head]) ?? '')) return false;
  }
  return true;
}

/** Image names match from any location; full paths match like path patterns (§4.2 proc-excl). */
function matchProcessPattern(pattern: ProcessPattern, process: PreparedProcess): boolean {
  return pattern.kind === 'image' ? pattern.image === process.name : matchPathPattern(pattern.pattern, process.segments);
}

function restrictionVerdict(r: Restrictions, target: PreparedTarget, repeatedProcess: 'or' | 'and'): EntryVerdict {
  const trigger = target.trigger;
  if (r.scanTrigger !== undefined) {
    // ctx-excl: OnDemand covers scheduled scans too; BM is behaviour monitoring.
    const holds =
      r.scanTrigger === 'OnAccess'
        ? trigger === 'on-access'
        : r.scanTrigger === 'BM'
          ? trigger === 'behavior'
          : !isRealTime(trigger);
    if (!holds) return 'scan-trigger';
  }
  if (r.scanType !== undefined && (isRealTime(trigger) || r.scanType !== target.scanType)) return 'scan-type';
  // §4.4 #42–43: `folder` never applies to a file target; `file` applies to folders too.
  if (r.pathType === 'folder' && !target.isFolder) return 'path-type';
  if (r.processes.length > 0) {
    const process = target.process;
    if (process === undefined) return 'process-restriction';
    const holds =
      repeatedProcess === 'and'
        ? r.processes.every((p) => matchProcessPattern(p, process))
        : r.processes.some((p) => matchProcessPattern(p, process));
    if (!holds) return 'process-restriction';
  }
  return 'match';
}

/**
 * Everything but the pattern itself: activity, trigger scope and contextual restrictions. Process
 * entries test `target.process`, so they need one; path and extension entries do not.
 */
export function scopeVerdict(entry: ExclusionEntry, target: PreparedTarget, repeatedProcess: 'or' | 'and'): EntryVerdict {
  if (entry.inactive !== undefined) return 'inactive';
  // §4.1: process and automatic server-role exclusions are real-time only (#30, #47, T66, T67).
  if ((entry.kind === 'process' || entry.role !== undefined) && !isRealTime(target.trigger)) return 'scans-not-covered';
  if (entry.kind === 'process' && target.process === undefined) return 'no-process';
  if (entry.kind === 'path' && entry.restrictions !== undefined)
    return restrictionVerdict(entry.restrictions, target, repeatedProcess);
  return 'match';
}

/** True when the extension entry names the target's final extension, or a compound one it ends with. */
function matchExtension(extension: string, name: string): boolean {
  return name.length > extension.length && name.endsWith(extension) && name.charCodeAt(name.length - extension.length - 1) === 46;
}

/**
 * The full decision for one entry.
 *
 * @example
 * entryVerdict(entry, prepareTarget(target, new Map(), true), 'or'); // 'match' | 'pattern' | …
 */
export function entryVerdict(entry: ExclusionEntry, target: PreparedTarget, repeatedProcess: 'or' | 'and'): EntryVerdict {
  const scope = scopeVerdict(entry, target, repeatedProcess);
  if (scope !== 'match') return scope;
  if (entry.kind === 'extension') return matchExtension(entry.extension, target.name) ? 'match' : 'pattern';
  if (entry.kind === 'process') {
    return target.process !== undefined && matchProcessPattern(entry.process, target.process) ? 'match' : 'pattern';
  }
  if (!matchPathPattern(entry.pattern, target.segments, target.tail)) return 'pattern';
  return reparseVerdict(entry.pattern.segments.length, target);
}

/** #26: a match through a parent folder stops at a reparse point below that folder. */
export function reparseVerdict(patternDepth: number, target: PreparedTarget): EntryVerdict {
  return target.reparseDepth > patternDepth ? 'reparse-point' : 'match';
}
