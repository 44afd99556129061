/** `edrsim blast-radius ENTRY --policy FILE [--fleet SCENARIO]`: what one exclusion entry or indicator covers, hides and risks. */
import { Option, type Command } from 'commander';
import { capIssues, type Issue } from '../../core/issue.ts';
import { forJsonText } from '../../core/escape.ts';
import { blastRadius } from '../../coverage/blast-radius.ts';
import { renderBlastRadiusText } from '../../coverage/render-blast-radius-text.ts';
import { loadPolicySource } from '../../diff/load-policy-source.ts';
import { importRootOption, inputLimits, maxFileSizeOption, wholeNumber, type InputFlags } from '../input-options.ts';
import { EXIT, type Io } from '../io.ts';
import type { SetExit } from '../register-command.ts';
import { openOutput } from '../write-output.ts';
import { loadAll, printProblems } from './load-all.ts';

interface BlastFlags extends InputFlags {
  policy: string;
  fleet?: string;
  format: 'text' | 'json';
  out?: string;
  generate: number;
  seed?: number;
}

export function registerBlastRadius(program: Command, io: Io, exit: SetExit): void {
  program
    .command('blast-radius')
    .description(
      'what one exclusion entry or indicator covers: paths in words, triggers, devices, the detections it hides, its risks',
    )
    .argument('<entry>', "the entry as written in the policy (e.g. 'C:\\Build\\' or 'tmp') or an indicator's value (a hash)")
    .requiredOption(
      '--policy <file>',
      'the policy holding the entry: a scenario file, a Get-MpPreference export, an indicator CSV, or REF:path',
    )
    .option(
      '--fleet <scenario>',
      'the scenario whose fleet and artifacts are replayed (default: --policy, when it is a scenario)',
    )
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('-o, --out <file>', 'write the report to FILE (atomically) instead of stdout')
    .addOption(
      new Option('--generate <n>', 'seeded artifacts generated over the fleet')
        .argParser(wholeNumber('--generate', 10_000_000))
        .default(10_000),
    )
    .addOption(
      new Option('--seed <n>', "seed of the generated artifacts (default: the fleet's seed)").argParser(
        wholeNumber('--seed', 0xffffffff),
      ),
    )
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
Hidden detections: the fleet replayed under the policy without the entry and with it; every artifact the entry
weakens is counted (by class, device mode and trigger) with examples. Risks come with a narrower alternative.
Exit codes: 0 done, 2 invalid input (an entry not in the policy names the nearest ones).

Examples:
  $ edrsim blast-radius 'C:\\Users\\*\\AppData\\Local\\Temp' --policy scenarios/07-exclusions/01-block-mode-honours-folder-exclusion.yaml --generate 1000
  $ edrsim blast-radius ldf --policy scenarios/07-exclusions/06-import-get-mppreference.yaml --generate 0 --format json`,
    )
    .action((written: string, flags: BlastFlags) => {
      const limits = inputLimits(flags, io);
      if (!limits.ok) {
        printProblems(io, limits.issues);
        return exit(EXIT.invalid);
      }
      const read = { cwd: io.cwd, maxFileSize: limits.value.maxFileSize, importRoot: limits.value.importRoot };
      const loaded = loadPolicySource(flags.policy, read);
      if (!loaded.ok) {
        printProblems(io, capIssues(loaded.issues, flags.policy));
        return exit(EXIT.invalid);
      }
      let fleet = loaded.value.scenario;
      const inputs: string[] = (fleet?.sources ?? []).slice();
      if (flags.fleet !== undefined) {
        const fleets = loadAll([flags.fleet], io, [], limits.value);
        if (fleets.errors.length > 0) {
          printProblems(io, fleets.errors);
          return exit(EXIT.invalid);
        }
        fleet = fleets.scenarios[0];
        for (const input of fleets.inputs) inputs.push(input);
      }
      if (fleet === undefined) {
        const issue: Issue = {
          code: 'no_fleet',
          path: [],
          message: `${flags.policy} is not a scenario file, so there is no fleet to replay`,
          hint: 'name a scenario with --fleet',
        };
        printProblems(io, [issue]);
        return exit(EXIT.invalid);
      }
      const radius = blastRadius(written, loaded.value.policy, fleet, {
        generate: flags.generate,
        ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      });
      if (!radius.ok) {
        printProblems(io, [...radius.issues]);
        return exit(EXIT.invalid);
      }
      const output = openOutput(flags.out, io, inputs);
      if (!output.ok) {
        printProblems(io, [...output.issues]);
        return exit(EXIT.invalid);
      }
      output.value.write(
        flags.format === 'json'
          ? forJsonText(`${JSON.stringify(radius.value, null, 2)}\n`)
          : renderBlastRadiusText(radius.value, io.columns),
      );
      const unwritten = output.value.close();
      if (unwritten.length > 0) {
        printProblems(io, unwritten);
        return exit(EXIT.invalid);
      }
      exit(EXIT.ok);
    });
}
