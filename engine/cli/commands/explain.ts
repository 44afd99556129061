/** `edrsim explain <file> --artifact ID | --device NAME [--at T]`: why a verdict, or how a device stands. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Artifact } from '../../core/artifact.ts';
import { parseDuration } from '../../core/duration.ts';
import { edrBlockModeRecommendation, mpComputerStatus, winDefendService } from '../../model/index.ts';
import { modelAt } from '../../pipeline/model-at.ts';
import { streamSimulation } from '../../pipeline/run-simulation.ts';
import type { Verdict } from '../../pipeline/verdict.ts';
import { isChangeEvent, simEvents } from '../../pipeline/sim-events.ts';
import { renderDeviceStatus } from '../../report/render-device-status.ts';
import { renderTrace, type TraceOptions } from '../../report/render-trace.ts';
import { closest, nearest } from '../../core/did-you-mean.ts';
import { forTerminal, terminalLine } from '../../core/escape.ts';
import { clipText, escapeInvisible, quote } from '../../core/quote.ts';
import type { Scenario } from '../../scenario/index.ts';
import { isFolder } from '../../io/index.ts';
import { importRootOption, inputLimits, maxFileSizeOption, type InputFlags } from '../input-options.ts';
import { EXIT, type Io } from '../io.ts';
import type { SetExit } from '../register-command.ts';
import { loadAll, printProblems } from './load-all.ts';

interface ExplainOptions extends InputFlags {
  artifact?: string;
  device?: string;
  at?: string;
  set: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerExplain(program: Command, io: Io, exit: SetExit): void {
  program
    .command('explain')
    .description("explain one artifact's verdict layer by layer, or a device's status and block-mode checklist")
    .argument('<file>', 'a scenario file')
    .option('-a, --artifact <id>', 'the artifact whose verdict to trace (timeline or generated id)')
    .option('-d, --device <name>', 'the device to show as Get-MpComputerStatus would print it')
    .option('--at <time>', 'with --device: the simulated time, e.g. 25m (default: the end of the run)')
    .option('-s, --set <key=value>', 'override a scenario key first (repeatable)', collect, [])
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
Examples:
  $ edrsim explain scenarios/07-exclusions/01-block-mode-honours-folder-exclusion.yaml --artifact temp-dropper
  $ edrsim explain scenarios/05-timing/01-disable-takes-30-minutes.yaml --device ws-pay-09 --at 25m

Each reason's cite (a § of the domain reference, a T case, a C conflict) gets a footnote number; the
footnotes at the end give each source's title and link. On a terminal, lines wrap to its width.`,
    )
    .action((file: string, options: ExplainOptions) => {
      if ((options.artifact === undefined) === (options.device === undefined)) {
        io.err('edrsim explain: give exactly one of --artifact ID or --device NAME\n');
        return exit(EXIT.invalid);
      }
      if (isFolder(resolve(io.cwd, file))) {
        io.err(terminalLine`edrsim explain: ${file} is a folder; explain reads one scenario file\n`);
        return exit(EXIT.invalid);
      }
      const limits = inputLimits(options, io);
      if (!limits.ok) {
        printProblems(io, limits.issues);
        return exit(EXIT.invalid);
      }
      const loaded = loadAll([file], io, options.set, limits.value);
      const scenario = loaded.scenarios[0];
      if (scenario === undefined || loaded.errors.length > 0) {
        printProblems(io, loaded.errors);
        return exit(EXIT.invalid);
      }
      const width = io.columns === undefined ? {} : { width: io.columns };
      const text =
        options.artifact !== undefined
          ? explainArtifact(scenario, options.artifact, width)
          : explainDevice(scenario, options.device!, options.at, width);
      if (text.ok) io.out(text.value);
      else io.err(`edrsim explain: ${text.error}\n`);
      exit(text.ok ? EXIT.ok : EXIT.invalid);
    });
}

type Answer = { ok: true; value: string } | { ok: false; error: string };

// Keeps the one verdict asked for and, for the did-you-mean hint, the first 10,000 ids: flat memory however long the run.
function explainArtifact(scenario: Scenario, id: string, options: TraceOptions): Answer {
  let verdict: Verdict | undefined;
  const known: string[] = [];
  streamSimulation(scenario, {
    verdict: (v) => {
      if (v.artifact === id) verdict ??= v;
      if (known.length < MAX_SUGGESTED_FROM) known.push(v.artifact);
    },
  });
  const artifact = verdict === undefined ? undefined : findArtifact(scenario, id);
  if (verdict === undefined || artifact === undefined) return { ok: false, error: unknownArtifact(scenario, id, known) };
  return { ok: true, value: renderTrace(artifact, verdict, options) };
}

/** Did you mean the one close id, else the closest few, among the first {@link MAX_SUGGESTED_FROM} ids (a run may have 10^7). */
function unknownArtifact(scenario: Scenario, id: string, ids: readonly string[]): string {
  const known = ids.slice(0, MAX_SUGGESTED_FROM);
  const hint = closest(id, known);
  const head = `no artifact ${clipText(quote(id), 200)} in ${forTerminal(scenario.file)}`;
  if (hint !== undefined) return `${head} — did you mean ${quote(hint)}?`;
  return known.length === 0
    ? `${head}: it has no artifacts`
    : `${head}; the closest ids are ${nearest(id, known).map(quote).join(', ')}`;
}

/** Ids compared for suggestions: enough for any hand-written timeline, bounded for generated fleets. */
const MAX_SUGGESTED_FROM = 10_000;

function findArtifact(scenario: Scenario, id: string): Artifact | undefined {
  for (const item of simEvents(scenario)) {
    if (!isChangeEvent(item) && item.id === id) return item;
  }
  return undefined;
}

function explainDevice(scenario: Scenario, name: string, atText: string | undefined, options: TraceOptions): Answer {
  const at =
    atText === undefined ? { ok: true as const, value: streamSimulation(scenario).endAt } : parseDuration(atText, ['--at']);
  if (!at.ok)
    return {
      ok: false,
      error: `--at ${clipText(escapeInvisible(atText ?? ''), 100)}: ${at.issues[0]?.message ?? 'not a duration'} (use e.g. 25m, 1h, 00:25:00)`,
    };
  const state = modelAt(scenario, at.value).device(name);
  if (state === undefined) {
    const hint = closest(
      name,
      scenario.devices.map((d) => d.name),
    );
    return {
      ok: false,
      error: `no device ${clipText(quote(name), 200)} in ${forTerminal(scenario.file)}${hint ? ` — did you mean ${quote(hint)}?` : ''}`,
    };
  }
  return {
    ok: true,
    value: renderDeviceStatus(
      {
        state,
        status: mpComputerStatus(state),
        service: winDefendService(state.mode),
        recommendation: edrBlockModeRecommendation(state, scenario.settings),
        at: at.value,
      },
      options,
    ),
  };
}
