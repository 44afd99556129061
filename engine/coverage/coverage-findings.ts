/** The `never` and `shadowed` entries of a coverage report as SARIF findings at their lines: what `--format sarif|github` writes. */
import type { SarifFinding, SarifInput, SarifRule } from '../report/sarif-input.ts';
import type { CoverageReport } from './coverage-report.ts';

/** The two rules coverage reports under. */
export const COVERAGE_RULES: readonly SarifRule[] = [
  {
    id: 'edrsim-coverage-never',
    shortDescription: 'A policy entry that no artifact exercised',
    fullDescription:
      'No artifact of the run matched this exclusion entry or indicator: nothing tests what it does, and it may be dead policy.',
    help: 'Remove the entry, or add a scenario artifact that it should match (edrsim blast-radius shows what it covers).',
    level: 'warning',
    cite: '§4',
  },
  {
    id: 'edrsim-coverage-shadowed',
    shortDescription: 'A policy entry made redundant by another',
    fullDescription:
      'Every artifact this entry matched was also matched by another single entry of the same kind, whatever the order: removing it changes no verdict of the run.',
    help: 'Remove the narrower entry, or keep it only if the wider one is due to go.',
    level: 'warning',
    cite: '§4.3',
  },
];

/**
 * One warning per entry that nothing matched (`never`) or that only matched what other entries matched
 * (`shadowed`), at its line in the scenario file when found. Messages are raw text; a renderer escapes them.
 *
 * @example
 * coverageFindings(report)[0]; // { ruleId: 'edrsim-coverage-never', location: { file: 'x.yaml', line: 9, column: 7 }, … }
 */
export function coverageFindings(report: CoverageReport): SarifFinding[] {
  const findings: SarifFinding[] = [];
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
      location:
        entry.line === undefined ? { file: entry.file } : { file: entry.file, line: entry.line, column: entry.column },
      identity: `${entry.key} ${entry.text}`,
    });
  }
  return findings;
}

/**
 * The coverage findings as the SARIF and annotation writers take them.
 *
 * @example
 * writeFindings('sarif', coverageSarifInput(report, EDRSIM_VERSION), write, io.cwd);
 */
export function coverageSarifInput(report: CoverageReport, version: string): SarifInput {
  return {
    version,
    rules: COVERAGE_RULES,
    results: (emit) => {
      for (const finding of coverageFindings(report)) emit(finding);
    },
  };
}
