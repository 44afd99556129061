/** `edrsim bench`: remediation throughput benchmark; prints a table (or JSON) and writes latest.json and latest.svg. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Issue } from '../../core/issue.ts';
import { createProgress } from '../../../bench/bench-progress.ts';
import type { BenchOptions } from '../../../bench/bench-sizes.ts';
import { runRemediationBench } from '../../../bench/remediation.bench.ts';
import { renderBenchSvg } from '../../../bench/render-bench-svg.ts';
import { renderBenchTable } from '../../../bench/render-bench-table.ts';
import { TENANT_INDICATOR_LIMIT } from '../../policy/indicators/index.ts';
import { EXIT, type Io } from '../io.ts';
import { writeAtomically } from '../write-output.ts';
import type { SetExit } from './index.ts';

interface BenchFlags extends Omit<BenchOptions, 'quick' | 'full'> {
  quick?: boolean;
  full?: boolean;
  format: 'text' | 'json';
  outDir: string;
}

const SUFFIX: Readonly<Record<string, number>> = { '': 1, k: 1e3, m: 1e6 };

/** A count such as `5000`, `10_000`, `1,000,000`, `100k` or `10M`, between `min` and `max`. */
const count = (name: string, min: number, max: number) => (text: string): number => {
  const parsed = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.replace(/[_,]/g, ''));
  const value = parsed === null ? NaN : Number(parsed[1]) * (SUFFIX[(parsed[2] ?? '').toLowerCase()] ?? NaN);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(`${name} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (e.g. 5000, 100k, 10M)`);
  }
  return value;
};

export function registerBench(program: Command, io: Io, exit: SetExit): void {
  program
    .command('bench')
    .description('measure remediation throughput: the full pipeline against its baselines, with scaling curves')
    .option('--devices <n>', 'fleet size of a one-shape run (mixed fleet: 60% passive laptops, 25% active workstations, 15% servers)', count('--devices', 1, 10_000_000))
    .option('--artifacts <n>', 'artifacts of a one-shape run (default 1M, 200k with --quick)', count('--artifacts', 1, 1_000_000_000))
    .option('--exclusions <n>', 'exclusion entries of a one-shape run (default 100)', count('--exclusions', 0, 100_000))
    .option('--indicators <n>', `indicators of a one-shape run (default 1000, at most the tenant limit ${TENANT_INDICATOR_LIMIT.toLocaleString('en-US')})`, count('--indicators', 0, TENANT_INDICATOR_LIMIT))
    .option('--workers <n>', 'worker threads compared with one (default 2); with explicit sizes, adds the comparison', count('--workers', 2, 64))
    .option('--seed <n>', 'generator seed (default 7)', count('--seed', 0, 2 ** 31 - 1))
    .addOption(new Option('-f, --format <format>', 'what stdout gets').choices(['text', 'json']).default('text'))
    .addOption(new Option('--quick', 'smaller sizes, under a minute').conflicts('full'))
    .option('--full', 'also run the 100M-artifact stream (several minutes more)')
    .option('--out-dir <dir>', 'where latest.json and latest.svg go', 'bench/results')
    .addHelpText(
      'after',
      `
Explicit sizes (--devices, --artifacts, --exclusions, --indicators) run just that shape: P, G, L, D,
latency and the virtual-clock figures. Otherwise every curve runs (default ≈ 5 minutes on 2 cores).
Progress goes to stderr. Compare ratios within a run, not absolute figures across runs.

Examples:
  $ edrsim bench --quick
  $ edrsim bench --full --out-dir /tmp/bench
  $ edrsim bench --devices 50000 --artifacts 5M --exclusions 2000 --indicators 15000
  $ edrsim bench --devices 20000 --artifacts 2M --workers 2 --format json
  $ node --cpu-prof bin/edrsim.js bench --devices 1000 --artifacts 1M   # profile the P run`,
    )
    .action(async (flags: BenchFlags) => {
      const { format, outDir, ...options } = flags;
      const progress = createProgress({ isTTY: process.stderr.isTTY === true, columns: process.stderr.columns, write: io.err });
      const result = await runRemediationBench(options, progress, new Date().toISOString());
      const folder = resolve(io.cwd, outDir);
      const problems = [
        ...makeFolder(folder, outDir),
        ...writeAtomically(join(folder, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`, join(outDir, 'latest.json')),
        ...writeAtomically(join(folder, 'latest.svg'), renderBenchSvg(result), join(outDir, 'latest.svg')),
      ];
      io.out(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderBenchTable(result));
      // The figures still reach stdout; only the files are missing, and the exit code says so.
      for (const problem of problems.slice(0, 1)) io.err(`edrsim bench: ${problem.message}\n`);
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
    return [{ code: 'out_dir_not_writable', path: ['--out-dir'], message: `cannot create ${shownAs}: ${code}`, hint: 'give --out-dir a folder you may write to' }];
  }
}
