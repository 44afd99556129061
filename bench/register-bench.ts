/** `edrsim bench`, registered from outside the engine (bin/edrsim.js passes it to main): checks its limits, measures, prints a table (or JSON), writes latest.json and latest.svg. */
import { append } from '../engine/core/append.ts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Issue } from '../engine/core/issue.ts';
import { checkBenchLimits, MEMORY_COST, OPTION_LIMITS } from './bench-limits.ts';
import { createProgress } from './bench-progress.ts';
import type { BenchOptions } from './bench-sizes.ts';
import { runRemediationBench } from './remediation.bench.ts';
import { renderBenchSvg } from './render-bench-svg.ts';
import { renderBenchTable } from './render-bench-table.ts';
import { resultsFolder } from './results-folder.ts';
import { compareResults, readResultsFile, renderComparison } from './compare-results.ts';
import { EXIT, type Io } from '../engine/cli/io.ts';
import { writeAtomically } from '../engine/cli/write-output.ts';
import type { SetExit } from '../engine/cli/register-command.ts';

interface BenchFlags extends Omit<BenchOptions, 'quick' | 'full'> {
  quick?: boolean;
  full?: boolean;
  save?: boolean;
  format: 'text' | 'json';
  outDir?: string;
  compare?: string;
}

const SUFFIX: Readonly<Record<string, number>> = { '': 1, k: 1e3, m: 1e6 };
const n = (value: number): string => value.toLocaleString('en-US');

/** A count such as `5000`, `10_000`, `1,000,000`, `100k` or `10M`, within the option's limits. */
const count =
  (name: keyof typeof OPTION_LIMITS) =>
  (text: string): number => {
    const { min, max } = OPTION_LIMITS[name];
    const parsed = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.replace(/[_,]/g, ''));
    const value = parsed === null ? NaN : Number(parsed[1]) * (SUFFIX[(parsed[2] ?? '').toLowerCase()] ?? NaN);
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`--${name} must be a whole number from ${n(min)} to ${n(max)} (e.g. 5000, 100k, 10M)`);
    }
    return value;
  };

const LIMITS_HELP = Object.entries(OPTION_LIMITS)
  .map(([name, limit]) => `  --${name} ${n(limit.min)}–${n(limit.max)} (${limit.why})`)
  .join('\n');

