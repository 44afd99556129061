/** The weakening changes of a diff as plain findings (rule, message, file, line, column): what a SARIF renderer takes. */
import type { DiffReport } from './diff-report.ts';
import { countWords, exampleWords } from './render-diff-text.ts';

/** One finding at an entry in a policy file. Line and column are 1-based; absent when the entry was not found in the text. */
export interface DiffFinding {
  readonly ruleId: 'edrsim-diff-weaker' | 'edrsim-diff-fp-added';
  readonly level: 'error' | 'warning';
  readonly message: string;
  /** HEAD's source as given (`policy/av.yaml`); BASE's for a removed entry. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * One finding per change that weakened an artifact (`error`) or added a false positive (`warning`), at
 * the entry's line in HEAD's file (BASE's for a removal). The message is raw text; a renderer escapes it.
 *
 * @example
 * diffFindings(report)[0]; // { ruleId: 'edrsim-diff-weaker', file: 'policy/av.yaml', line: 5, column: 45, … }
 */
export function diffFindings(report: DiffReport): DiffFinding[] {
  const findings: DiffFinding[] = [];
  for (const effect of report.changes) {
    const weaker = effect.counts.weaker > 0;
    if (!weaker && effect.counts['fp-added'] === 0) continue;
    const removed = effect.change.kind === 'exclusion-removed' || effect.change.kind === 'indicator-removed';
    const example = effect.counterexamples[0];
    findings.push({
      ruleId: weaker ? 'edrsim-diff-weaker' : 'edrsim-diff-fp-added',
      level: weaker ? 'error' : 'warning',
      message: `${effect.change.title}: ${countWords(effect.counts)}${example === undefined ? '' : `; e.g. ${exampleWords(example)}`}`,
      file: removed ? report.base : report.head,
      ...(effect.line === undefined ? {} : { line: effect.line, column: effect.column }),
    });
  }
  return findings;
}
