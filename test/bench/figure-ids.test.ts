import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BenchDocSchema } from '../../bench/bench-doc-schema.ts';
import { figuresOf, median, summarise, type Figure } from '../../bench/figure-ids.ts';

const OLD = BenchDocSchema.parse(JSON.parse(readFileSync(new URL('./fixtures/default-run.json', import.meta.url), 'utf8')));

const fig = (id: string, value: number): Figure => ({ id, label: id, unit: 'ns', better: 'lower', value });

describe('figure ids', () => {
  it('should name every headline figure and curve point of a results file once, under its documented id', () => {
    const ids = figuresOf(OLD).map((figure) => figure.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 7)).toEqual([
      'pipeline.p',
      'generator.g',
      'loop.l',
      'rx.d',
      'ratio.p-over-g',
      'ratio.d-over-l',
      'pipeline.beyond-g',
    ]);
    for (const id of [
      'latency.p50',
      'fleet.1000',
      'fleet.1000000',
      'fleet.1000000.context',
      'fleet.flatness',
      'exclusions.realistic.10000',
      'exclusions.adversarial.10',
      'indicators.15000',
      'stream.10000000',
      'stream.10000000.rss',
      'matcher.realistic-hot-set.100',
      'workers.1',
      'workers.2',
      'workers.speedup',
    ]) {
      expect(ids).toContain(id);
    }
    // A file from before issue 13 has neither figure: they are absent, not zero.
    expect(ids).not.toContain('reasons.ratio');
    expect(ids).not.toContain('json.mb-per-s');
    expect(ids).not.toContain('air.ratio');
  });

  it("should name the workers' first-pass speed-up only in a file that measured it (runs from 2026-12-06 on)", () => {
    expect(figuresOf(OLD).map((figure) => figure.id)).not.toContain('workers.first-pass.speedup');
    const workers = { ...OLD.workers!, firstPassSpeedup: 1.25 };
    const figure = figuresOf({ ...OLD, workers }).find((f) => f.id === 'workers.first-pass.speedup');
    expect(figure).toMatchObject({ unit: '×', better: 'higher', value: 1.25 });
  });

  it("should name the workers' median over adjacent pairs only in a file that measured it (eleventh pass on)", () => {
    expect(figuresOf(OLD).map((figure) => figure.id)).not.toContain('workers.paired.speedup');
    const workers = { ...OLD.workers!, pairedSpeedup: 1.75 };
    const figure = figuresOf({ ...OLD, workers }).find((f) => f.id === 'workers.paired.speedup');
    expect(figure).toMatchObject({ unit: '×', better: 'higher', value: 1.75 });
  });

  it("should name each worker count's competition (other threads' CPU, time waited) only in a file that measured it (fifteenth pass on)", () => {
    const ids = (doc: typeof OLD) => figuresOf(doc).map((figure) => figure.id);
    expect(ids(OLD).filter((id) => id.endsWith('.other-threads') || id.endsWith('.waited'))).toEqual([]);
    const runs = OLD.workers!.runs.map((run) => ({ ...run, otherThreadsMs: 10 * run.workers, waitedMs: 3 * run.workers }));
    const figures = figuresOf({ ...OLD, workers: { ...OLD.workers!, runs } });
    expect(figures.find((f) => f.id === 'workers.2.other-threads')).toMatchObject({ unit: 'ms', better: 'lower', value: 20 });
    expect(figures.find((f) => f.id === 'workers.2.waited')).toMatchObject({ unit: 'ms', better: 'lower', value: 6 });
    expect(figures.find((f) => f.id === 'workers.1.waited')?.value).toBe(3);
    // And a results file carrying them still validates (`--compare` reads it).
    expect(BenchDocSchema.safeParse({ ...OLD, workers: { ...OLD.workers!, runs } }).success).toBe(true);
    expect(
      BenchDocSchema.safeParse({ ...OLD, workers: { ...OLD.workers!, runs: [{ ...runs[0]!, waitedMs: 'x' }] } }).success,
    ).toBe(false);
  });

  it('should name a fleet curve run at 10 artifacts per device fleet10, so it is never compared with the older 2-per-device curve', () => {
    const points = (perDevice: number) =>
      [1_000, 1_000_000].map((x) => ({ x, artifacts: Math.max(150_000, perDevice * x), nsPerArtifact: 1_000, relative: 1 }));
    const idsOf = (perDevice: number) =>
      figuresOf({ ...OLD, curves: { ...OLD.curves, fleet: points(perDevice) } })
        .map((figure) => figure.id)
        .filter((id) => id.startsWith('fleet'));
    expect(idsOf(10)).toEqual(['fleet10.1000', 'fleet10.1000000', 'fleet10.flatness']);
    expect(idsOf(2)).toEqual(['fleet.1000', 'fleet.1000000', 'fleet.flatness']);
  });

  it("should derive P's cost beyond G from an old file's P and G", () => {
    const beyond = figuresOf(OLD).find((figure) => figure.id === 'pipeline.beyond-g');
    expect(beyond?.value).toBeCloseTo(OLD.figures.pipeline.nsPerArtifact - OLD.figures.generator.nsPerArtifact, 9);
  });

  it('should take the median of an odd count as its middle value and of an even count as the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('should summarise each id over the runs as min, median and max, in the first run order', () => {
    const summary = summarise([
      [fig('a', 3), fig('b', 10)],
      [fig('a', 1), fig('b', 30)],
      [fig('a', 2), fig('b', 20), fig('c', 5)],
    ]);
    expect(summary.map((m) => [m.id, m.min, m.median, m.max, m.values])).toEqual([
      ['a', 1, 2, 3, [3, 1, 2]],
      ['b', 10, 20, 30, [10, 30, 20]],
      ['c', 5, 5, 5, [5]],
    ]);
  });
});
