/** The `never` and `shadowed` entries of a coverage report as plain findings at their lines: what a SARIF renderer takes. */
import type { DiffFinding } from '../diff/diff-findings.ts';
import type { CoverageReport } from './coverage-report.ts';

/** A {@link DiffFinding} with coverage's own rules; same fields, so one SARIF renderer takes both. */
export type CoverageFinding = Omit<DiffFinding, 'ruleId' | 'level'> & {
  readonly ruleId: 'edrsim-coverage-never' | 'edrsim-coverage-shadowed';
  readonly level: 'warning';
};

/**
 * One warning per entry that nothing matched (`never`) or that only matched what other entries matched
 * (`shadowed`), at its line in the scenario file when found. Messages are raw text; a renderer escapes them.
 *
 * @example
 * coverageFindings(report)[0]; // { ruleId: 'edrsim-coverage-never', file: 'x.yaml', line: 9, column: 7, message: 'exclusion tenant:paths[1] …' }
 */
export function coverageFindings(report: CoverageReport): CoverageFinding[] {
  const findings: CoverageFinding[] = [];
  for (const entry of report.entries) {
    if (entry.status !== 'never' && entry.status !== 'shadowed') continue;
    const what = `${entry.kind} ${entry.key} (${entry.text})`;
    findings.push({
      ruleId: entry.status === 'never' ? 'edrsim-coverage-never' : 'edrsim-coverage-shadowed',
      level: 'warning',
      message:
        entry.status === 'never'
          ? `${what} matched no artifact in the run: remove it or add a scenario that exercises it`
          : `${what} matched ${entry.matched} artifact(s), each also matched by ${(entry.shadowedBy ?? []).join(', ')}: it is redundant`,
      file: entry.file,
      ...(entry.line === undefined ? {} : { line: entry.line, column: entry.column }),
    });
  }
  return findings;
}