export function registerBench(program: Command, io: Io, exit: SetExit): void {
  program
    .command('bench')
    .description('measure remediation throughput: the full pipeline against its baselines, with scaling curves')
    .option(
      '--devices <n>',
      'fleet size of a one-shape run (mixed fleet: 60% passive laptops, 25% active workstations, 15% servers)',
      count('devices'),
    )
    .option('--artifacts <n>', 'artifacts of a one-shape run (default 1M, 200k with --quick)', count('artifacts'))
    .option('--exclusions <n>', 'exclusion entries of a one-shape run (default 100)', count('exclusions'))
    .option('--indicators <n>', 'indicators of a one-shape run (default 1000)', count('indicators'))
    .option(
      '--workers <n>',
      'worker threads compared with one (default 2); with explicit sizes, adds the comparison',
      count('workers'),
    )
    .option('--seed <n>', 'generator seed (default 7)', count('seed'))
    .option(
      '--count <n>',
      'repeat the whole run n times; report min, median and max, judge goals on the median (default 1)',
      count('count'),
    )
    .option('--compare <file>', "print each figure's ratio to an earlier results file (latest.json), matched by figure id")
    .addOption(new Option('-f, --format <format>', 'what stdout gets').choices(['text', 'json']).default('text'))
    .addOption(new Option('--quick', 'smaller sizes, under a minute').conflicts('full'))
    .option('--full', 'also run the 100M-artifact stream (several minutes more)')
    .option(
      '--save',
      'write latest.json and latest.svg to the committed bench/results/ (default: .bench/ in the working directory)',
    )
    .option('--out-dir <dir>', 'where latest.json and latest.svg go instead (wins over --save)')
    .addHelpText(
      'after',
      `
Explicit sizes (--devices, --artifacts, --exclusions, --indicators) run just that shape: P, G, L, D,
latency and the virtual-clock figures. Otherwise every curve runs (default ≈ 5 minutes on 2 cores).
Progress goes to stderr. Compare ratios within a run, not absolute figures across runs. Results go to
.bench/ (git-ignored) unless --save or --out-dir says otherwise; stderr names the files.
Goal verdicts (met / MISSED) are given only for runs at least as long as the default run's; shorter
ones (--quick, small sizes) say "too short to judge".

Limits, checked before anything runs (exit 2):
${LIMITS_HELP}
  memory: each device costs about ${MEMORY_COST.perDevice} B of heap, ${n(MEMORY_COST.perDevice + MEMORY_COST.perActiveDevice)} B once it receives artifacts,
  plus ${MEMORY_COST.baseBytes / 2 ** 20} MiB; the shape must fit in 90 % of Node's heap limit (NODE_OPTIONS=--max-old-space-size
  raises it), and the fleet copies of the worker run (one per worker, plus the main thread's) in 75 %
  of the machine's memory.

Examples:
  $ edrsim bench --quick
  $ edrsim bench --full --out-dir /tmp/bench
  $ edrsim bench --save                     # refresh the committed bench/results/
  $ edrsim bench --devices 50000 --artifacts 5M --exclusions 2000 --indicators 15000
  $ edrsim bench --devices 20000 --artifacts 2M --workers 2 --format json
  $ edrsim bench --quick --count 3 --compare bench/results/before-issue-13.json
  $ node --cpu-prof bin/edrsim.js bench --devices 1000 --artifacts 1M   # profile the P run`,
    )
    .action(async (flags: BenchFlags) => {
      const { format, outDir, save, compare, ...options } = flags;
      const { folder, shownAs } = resultsFolder({
        cwd: io.cwd,
        ...(save === undefined ? {} : { save }),
        ...(outDir === undefined ? {} : { outDir }),
      });
      // Everything that can be refused is refused before minutes of measuring: limits, then the folder.
      const refused = checkBenchLimits(options);
      const old = compare === undefined ? undefined : readResultsFile(compare);
      if (old !== undefined && !old.ok) append(refused, old.issues);
      if (refused.length === 0) append(refused, makeFolder(folder, shownAs));
      if (refused.length > 0) {
        for (const issue of refused) io.err(`edrsim bench: ${issue.message}\n  hint: ${issue.hint ?? ''}\n`);
        exit(EXIT.invalid);
        return;
      }
      const progress = createProgress({ isTTY: process.stderr.isTTY === true, columns: process.stderr.columns, write: io.err });
      const measured = await runRemediationBench(options, progress, new Date().toISOString());
      const comparison = old?.ok === true ? compareResults(old.value, measured) : undefined;
      const result = comparison === undefined ? measured : { ...measured, comparison };
      const problems = [
        ...writeAtomically(join(folder, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`, join(shownAs, 'latest.json')),
        ...writeAtomically(join(folder, 'latest.svg'), renderBenchSvg(result), join(shownAs, 'latest.svg')),
      ];
      io.out(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderBenchTable(result));
      if (format === 'text' && comparison !== undefined && compare !== undefined)
        io.out(`\n${renderComparison(comparison, compare, result, old?.ok === true ? old.value : {})}`);
      // The figures still reach stdout; only the files are missing, and the exit code says so.
      for (const problem of problems.slice(0, 1)) io.err(`edrsim bench: ${problem.message}\n`);
      if (problems.length === 0)
        io.err(`edrsim bench: results written to ${join(shownAs, 'latest.json')} and ${join(shownAs, 'latest.svg')}\n`);
      exit(problems.length > 0 ? EXIT.invalid : EXIT.ok);
    });
}

// An unusable --out-dir is invalid input, reported like a failed write rather than thrown.
function makeFolder(folder: string, shownAs: string): Issue[] {
  try {
    mkdirSync(folder, { recursive: true });
    return [];
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'the folder could not be created';
    return [
      {
        code: 'out_dir_not_writable',
        path: ['--out-dir'],
        message: `cannot create ${shownAs}: ${code}`,
        hint: 'give --out-dir a folder you may write to',
      },
    ];
  }
}
