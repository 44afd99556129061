import { describe, expect, it } from 'vitest';
import { benchMemoryNeed, checkBenchLimits, OPTION_LIMITS } from '../../bench/bench-limits.ts';
import { registerBench } from '../../bench/register-bench.ts';
import { main } from '../../engine/cli/main.ts';
import type { Io } from '../../engine/cli/io.ts';

const GIB = 2 ** 30;
// A machine like the one the costs were measured on: V8's default 4 GiB heap, 24 GiB of memory.
const BUDGET = { heapBytes: 4 * GIB, totalBytes: 24 * GIB };

async function bench(...argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    cwd: process.cwd(),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    colour: false,
    stdinIsTTY: false,
  };
  const code = await main(['bench', ...argv], io, [registerBench]);
  return { code, stderr: err.join(''), stdout: out.join('') };
}

describe('bench option limits', () => {
  it('should refuse 10M devices before running, naming --devices, the heap it needs and a hint', () => {
    const issues = checkBenchLimits({ devices: 10_000_000, artifacts: 20 }, BUDGET);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['--devices']);
    expect(issues[0]?.message).toMatch(
      /^--devices 10,000,000 needs about [\d.]+ GiB of heap; this Node allows 4\.0 GiB \(at most [\d,]+ devices at this shape\)/,
    );
    expect(issues[0]?.hint).toMatch(/fewer devices|max-old-space-size/);
  });

  it('should accept the documented modes and shapes on a 4 GiB heap', () => {
    for (const options of [
      {},
      { quick: true },
      { full: true },
      { devices: 50_000, artifacts: 5_000_000, exclusions: 2_000, indicators: 15_000 },
      { devices: 20_000, artifacts: 2_000_000, workers: 2 },
    ]) {
      expect(checkBenchLimits(options, BUDGET)).toEqual([]);
    }
  });

  it('should charge devices that receive artifacts more than idle ones, so the need grows with devices × artifacts', () => {
    const idle = benchMemoryNeed({ devices: 1_000_000, artifacts: 20 });
    const busy = benchMemoryNeed({ devices: 1_000_000, artifacts: 2_000_000 });
    expect(busy.heapBytes).toBeGreaterThan(idle.heapBytes + 1_000_000 * 1_000);
    expect(benchMemoryNeed({ devices: 1_000_000, artifacts: 2_000_000, workers: 8 }).totalBytes).toBeGreaterThan(busy.totalBytes);
  });

  it('should refuse more workers than the machine has memory for, naming --workers', () => {
    const issues = checkBenchLimits({ devices: 1_000_000, artifacts: 2_000_000, workers: 32 }, BUDGET);
    expect(issues.map((issue) => issue.path[0])).toEqual(['--workers']);
    expect(issues[0]?.message).toMatch(
      /^--workers 32 with --devices 1,000,000 needs about [\d.]+ GiB of memory \(33 copies of the fleet\); this machine has 24\.0 GiB/,
    );
  });

  it('should exit 2 at once for --devices 10M --artifacts 20, with one line on stderr and nothing measured', async () => {
    const result = await bench('--devices', '10M', '--artifacts', '20');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^edrsim bench: --devices 10,000,000 needs about .* GiB of heap.*\n {2}hint: .*\n$/);
  });

  it.each([
    ['--devices', 'abc'],
    ['--devices', '-1'],
    ['--devices', '1e999'],
    ['--devices', '0'],
    ['--artifacts', '1.5'],
    ['--artifacts', '1000M'],
    ['--exclusions', '100001'],
    ['--indicators', '15001'],
    ['--workers', '1'],
    ['--workers', '65'],
    ['--seed', '2147483648'],
    ['--seed', 'NaN'],
  ])('should exit 2 for %s %s, naming the option and its range', async (option, value) => {
    const result = await bench(option, value);
    expect(result.code).toBe(2);
    const limit = OPTION_LIMITS[option.slice(2) as keyof typeof OPTION_LIMITS];
    expect(result.stderr).toContain(
      `${option} must be a whole number from ${limit.min.toLocaleString('en-US')} to ${limit.max.toLocaleString('en-US')}`,
    );
  });

  it('should document every limit in --help', async () => {
    const help = (await bench('--help')).stdout;
    for (const [name, limit] of Object.entries(OPTION_LIMITS))
      expect(help).toContain(`--${name} ${limit.min.toLocaleString('en-US')}–${limit.max.toLocaleString('en-US')}`);
    expect(help).toMatch(/heap/);
  });
});
