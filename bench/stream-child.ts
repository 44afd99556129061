/** Child-process entry for the stream-length curve: one run per process, so its peak RSS is its own. */
import { benchInput, type BenchShape } from './bench-shape.ts';
import { peakRssMb } from './measure.ts';
import { measurePipeline, withArtifacts } from './stream-stage.ts';

/** What the child reports over IPC. */
export interface StreamChildResult {
  readonly artifacts: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** RSS after the input was built and a 50,000-artifact warm-up: the loader, the engine and the fleet. */
  readonly baseRssMb: number;
  /** The process's own peak RSS after the run (`peakRssMb`), the run included. */
  readonly peakRssMb: number;
}

const shape = JSON.parse(process.argv[2] ?? 'null') as BenchShape | null;
if (shape !== null && process.send !== undefined) {
  const input = benchInput(shape);
  // A fresh process runs cold: warm the JIT first so short and long streams are compared fairly.
  measurePipeline(withArtifacts(input, Math.min(50_000, shape.artifacts)));
  const baseRssMb = process.memoryUsage().rss / 1024 / 1024;
  const { counts, timing } = measurePipeline(input);
  const result: StreamChildResult = {
    artifacts: counts.artifacts,
    wallMs: timing.wallMs,
    cpuMs: timing.cpuMs,
    baseRssMb,
    peakRssMb: peakRssMb(),
  };
  process.send(result, () => process.exit(0));
}
