/** `--format junit`: one testcase per expectation, one testsuite per scenario file, for CI dashboards. */
import { resolveCite, type CiteLink } from '../core/cite/resolve-cite.ts';
import { forXml } from '../core/escape.ts';
import { formatIssues, formatPath, type Issue } from '../core/issue.ts';
import type { ScenarioReport, Write } from './scenario-report.ts';

export interface JunitOptions {
  /** Measured seconds per report, in order (`--junit-time`). Default none: every time is "0", so the same run gives the same bytes. */
  readonly seconds?: readonly number[];
}

/**
 * Writes JUnit XML to `write`, one testsuite at a time. Each scenario file is a `<testsuite>`; each expectation a `<testcase>` named by the
 * expectation's stable name (the same whether it passes or fails) and whose failure's message says what
 * was wanted and what the run gave, and whose body says why. `invalid` input (default none) adds a
 * testsuite "invalid input" with one `<error>` testcase per problem, counted in the root's totals.
 * With `seconds`, a suite's time is its scenario's, shared evenly by its test cases (they are all
 * checked against one run).
 *
 * @example
 * const chunks: string[] = [];
 * renderJunit([report], (chunk) => void chunks.push(chunk));
 * chunks[0]?.startsWith('<?xml'); // true
 */
export function renderJunit(
  reports: readonly ScenarioReport[],
  write: Write,
  invalid: readonly Issue[] = [],
  options: JunitOptions = {},
): void {
  const failures = reports.reduce((sum, report) => sum + report.expectations.filter((e) => !e.passed).length, 0);
  const tests = reports.reduce((sum, report) => sum + report.expectations.length, 0) + invalid.length;
  const suites = reports.map((report, at) => {
    const failed = report.expectations.filter((e) => !e.passed).length;
    const seconds = options.seconds?.[at] ?? 0;
    const each = report.expectations.length === 0 ? 0 : seconds / report.expectations.length;
    const cases = report.expectations.map((result) => {
      const open = `    <testcase classname="${forXml(report.name)}" name="${forXml(result.name)}" file="${forXml(report.file)}" time="${each}"`;
      const properties = citeProperties(result.cite);
      if (result.passed) return properties === '' ? `${open}/>` : `${open}>\n${properties}\n    </testcase>`;
      const body = forXml([result.message, ...(result.details ?? []), ...citeLines(result.cite)].join('\n'));
      const failure = `      <failure message="${forXml(result.message)}">${body}</failure>`;
      return `${open}>\n${failure}${properties === '' ? '' : `\n${properties}`}\n    </testcase>`;
    });
    return [
      `  <testsuite name="${forXml(report.file)}" tests="${report.expectations.length}" failures="${failed}" errors="0" skipped="0" time="${seconds}">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  if (invalid.length > 0) suites.push(invalidSuite(invalid));
  write(
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="edrsim" tests="${tests}" failures="${failures}" errors="${invalid.length}">`,
      '',
    ].join('\n'),
  );
  for (const suite of suites) write(`${suite}\n`);
  write('</testsuites>\n');
}

// A cite as CI dashboards show test properties: the key, what it names, and each source as "title — link".
function citeProperties(cite: string | undefined): string {
  if (cite === undefined) return '';
  const resolved = resolveCite(cite);
  const property = (name: string, value: string) => `        <property name="${name}" value="${forXml(value)}"/>`;
  const sources = (resolved?.sources ?? []).map((source) => property('cite.source', linkText(source)));
  return [
    '      <properties>',
    property('cite', cite),
    ...(resolved === undefined ? [] : [property('cite.label', resolved.label)]),
    ...sources,
    '      </properties>',
  ].join('\n');
}

// The cite at the end of a failure's text: the key, what it names, and its sources with their links.
function citeLines(cite: string | undefined): string[] {
  if (cite === undefined || cite === '') return [];
  const resolved = resolveCite(cite);
  if (resolved === undefined) return [`cite: ${cite} (not in the citation registry)`];
  return [`cite: ${cite} — ${resolved.label}`, ...resolved.sources.map((source) => `  ${linkText(source)}`)];
}

const linkText = (source: CiteLink) => (source.url === undefined ? source.title : `${source.title} — ${source.url}`);

// Each problem keeps file:line:column and its path (contract §4), as `formatIssues` prints it.
function invalidSuite(invalid: readonly Issue[]): string {
  const cases = invalid.map((issue) => {
    const where = [issue.file, issue.line, issue.column].filter((part) => part !== undefined).join(':');
    const name = `${where === '' ? '' : `${where} `}${formatPath(issue.path)}: ${issue.message}`;
    const file = issue.file === undefined ? '' : ` file="${forXml(issue.file)}"`;
    return `    <testcase classname="invalid input" name="${forXml(name)}"${file} time="0">\n      <error message="${forXml(issue.message)}">${forXml(formatIssues([issue]))}</error>\n    </testcase>`;
  });
  return [
    `  <testsuite name="invalid input" tests="${invalid.length}" failures="0" errors="${invalid.length}" skipped="0" time="0">`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}
