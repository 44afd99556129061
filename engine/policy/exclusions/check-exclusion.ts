/** The equivalent of `MpCmdRun -CheckExclusion -path <path>`: is this path excluded, and by which entry. */
import type { ExclusionLists } from '../../core/config.ts';
import { canonicalisationNote, canonicalPath } from '../../core/canonical-path.ts';
import type { Issue } from '../../core/issue.ts';
import type { ScanType, Trigger } from '../../core/vocabulary.ts';
import { compileExclusions } from './compile-exclusions.ts';
import type { ExclusionMatch, ExclusionOptions, ExclusionTarget } from './exclusion-entry.ts';
import { explainExclusion } from './explain-exclusion.ts';
import { rootKind, pathSegments } from './normalize-path.ts';
import { parseExclusions } from './parse-exclusions.ts';

export interface CheckTarget {
  readonly process?: string;
  /** Default `on-access`. */
  readonly trigger?: Trigger;
  /** Default false. */
  readonly isFolder?: boolean;
  /** Default `full` (scans only). */
  readonly scanType?: ScanType;
}

export interface CheckResult {
  readonly excluded: boolean;
  readonly match?: ExclusionMatch;
  /** The explanation, one line per entry and the outcome. */
  readonly lines: readonly string[];
  /** Problems with the lists or the path (errors and warnings); invalid entries never match. */
  readonly issues: readonly Issue[];
}

/**
 * Parses and compiles the lists, then checks one path. Invalid entries are reported in `issues` and
 * take no part; a path that is not absolute is reported too. The path and process are canonicalised
 * first, as Windows hands them to Defender (contract §5.1); the lines say so when that changed them.
 *
 * @example
 * checkExclusion({ paths: ['C:\\Tools\\'], extensions: [], processes: [] }, 'C:\\Tools\\a.exe').excluded; // true
 */
export function checkExclusion(
  lists: Partial<ExclusionLists>,
  written: string,
  target: CheckTarget = {},
  options: ExclusionOptions = {},
): CheckResult {
  const path = canonicalPath(written);
  const process = target.process === undefined ? undefined : canonicalPath(target.process);
  const parsed = parseExclusions(lists, options);
  const issues: Issue[] = [...parsed.issues];
  const root = rootKind(pathSegments(path)[0]);
  if (root !== 'drive' && root !== 'unc') {
    issues.push({
      code: 'exclusion_check_relative_path',
      path: ['path'],
      message: `path \`${path}\` is not a full path`,
      expected: 'C:\\folder\\file or \\\\server\\share\\file',
      received: path,
      hint: 'give the full path of the file or folder to check',
    });
  }
  const matcher = compileExclusions(parsed.entries, options);
  const full: ExclusionTarget = {
    path,
    trigger: target.trigger ?? 'on-access',
    ...(process === undefined ? {} : { process }),
    ...(target.isFolder === undefined ? {} : { isFolder: target.isFolder }),
    ...(target.scanType === undefined ? {} : { scanType: target.scanType }),
  };
  const match = matcher.match(full);
  const lines = explainExclusion(matcher, full);
  if (path !== written || process !== target.process) {
    const changed = {
      ...(path === written ? {} : { path: written }),
      ...(process === target.process ? {} : { process: target.process }),
    };
    lines.splice(1, 0, `  ${canonicalisationNote(changed, path, process)}`);
  }
  return match === undefined ? { excluded: false, lines, issues } : { excluded: true, match, lines, issues };
}
