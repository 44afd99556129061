/** The report of one scenario run: the run's records, what was expected of it, and where it came from. */
import type { RunResult } from '../pipeline/run-simulation.ts';

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
}

export interface ScenarioReport {
  readonly name: string;
  readonly file: string;
  readonly seed: number;
  /** Absolute UTC ms of offset 0 (the scenario's `start`). */
  readonly startMs: number;
  readonly passed: boolean;
  readonly run: RunResult;
  readonly expectations: readonly ExpectationResult[];
}
