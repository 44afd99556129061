/** edrsim's own findings as renderer input: problems, lint warnings and failed expectations, for SARIF and annotations. */
import { formatPath, type Issue } from '../core/issue.ts';
import type { SarifFinding, SarifInput, SarifRule } from './sarif-input.ts';
import { expectationRule, expectationRuleId, issueRule } from './sarif-rules.ts';
import type { ScenarioReport } from './scenario-report.ts';

/** What `run` and `validate` found: the problems that made files invalid, the warnings, and (for `run`) the reports. */
export interface Findings {
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  /** Default none (`validate`): no expectation was checked. */
  readonly reports?: readonly ScenarioReport[];
}

/**
 * The renderer input of a `run` or `validate`: one finding per problem, per warning and per failed
 * expectation (passed ones are not findings, and no verdict is one), and one rule per issue code and
 * expectation kind that occurs. A warning's problem is a lint finding: level `warning`.
 *
 * @example
 * findingsInput({ errors: [], warnings: [tempFolderWarning] }, '0.1.0').rules[0]?.id; // 'exclusion_temp_folder'
 */
export function findingsInput(findings: Findings, version: string): SarifInput {
  const { errors, warnings, reports = [] } = findings;
  const rules = new Map<string, SarifRule>();
  const seeIssue = (issue: Issue, warning: boolean) => {
    const severity = warning || issue.severity === 'warning' ? 'warning' : 'error';
    if (!rules.has(issue.code)) rules.set(issue.code, issueRule(issue.code, severity));
  };
  for (const issue of errors) seeIssue(issue, false);
  for (const issue of warnings) seeIssue(issue, true);
  for (const report of reports)
    for (const result of report.expectations)
      if (!result.passed && !rules.has(expectationRuleId(result.kind)))
        rules.set(expectationRuleId(result.kind), expectationRule(result.kind));
  return {
    version,
    rules: Array.from(rules.values()),
    results: (emit) => {
      for (const report of reports)
        for (const result of report.expectations) {
          if (result.passed) continue;
          const message = [
            result.message,
            ...(result.details ?? []),
            ...(result.cite === undefined ? [] : [`cite: ${result.cite}`]),
          ];
          emit({
            ruleId: expectationRuleId(result.kind),
            message: `${report.name}: ${message.join('\n')}`,
            location: { file: report.file, line: result.line, column: result.column },
            // The expectation's name is the same whether it passes or fails, and whatever the run gave.
            identity: `${report.name}\u0000${result.name}`,
          });
        }
      for (const issue of errors) emit(issueFinding(issue, issue.severity === 'warning' ? 'warning' : 'error'));
      for (const issue of warnings) emit(issueFinding(issue, 'warning'));
    },
  };
}

function issueFinding(issue: Issue, level: 'error' | 'warning'): SarifFinding {
  const where = issue.path.length === 0 ? '' : `${formatPath(issue.path)}: `;
  const details = [
    issue.expected === undefined ? undefined : `expected: ${issue.expected}`,
    issue.received === undefined ? undefined : `received: ${issue.received}`,
    issue.hint === undefined ? undefined : `hint: ${issue.hint}`,
  ].filter((line): line is string => line !== undefined);
  return {
    ruleId: issue.code,
    level,
    message: [`${where}${issue.message}`, ...details].join('\n'),
    ...(issue.file === undefined ? {} : { location: { file: issue.file, line: issue.line, column: issue.column } }),
    identity: `${formatPath(issue.path)}\u0000${issue.message.replace(/\d+/g, '0')}`,
  };
}
