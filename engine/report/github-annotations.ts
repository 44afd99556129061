/** `--format github`: one GitHub Actions workflow command (`::error file=…,line=…::…`) per finding, shown on the pull request's files. */
import { forAnnotationMessage, forAnnotationProperty, forTerminal, forTerminalLines } from '../core/escape.ts';
import type { SarifInput, SarifLevel, SarifOptions } from './sarif-input.ts';
import type { Write } from './scenario-report.ts';

// The runner's three annotation commands; SARIF's `note` is its `notice`.
const COMMAND: Readonly<Record<SarifLevel, string>> = { error: 'error', warning: 'warning', note: 'notice' };

/**
 * Writes one annotation line per finding of `input` (the same input as `renderSarif`), in the order they
 * are emitted: `::error` or `::warning`, with `file`, `line` and `col` where the finding has them and a
 * `title` naming the rule. User text is escaped for the runner (`%`, CR, LF, and in properties `:` and
 * `,`) after invisible characters are written as `\u` escapes, so no string can end the command, start
 * another or colour the log. `relativePath` (default: the file as given, `\` read as `/`) makes a file
 * relative to the repository's root, as the runner expects.
 *
 * @example
 * renderGithubAnnotations(input, write);
 * // ::warning file=policy.yaml,line=4,col=11,title=Exclusion covers a temp folder (exclusion_temp_folder)::exclusions.paths[0]: …
 */
export function renderGithubAnnotations(input: SarifInput, write: Write, options: Pick<SarifOptions, 'relativePath'> = {}): void {
  const rules = new Map(input.rules.map((rule) => [rule.id, rule]));
  const relative = options.relativePath ?? ((file: string) => file.replaceAll('\\', '/'));
  input.results((finding) => {
    const rule = rules.get(finding.ruleId);
    const level = finding.level ?? rule?.level ?? 'error';
    const where = finding.location;
    const properties = [
      ...(where === undefined ? [] : [`file=${property(relative(where.file))}`]),
      ...(where?.line === undefined ? [] : [`line=${where.line}`]),
      ...(where?.line === undefined || where.column === undefined ? [] : [`col=${where.column}`]),
      `title=${property(rule === undefined ? finding.ruleId : `${rule.shortDescription} (${rule.id})`)}`,
    ];
    write(`::${COMMAND[level]} ${properties.join(',')}::${forAnnotationMessage(forTerminalLines(finding.message))}\n`);
  });
}

function property(text: string): string {
  return forAnnotationProperty(forTerminal(text));
}
