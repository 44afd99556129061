/** `edrsim diff BASE HEAD [SCENARIOS…]`: what a policy change does to protection, artifact by artifact, with its causes. */
import { Option, type Command } from 'commander';
import { append } from '../../core/append.ts';
import { capIssues, type Issue } from '../../core/issue.ts';
import { DEFAULT_GENERATE, runDiff } from '../../diff/run-diff.ts';
import { loadPolicySource, type LoadedSource } from '../../diff/load-policy-source.ts';
import { diffSarifInput } from '../../diff/diff-findings.ts';
import { renderDiffMarkdown } from '../../diff/render-diff-markdown.ts';
import { renderDiffText } from '../../diff/render-diff-text.ts';
import type { Scenario } from '../../scenario/index.ts';
import { EDRSIM_VERSION } from '../edrsim-version.ts';
import { sarifRootOption, writeFindings } from '../findings-format.ts';
import { importRootOption, inputLimits, maxFileSizeOption, wholeNumber, type InputFlags } from '../input-options.ts';
import { EXIT, type Io } from '../io.ts';
import type { SetExit } from '../register-command.ts';
import { openOutput } from '../write-output.ts';
import { loadAll, printProblems } from './load-all.ts';

interface DiffFlags extends InputFlags {
  format: 'text' | 'json' | 'markdown' | 'sarif' | 'github';
  out?: string;
  sarifRoot?: string;
  generate: number;
  seed?: number;
  probes: boolean;
  allowWeaker?: boolean;
}

export function registerDiff(program: Command, io: Io, exit: SetExit): void {
  program
    .command('diff')
    .description(
      'what does this policy change do to protection? BASE and HEAD over the same artifacts, with the changes that cause each difference',
    )
    .argument(
      '<base>',
      "the policy before: a scenario file, a Get-MpPreference export, an indicator CSV or API export, an Intune policy, or REF:path in git (e.g. 'origin/main:policy/av.yaml')",
    )
    .argument('<head>', 'the policy after, as <base>')
    .argument(
      '[scenarios...]',
      'scenario files or folders whose fleets and artifacts are replayed (default: HEAD, or BASE, when a scenario file)',
    )
    .addOption(
      new Option('-f, --format <format>', 'report format')
        .choices(['text', 'json', 'markdown', 'sarif', 'github'])
        .default('text'),
    )
    .option('-o, --out <file>', 'write the report to FILE (atomically) instead of stdout')
    .addOption(
      new Option('--generate <n>', 'seeded artifacts generated over the fleets, split between the scenarios')
        .argParser(wholeNumber('--generate', 10_000_000))
        .default(DEFAULT_GENERATE),
    )
    .addOption(
      new Option('--seed <n>', "seed of the generated artifacts (default: each scenario's seed)").argParser(
        wholeNumber('--seed', 0xffffffff),
      ),
    )
    .option('--no-probes', "do not add probes derived from the policies' entries")
    .option('--allow-weaker', 'exit 0 even when the change weakens protection')
    .addOption(sarifRootOption())
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
A side that names an existing file is that file; otherwise REF:path is read with git show (imports from the same ref).
Labels per artifact: same, changed, weaker, stronger (malicious, PUA, probes); fp-added, fp-removed (benign).
sarif and github list one finding per change that weakens protection (error) or adds a false positive
(warning), at the entry's line in HEAD's file (BASE's for a removed entry).
Exit codes: 0 equivalent or stronger, 1 weaker or mixed (unless --allow-weaker), 2 invalid input.

Examples:
  $ edrsim diff scenarios/11-policy-changes/01-user-temp-folder.base.yaml scenarios/11-policy-changes/01-user-temp-folder.head.yaml --generate 1000
  $ edrsim diff scenarios/11-policy-changes/02-extension-wide.base.yaml scenarios/11-policy-changes/02-extension-wide.head.yaml --generate 0 --format markdown
  $ edrsim diff origin/main:policy/av.yaml policy/av.yaml fleet/ --format markdown --out diff.md`,
    )
    .action((base: string, head: string, paths: string[], flags: DiffFlags) => {
      const limits = inputLimits(flags, io);
      if (!limits.ok) {
        printProblems(io, limits.issues);
        return exit(EXIT.invalid);
      }
      const read = { cwd: io.cwd, maxFileSize: limits.value.maxFileSize, importRoot: limits.value.importRoot };
      const sides = [base, head].map((arg) => ({ arg, loaded: loadPolicySource(arg, read) }));
      const problems: Issue[] = sides.flatMap(({ arg, loaded }) => (loaded.ok ? [] : capIssues(loaded.issues, arg)));
      const [b, h] = sides.map((side) => (side.loaded.ok ? side.loaded.value : undefined)) as [
        LoadedSource | undefined,
        LoadedSource | undefined,
      ];
      let scenarios: Scenario[] = [];
      // An --out must not overwrite a side's files either.
      const inputs: string[] = [b, h].flatMap((side) => side?.scenario?.sources ?? []);
      if (paths.length > 0) {
        const loaded = loadAll(paths, io, [], limits.value);
        append(problems, loaded.errors);
        scenarios = loaded.scenarios;
        append(inputs, loaded.inputs);
      } else if (b !== undefined && h !== undefined) {
        const own = h.scenario ?? b.scenario;
        if (own === undefined) {
          problems.push({
            code: 'no_scenarios',
            path: [],
            message: 'neither BASE nor HEAD is a scenario file, so there is no fleet to replay',
            hint: 'name scenario files or folders after BASE and HEAD',
          });
        } else scenarios = [own];
      }
      if (problems.length > 0 || b === undefined || h === undefined) {
        printProblems(io, problems);
        return exit(EXIT.invalid);
      }
      const diffed = runDiff(b.policy, h.policy, scenarios, {
        generate: flags.generate,
        probes: flags.probes,
        ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      });
      if (!diffed.ok) {
        printProblems(io, [...diffed.issues]);
        return exit(EXIT.invalid);
      }
      const output = openOutput(flags.out, io, inputs);
      if (!output.ok) {
        printProblems(io, [...output.issues]);
        return exit(EXIT.invalid);
      }
      const report = diffed.value;
      if (flags.format === 'sarif' || flags.format === 'github')
        writeFindings(flags.format, diffSarifInput(report, EDRSIM_VERSION), output.value.write, io.cwd, flags.sarifRoot);
      else
        output.value.write(
          flags.format === 'json'
            ? `${JSON.stringify(report, null, 2)}\n`
            : flags.format === 'markdown'
              ? renderDiffMarkdown(report)
              : renderDiffText(report),
        );
      const unwritten = output.value.close();
      if (unwritten.length > 0) {
        printProblems(io, unwritten);
        return exit(EXIT.invalid);
      }
      const weaker = report.label === 'weaker' || report.label === 'mixed';
      exit(weaker && flags.allowWeaker !== true ? EXIT.failed : EXIT.ok);
    });
}
