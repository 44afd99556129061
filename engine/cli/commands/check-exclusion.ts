/** `edrsim check-exclusion <path> --policy <file>`: like `MpCmdRun -CheckExclusion -path`, with the entry that matched. */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { ConflictSettings, ExclusionLists } from '../../core/config.ts';
import { forTerminal } from '../../core/escape.ts';
import { capIssues, formatIssues, type Issue } from '../../core/issue.ts';
import { parseVersion } from '../../core/version.ts';
import { TRIGGERS, type Trigger } from '../../core/vocabulary.ts';
import {
  checkExclusion,
  importMpPreference,
  recogniseMpPreference,
  type ExclusionOptions,
} from '../../policy/exclusions/index.ts';
import { recogniseIntunePolicy } from '../../policy/intune/index.ts';
import { importIntuneExclusions } from '../../policy/load-policy-sources.ts';
import { closest } from '../../core/did-you-mean.ts';
import { readInput } from '../../io/index.ts';
import { importRootOption, inputLimits, maxFileSizeOption, type InputFlags, type InputLimits } from '../input-options.ts';
import { EXIT, type Io } from '../io.ts';
import type { SetExit } from '../register-command.ts';
import { loadAll, printProblems } from './load-all.ts';

interface CheckOptions extends InputFlags {
  policy: string;
  process?: string;
  trigger: Trigger;
  device?: string;
  folder?: boolean;
  scanType?: 'quick' | 'full';
}

export function registerCheckExclusion(program: Command, io: Io, exit: SetExit): void {
  program
    .command('check-exclusion')
    .description('is this path excluded from Defender Antivirus, and by which entry (like MpCmdRun -CheckExclusion)')
    .argument(
      '<path>',
      "the file or folder to check, e.g. 'C:\\Users\\bob\\x.exe' (quote it in your shell); '..', '.' and trailing dots are folded as Windows does",
    )
    .requiredOption(
      '-p, --policy <file>',
      'a scenario file, Get-MpPreference output (text or ConvertTo-Json), or an Intune policy exported from Graph',
    )
    .option(
      '--process <path>',
      'the process that opens the file (process exclusions apply on access only); canonicalised like <path>',
    )
    .addOption(new Option('-t, --trigger <trigger>', 'what looks at the file').choices([...TRIGGERS]).default('on-access'))
    .addOption(new Option('--scan-type <type>', 'for scan triggers').choices(['quick', 'full']))
    .option('-d, --device <name>', "with a scenario: include that device's own exclusions and its versions")
    .option('--folder', 'the path is a folder')
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
Exit codes: 0 excluded, 1 not excluded, 2 invalid input.

Examples:
  $ edrsim check-exclusion 'C:\\Tools\\build.exe' --policy my-policy.yaml
  $ edrsim check-exclusion 'D:\\share\\report.pdf' --policy mppref.txt --process 'C:\\Backup\\agent.exe'
  $ edrsim check-exclusion 'D:\\share\\report.pdf' --policy mppref.txt --process 'C:\\Backup\\agent.exe' --trigger scheduled-scan`,
    )
    .action((path: string, options: CheckOptions) => {
      const limits = inputLimits(options, io);
      const policy = limits.ok ? readPolicy(options, io, limits.value) : limits;
      if (!policy.ok) {
        printProblems(io, capIssues(policy.issues, options.policy));
        return exit(EXIT.invalid);
      }
      const result = checkExclusion(
        policy.lists,
        path,
        {
          trigger: options.trigger,
          ...(options.process === undefined ? {} : { process: options.process }),
          ...(options.folder === true ? { isFolder: true } : {}),
          ...(options.scanType === undefined ? {} : { scanType: options.scanType }),
        },
        { ...policy.options, conflicts: policy.settings },
      );
      const errors = result.issues.filter((issue) => issue.severity !== 'warning');
      if (errors.length > 0) {
        // The <path> argument's own problems belong to the command line, not to the policy file.
        printProblems(
          io,
          errors.map((issue) => (issue.path[0] === 'path' ? { ...issue, path: ['<path>'] } : { ...issue, file: options.policy })),
        );
        return exit(EXIT.invalid);
      }
      // Each line quotes the path, the process and the entries as given: user text for a terminal.
      io.out(`${result.lines.map(forTerminal).join('\n')}\n`);
      const warnings = result.issues.filter((issue) => issue.severity === 'warning');
      if (warnings.length > 0) io.err(`${formatIssues(warnings)}\n`);
      exit(result.excluded ? EXIT.ok : EXIT.failed);
    });
}

type Policy =
  { ok: true; lists: ExclusionLists; options: ExclusionOptions; settings?: ConflictSettings } | { ok: false; issues: Issue[] };

// A policy file is Get-MpPreference output when it names an Exclusion* property; otherwise a scenario.
function readPolicy(options: CheckOptions, io: Io, limits: InputLimits): Policy {
  const read = readInput(resolve(io.cwd, options.policy), { shownAs: options.policy, maxFileSize: limits.maxFileSize });
  if (!read.ok) return { ok: false, issues: [...read.issues] };
  const { text } = read.value;
  // An Intune policy export: its merged lists; its other settings are named as ignored, never dropped silently.
  if (recogniseIntunePolicy(text) && !/^\s*(name|devices|timeline)\s*:/m.test(text)) {
    const imported = importIntuneExclusions(text);
    if (!imported.ok) return { ok: false, issues: imported.issues.map((i) => ({ ...i, file: options.policy })) };
    const { warnings, ...lists } = imported.value;
    if (warnings.length > 0) io.err(`${formatIssues(warnings.map((i) => ({ ...i, file: options.policy })))}\n`);
    return { ok: true, lists, options: {} };
  }
  if (recogniseMpPreference(text) !== undefined && !/^\s*(name|devices|timeline)\s*:/m.test(text)) {
    const imported = importMpPreference(text);
    return imported.ok
      ? { ok: true, lists: imported.value, options: {} }
      : { ok: false, issues: imported.issues.map((i) => ({ ...i, file: options.policy })) };
  }
  const loaded = loadAll([options.policy], io, [], limits);
  const scenario = loaded.scenarios[0];
  if (scenario === undefined) return { ok: false, issues: loaded.errors };
  if (options.device === undefined) return { ok: true, lists: scenario.exclusions, options: {}, settings: scenario.settings };
  const device = scenario.devices.find((d) => d.name === options.device);
  if (device === undefined) {
    const hint = closest(
      options.device,
      scenario.devices.map((d) => d.name),
    );
    return {
      ok: false,
      issues: [
        {
          code: 'unknown_device',
          path: ['--device'],
          file: options.policy,
          message: `no device "${options.device}" in the scenario`,
          ...(hint ? { hint: `did you mean "${hint}"?` } : {}),
        },
      ],
    };
  }
  const platform = parseVersion(device.mdav.platform);
  const engine = parseVersion(device.mdav.engine);
  return {
    ok: true,
    lists: {
      paths: [...scenario.exclusions.paths, ...device.exclusions.paths],
      extensions: [...scenario.exclusions.extensions, ...device.exclusions.extensions],
      processes: [...scenario.exclusions.processes, ...device.exclusions.processes],
    },
    options: { ...(platform.ok ? { platform: platform.value } : {}), ...(engine.ok ? { engine: engine.value } : {}) },
    settings: scenario.settings,
  };
}
