/** The weakening changes of a diff as SARIF findings at the entry's line: what `diff --format sarif|github` writes. */
import type { SarifFinding, SarifInput, SarifRule } from '../report/sarif-input.ts';
import type { DiffReport } from './diff-report.ts';
import { countWords, exampleWords } from './render-diff-text.ts';

/** The two rules a diff reports under. */
export const DIFF_RULES: readonly SarifRule[] = [
  {
    id: 'edrsim-diff-weaker',
    shortDescription: 'A policy change weakens protection',
    fullDescription:
      'Under the new policy, a malicious or PUA artifact, or a probe of a changed entry, is blocked or detected less than under the old one: an exclusion or indicator hides it from a protection layer.',
    help: 'Narrow the entry (a specific file or folder instead of a user-writable folder, a full path instead of an extension), or accept the weakening with --allow-weaker.',
    level: 'error',
    cite: 'excl-mistakes',
  },
  {
    id: 'edrsim-diff-fp-added',
    shortDescription: 'A policy change adds a false positive',
    fullDescription: 'Under the new policy, a benign artifact is blocked or detected that the old policy allowed.',
    help: 'Check the new indicator or setting against the benign artifact named in the message; scope it to a device group or narrow it.',
    level: 'warning',
    cite: '§5',
  },
];

/**
 * One finding per change that weakened an artifact (`error`) or added a false positive (`warning`), at
 * the entry's line in HEAD's file (BASE's for a removal). The message is raw text; a renderer escapes it.
 * The identity is the change, so code scanning follows it when lines move.
 *
 * @example
 * diffFindings(report)[0]; // { ruleId: 'edrsim-diff-weaker', location: { file: 'policy/av.yaml', line: 5, column: 45 }, … }
 */
export function diffFindings(report: DiffReport): SarifFinding[] {
  const findings: SarifFinding[] = [];
  for (const effect of report.changes) {
    const weaker = effect.counts.weaker > 0;
    if (!weaker && effect.counts['fp-added'] === 0) continue;
    const removed = effect.change.kind === 'exclusion-removed' || effect.change.kind === 'indicator-removed';
    const example = effect.counterexamples[0];
    const file = removed ? report.base : report.head;
    findings.push({
      ruleId: weaker ? 'edrsim-diff-weaker' : 'edrsim-diff-fp-added',
      level: weaker ? 'error' : 'warning',
      message: `${effect.change.title}: ${countWords(effect.counts)}${example === undefined ? '' : `; e.g. ${exampleWords(example)}`}`,
      location: effect.line === undefined ? { file } : { file, line: effect.line, column: effect.column },
      identity: effect.change.title,
    });
  }
  return findings;
}

/**
 * The diff as the SARIF and annotation writers take it.
 *
 * @example
 * writeFindings('sarif', diffSarifInput(report, EDRSIM_VERSION), write, io.cwd);
 */
export function diffSarifInput(report: DiffReport, version: string): SarifInput {
  return {
    version,
    rules: DIFF_RULES,
    results: (emit) => {
      for (const finding of diffFindings(report)) emit(finding);
    },
  };
}
