/** Limits of `edrsim bench`'s options, checked before anything runs: ranges, and the memory a shape needs. */
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { Issue } from '../engine/core/issue.ts';
import { TENANT_INDICATOR_LIMIT } from '../engine/policy/indicators/index.ts';
import { benchMode, benchSizes, FLEET_ARTIFACTS_PER_DEVICE, headlineShape, type BenchOptions } from './bench-sizes.ts';

/** The range of each count option, and why it stops there (shown in `--help`). */
export const OPTION_LIMITS = {
  devices: { min: 1, max: 10_000_000, why: 'and what the heap holds, below' },
  artifacts: { min: 1, max: 100_000_000, why: "the bench's longest stream (--full); each run streams them about 8 times" },
  exclusions: { min: 0, max: 100_000, why: '10× the largest curve point' },
  indicators: { min: 0, max: TENANT_INDICATOR_LIMIT, why: "the tenant's indicator limit" },
  workers: { min: 2, max: 64, why: 'and memory: each worker builds the whole fleet' },
  seed: { min: 0, max: 2 ** 31 - 1, why: 'a 31-bit seed' },
  count: { min: 1, max: 20, why: 'each repeat is a whole run: 20 default runs take well over an hour' },
} as const;

/**
 * Heap bytes a bench shape costs, measured on node v20 (2026-12-06) by the smallest `--max-old-space-size`
 * at which `edrsim bench --devices N --artifacts M` finishes: 400k idle devices fit in 256 MB, not 128 MB;
 * 400k devices that all receive artifacts in 1,024 MB, not 768 MB. Rounded up, so the check errs on the
 * safe side.
 */
export const MEMORY_COST = {
  /** Code, the warm-up, the 200k-artifact pool of L and D, the policy lists. */
  baseBytes: 160 * 2 ** 20,
  /** Every device: its `DeviceConfig` and fleet-model row. */
  perDevice: 700,
  /** More for each device that receives artifacts: its compiled context, generator stream and count row. */
  perActiveDevice: 1_600,
} as const;

/** What this process may use: V8's heap limit (one thread) and the machine's memory (all threads). */
export interface MemoryBudget {
  readonly heapBytes: number;
  readonly totalBytes: number;
}

/** The budget of this process: `v8.getHeapStatistics().heap_size_limit` and `os.totalmem()`. */
export function currentBudget(): MemoryBudget {
  return { heapBytes: getHeapStatistics().heap_size_limit, totalBytes: totalmem() };
}

/** Share of the machine's memory a run may plan for: the rest is the OS and everyone else's. */
const MACHINE_SHARE = 0.75;
/** Share of the heap limit a run may plan for: the collector needs headroom to work. */
const HEAP_SHARE = 0.9;

/**
 * The heap one thread needs for a shape, and the memory of the whole run with its worker threads (each
 * builds the whole fleet and compiles the devices of the slices it counts).
 *
 * @example
 * benchMemoryNeed({ devices: 10_000_000, artifacts: 20 }).heapBytes; // ≈ 7.2e9 (6.7 GiB)
 */
export function benchMemoryNeed(shape: { devices: number; artifacts: number; workers?: number }): {
  heapBytes: number;
  totalBytes: number;
} {
  const active = Math.min(shape.devices, shape.artifacts);
  const fleet = MEMORY_COST.baseBytes + MEMORY_COST.perDevice * shape.devices;
  const heapBytes = fleet + MEMORY_COST.perActiveDevice * active;
  // The main thread keeps its input while the workers run; the workers' active devices add up to `active`.
  const totalBytes =
    shape.workers === undefined ? heapBytes : (1 + shape.workers) * fleet + 2 * MEMORY_COST.perActiveDevice * active;
  return { heapBytes, totalBytes };
}

const gb = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
const n = (value: number): string => value.toLocaleString('en-US');

/**
 * Every limit the options break, as issues naming the option (empty when the run fits): the headline
 * shape and, outside the one-shape mode, the largest fleet-curve point must fit in the heap; the worker
 * comparison, with its copies of the fleet, in the machine's memory.
 *
 * @example
 * checkBenchLimits({ devices: 10_000_000, artifacts: 20 }, currentBudget())[0]?.path; // ['--devices']
 */
export function checkBenchLimits(options: BenchOptions, budget: MemoryBudget = currentBudget()): Issue[] {
  const mode = benchMode(options);
  const sizes = benchSizes(options);
  const shape = headlineShape(options, sizes);
  const heap = budget.heapBytes * HEAP_SHARE;
  const shapes = [
    shape,
    ...(mode === 'shape'
      ? []
      : sizes.fleet.map((devices) => ({ devices, artifacts: Math.max(sizes.curve, FLEET_ARTIFACTS_PER_DEVICE * devices) }))),
  ];
  for (const { devices, artifacts } of shapes) {
    const need = benchMemoryNeed({ devices, artifacts }).heapBytes;
    if (need <= heap) continue;
    // With fewer artifacts than devices, only `artifacts` devices are active whatever the fleet size.
    const room = heap - MEMORY_COST.baseBytes;
    const most = Math.max(
      0,
      Math.floor(
        artifacts >= devices
          ? room / (MEMORY_COST.perDevice + MEMORY_COST.perActiveDevice)
          : (room - MEMORY_COST.perActiveDevice * artifacts) / MEMORY_COST.perDevice,
      ),
    );
    return [
      {
        code: 'bench_too_large',
        path: ['--devices'],
        message: `--devices ${n(devices)} needs about ${gb(need)} of heap; this Node allows ${gb(budget.heapBytes)} (at most ${n(most)} devices at this shape)`,
        hint: 'use fewer devices, or give Node more heap: NODE_OPTIONS=--max-old-space-size=<MB>',
      },
    ];
  }
  const workers = Math.max(2, options.workers ?? 2);
  const needsWorkers = mode !== 'shape' || options.workers !== undefined;
  const total = benchMemoryNeed({ ...shape, workers }).totalBytes;
  if (needsWorkers && total > budget.totalBytes * MACHINE_SHARE) {
    return [
      {
        code: 'bench_too_large',
        path: ['--workers'],
        message:
          `--workers ${workers} with --devices ${n(shape.devices)} needs about ${gb(total)} of memory (${workers + 1} copies of the fleet); ` +
          `this machine has ${gb(budget.totalBytes)}, of which the bench plans for ${MACHINE_SHARE * 100} %`,
        hint: 'use fewer workers or fewer devices',
      },
    ];
  }
  return [];
}
