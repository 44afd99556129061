/** Runs a diffed scenario under one policy on the engine's own path, and replays chosen artifacts alone. */
import type { Artifact } from '../core/artifact.ts';
import type { SimulationInput, TimelineEvent } from '../core/simulation-input.ts';
import type { MdavMode } from '../core/vocabulary.ts';
import { CompactVerdict } from '../pipeline/compact-verdict.ts';
import { isVerdict, simulate$ } from '../pipeline/simulate.ts';
import type { Verdict } from '../pipeline/verdict.ts';

/** One decided artifact as the diff sees it: its position in the run's output, its artifact and verdict. */
export interface Decided {
  /** Index in the run's output (verdicts and change records), which orders a replay's timeline. */
  readonly seq: number;
  readonly artifact: Artifact;
  readonly verdict: Verdict;
  /** Defender Antivirus mode on the device when it was decided. */
  readonly mode: MdavMode | undefined;
}

/**
 * Streams the run of `input`, handing each verdict to `each` with its output position; returns the
 * timeline changes with their positions, for {@link replayArtifacts}. Verdicts stay compact (no reasons).
 */
export function streamDecided(input: SimulationInput, each: (decided: Decided) => void): TimelineEvent[] {
  const changes = input.timeline.filter((event) => event.kind === 'change');
  const placed: TimelineEvent[] = [];
  let seq = 0;
  simulate$(input).subscribe((output) => {
    if (isVerdict(output)) {
      const source = output instanceof CompactVerdict ? output.source : undefined;
      if (source === undefined) throw new Error('diff: the pipeline gave a verdict without its artifact');
      each({ seq, artifact: source, verdict: output, mode: output instanceof CompactVerdict ? output.ctx.mode : undefined });
    } else {
      const change = changes[placed.length];
      if (change !== undefined) placed.push({ ...change, order: seq });
    }
    seq++;
  });
  return placed;
}

/**
 * The verdicts of `artifacts` alone under `input`'s fleet and policy, with the run's timeline changes at
 * their places (`changes` from {@link streamDecided}, `seqs` the artifacts' positions): the model reaches
 * each artifact in the state the full run had, and no other artifact is decided.
 *
 * @example
 * replayArtifacts(withChange, changes, flips.map((f) => f.artifact), flips.map((f) => f.seq));
 */
export function replayArtifacts(
  input: SimulationInput,
  changes: readonly TimelineEvent[],
  artifacts: readonly Artifact[],
  seqs: readonly number[],
): Verdict[] {
  const timeline: TimelineEvent[] = changes.slice();
  artifacts.forEach((artifact, i) => timeline.push({ kind: 'artifact', at: artifact.at, order: seqs[i]!, artifact }));
  timeline.sort((a, b) => a.at - b.at || a.order - b.order);
  const verdicts: Verdict[] = [];
  simulate$({ ...input, timeline }).subscribe((output) => {
    if (isVerdict(output)) verdicts.push(output);
  });
  return verdicts;
}
