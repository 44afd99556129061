/** The report of one scenario run: the run's summary, what was expected of it, where it came from, and how to stream its records again. */
import type { RunSinks, RunSummary } from '../pipeline/run-simulation.ts';
import type { Verdict } from '../pipeline/verdict.ts';

/** Where a renderer writes its output, chunk by chunk, in order (stdout, a file, a test's buffer). */
export type Write = (chunk: string) => void;

/** The result of one `expect` entry. */
export interface ExpectationResult {
  /** The expectation's stable name (`name:`, else what it asserts): the same whether it passes or fails; the JUnit test case name. */
  readonly name: string;
  readonly passed: boolean;
  /** One line: what was expected and, when it failed, what happened instead. */
  readonly message: string;
  /** Why it happened: the verdict's reasons or the device's, rendered for a failed expectation. */
  readonly details?: readonly string[];
  readonly cite?: string;
  /** The expectation's kind (`artifact`, `device`, `actionCenter`, …) and its index in `expect`. */
  readonly kind: string;
  readonly index: number;
  /** Where the expectation is written in the scenario file (1-based), when the loader placed it. */
  readonly line?: number;
  readonly column?: number;
}

/**
 * A scenario's report. It holds no per-artifact records, so its size does not grow with the run:
 * renderers that list verdicts, alerts or Action Center entries call `replay`, which runs the scenario
 * again and streams the very same records (a run is a pure function of scenario and seed).
 */
export interface ScenarioReport {
  readonly name: string;
  readonly file: string;
  readonly seed: number;
  /** Absolute UTC ms of offset 0 (the scenario's `start`). */
  readonly startMs: number;
  readonly passed: boolean;
  readonly run: RunSummary;
  /** The first verdict of each artifact that an `artifact` expectation names (the only verdicts kept). */
  readonly namedVerdicts: ReadonlyMap<string, Verdict>;
  readonly expectations: readonly ExpectationResult[];
  /** Runs the scenario again, handing each record to `sinks` in time order. */
  readonly replay: (sinks: RunSinks) => void;
}
