/** `edrsim export <scenario> --format set-mppreference|portal-csv|intune-json`: the scenario's policy written out to deploy as tested. */
import { Option, type Command } from 'commander';
import { closest } from '../../core/did-you-mean.ts';
import type { ExclusionLists } from '../../core/config.ts';
import { forJsonText } from '../../core/escape.ts';
import type { Issue } from '../../core/issue.ts';
import { quote } from '../../core/quote.ts';
import { exportSetMpPreference } from '../../policy/exclusions/index.ts';
import { exportIndicatorCsv, parseIndicators } from '../../policy/indicators/index.ts';
import { buildIntunePolicy } from '../../policy/intune/build-intune-policy.ts';
import type { Scenario } from '../../scenario/index.ts';
import { importRootOption, inputLimits, maxFileSizeOption, type InputFlags } from '../input-options.ts';
import { EXIT, type Io } from '../io.ts';
import type { SetExit } from '../register-command.ts';
import { openOutput } from '../write-output.ts';
import { loadAll, printProblems } from './load-all.ts';

const FORMATS = ['set-mppreference', 'portal-csv', 'intune-json'] as const;
type ExportFormat = (typeof FORMATS)[number];

interface ExportOptions extends InputFlags {
  format: ExportFormat;
  device?: string;
  add?: boolean;
  out?: string;
}

// Control characters other than the CSV's own line ends, and bidi overrides: never in a policy value, and on a
// terminal they would rewrite what the reviewer sees.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

type Exported = { ok: true; text: string; warnings: readonly Issue[] } | { ok: false; issues: readonly Issue[] };

/** The scenario's exclusions, with `device`'s own lists added (as the device applies them). */
function exclusionsOf(
  scenario: Scenario,
  device: string | undefined,
): { ok: true; lists: ExclusionLists } | { ok: false; issue: Issue } {
  if (device === undefined) return { ok: true, lists: scenario.exclusions };
  const found = scenario.devices.find((d) => d.name === device);
  if (found === undefined) {
    const hint = closest(
      device,
      scenario.devices.map((d) => d.name),
    );
    const issue: Issue = {
      code: 'unknown_device',
      path: ['--device'],
      message: `no device ${quote(device)} in the scenario`,
      ...(hint === undefined ? {} : { hint: `did you mean ${quote(hint)}?` }),
    };
    return { ok: false, issue };
  }
  const both = (key: keyof ExclusionLists) => [...scenario.exclusions[key], ...found.exclusions[key]];
  return { ok: true, lists: { paths: both('paths'), extensions: both('extensions'), processes: both('processes') } };
}

function build(scenario: Scenario, options: ExportOptions): Exported {
  if (options.format === 'portal-csv') {
    const parsed = parseIndicators(scenario.indicators, { path: ['indicators'] });
    const written = exportIndicatorCsv(parsed.indicators);
    const issues = [...parsed.issues, ...written.issues.map((issue) => ({ ...issue, path: ['indicators', ...issue.path] }))];
    const errors = issues.filter((issue) => issue.severity !== 'warning');
    return errors.length > 0 ? { ok: false, issues: errors } : { ok: true, text: written.text, warnings: issues };
  }
  const lists = exclusionsOf(scenario, options.device);
  if (!lists.ok) return { ok: false, issues: [lists.issue] };
  const name = options.device === undefined ? scenario.name : `${scenario.name} (${options.device})`;
  if (options.format === 'intune-json')
    return {
      ok: true,
      text: `${forJsonText(JSON.stringify(buildIntunePolicy({ name, description: 'Written by edrsim export', exclusions: lists.lists }), null, 2))}\n`,
      warnings: [],
    };
  const script = exportSetMpPreference(lists.lists, { mode: options.add === true ? 'add' : 'set', title: name });
  return script.issues.length > 0 ? { ok: false, issues: script.issues } : { ok: true, text: script.text, warnings: [] };
}

/** A written line holding a control character, as an issue on the output (portal-csv titles are free text). */
function unsafeLine(text: string, format: ExportFormat): Issue | undefined {
  const index = text.split('\n').findIndex((line) => UNSAFE.test(line.replace(/\r$/, '')));
  if (index < 0) return undefined;
  return {
    code: 'export_unsafe_text',
    path: [],
    message: `line ${index + 1} of the ${format} output would hold a control character; nothing was written`,
    hint: 'remove control characters from the scenario text it comes from (an indicator title or description)',
  };
}

export function registerExport(program: Command, io: Io, exit: SetExit): void {
  program
    .command('export')
    .description(
      "write a scenario's policy out to deploy it as tested: a Set-MpPreference script, the portal's indicator CSV, or an Intune policy",
    )
    .argument('<scenario>', 'a scenario file')
    .addOption(new Option('-f, --format <format>', 'what to write').choices([...FORMATS]).makeOptionMandatory())
    .option('-d, --device <name>', "set-mppreference, intune-json: add that device's own exclusions to the global lists")
    .option('--add', 'set-mppreference: Add-MpPreference (keep what the device has) instead of Set-MpPreference (replace it)')
    .option('-o, --out <file>', 'write to FILE (atomically; folders are created) instead of stdout')
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
The policy at the start of the scenario is written: the global exclusions (and a device's own with
--device) for set-mppreference and intune-json, the indicators for portal-csv. Entries are written
exactly as in the scenario; PowerShell strings are single-quoted with quotes doubled, so no entry
can run as code. intune-json is the body of POST /beta/deviceManagement/configurationPolicies
(a Windows settings-catalog policy that an
Intune import, or edrsim itself, reads back to the same lists); portal-csv is the file Settings > Endpoints >
Indicators > Import takes. Indicators the CSV cannot carry are left out with a warning each.

Exit codes: 0 written, 2 invalid input.

Examples:
  $ edrsim export scenarios/07-exclusions/06-import-get-mppreference.yaml --format set-mppreference
  $ edrsim export scenarios/08-indicators/07-import-portal-csv.yaml --format portal-csv
  $ edrsim export scenarios/07-exclusions/06-import-get-mppreference.yaml --format intune-json --out policy.json`,
    )
    .action((file: string, options: ExportOptions) => {
      const limits = inputLimits(options, io);
      if (!limits.ok) {
        printProblems(io, limits.issues);
        return exit(EXIT.invalid);
      }
      const loaded = loadAll([file], io, [], limits.value);
      const scenario = loaded.scenarios[0];
      if (scenario === undefined || loaded.errors.length > 0) {
        printProblems(io, loaded.errors);
        return exit(EXIT.invalid);
      }
      const exported = build(scenario, options);
      const unsafe = exported.ok ? unsafeLine(exported.text, options.format) : undefined;
      if (!exported.ok || unsafe !== undefined) {
        const issues = exported.ok ? [unsafe!] : exported.issues;
        printProblems(
          io,
          issues.map((issue) => ({ ...issue, file: issue.file ?? file })),
        );
        return exit(EXIT.invalid);
      }
      const output = openOutput(options.out, io, loaded.inputs);
      if (!output.ok) {
        printProblems(io, output.issues);
        return exit(EXIT.invalid);
      }
      output.value.write(exported.text);
      const unwritten = output.value.close();
      printProblems(
        io,
        unwritten,
        exported.warnings.map((issue) => ({ ...issue, file: issue.file ?? file })),
      );
      exit(unwritten.length > 0 ? EXIT.invalid : EXIT.ok);
    });
}
