/** Text lines explaining an exclusion decision entry by entry, for `edrsim check-exclusion` and `explain`. */
import type { ExclusionMatcher } from './compile-exclusions.ts';
import type { ExclusionTarget } from './exclusion-entry.ts';
import { entryName, verdictText } from './describe-entry.ts';

export interface ExplainOptions {
  /** `all` (default): one line per entry; `first`: only the entry that decided. */
  readonly detail?: 'all' | 'first';
}

/**
 * Describes the target in one line: path, file or folder, trigger, scan type, opening process.
 *
 * @example
 * describeTarget({ path: 'C:\\a.doc', trigger: 'on-demand-scan', scanType: 'quick' }); // 'file C:\\a.doc (on-demand-scan, quick scan)'
 */
function describeTarget(target: ExclusionTarget): string {
  const kind = target.isFolder === true ? 'folder' : 'file';
  const scan =
    target.trigger === 'scheduled-scan' || target.trigger === 'on-demand-scan' ? `, ${target.scanType ?? 'full'} scan` : '';
  const process = target.process === undefined ? '' : `, opened by ${target.process}`;
  return `${kind} ${target.path} (${target.trigger}${scan}${process})`;
}

/**
 * Explains a lookup: a header, each entry's decision in precedence order (processes, extensions,
 * paths, then automatic), and the outcome, which always agrees with `matcher.match`.
 *
 * @example
 * explainExclusion(matcher, { path: 'C:\\Tools\\a.exe', trigger: 'on-access' });
 * // ['checking file C:\\Tools\\a.exe (on-access)', '  ExclusionPath entry 1: `C:\\Tools\\`: matches (folder, recursive)', 'excluded by …']
 */
export function explainExclusion(matcher: ExclusionMatcher, target: ExclusionTarget, options: ExplainOptions = {}): string[] {
  const lines = [`checking ${describeTarget(target)}`];
  const result = matcher.match(target);
  if (matcher.entries.length === 0) lines.push('  no exclusions are configured');
  if (options.detail === 'first') {
    if (result !== undefined) lines.push(`  ${entryName(result.entry)}: matches`);
  } else {
    for (const { entry, verdict } of matcher.decide(target)) lines.push(`  ${entryName(entry)}: ${verdictText(verdict, entry)}`);
  }
  lines.push(result === undefined ? 'not excluded: no entry applies' : result.reason.message);
  return lines;
}
