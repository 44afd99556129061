// The start-up figures of the installed package: schema, stable ids and the two goals of issue 14.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BenchDocSchema } from '../../bench/bench-doc-schema.ts';
import { checkGoals } from '../../bench/bench-result.ts';
import { figuresOf } from '../../bench/figure-ids.ts';
import { startupGoals, type StartupFigures } from '../../bench/startup-figures.ts';

const RUN = JSON.parse(readFileSync(new URL('./fixtures/default-run.json', import.meta.url), 'utf8')) as {
  figures: Record<string, unknown>;
};
const startup = (versionRatio: number, validateRatio: number): StartupFigures => ({
  nodeMs: 40,
  versionMs: 40 * versionRatio,
  validateMs: 40 * validateRatio,
  versionRatio,
  validateRatio,
});

describe('start-up figures', () => {
  it('should read a results file with start-up figures and list them under their stable ids', () => {
    const doc = BenchDocSchema.parse({ ...RUN, figures: { ...RUN.figures, startup: startup(1.5, 6) } });
    const figures = figuresOf(doc).filter((figure) => figure.id.startsWith('startup.'));
    expect(figures.map((figure) => [figure.id, figure.value])).toEqual([
      ['startup.node', 40],
      ['startup.version', 60],
      ['startup.validate', 240],
      ['startup.version.ratio', 1.5],
      ['startup.validate.ratio', 6],
    ]);
  });

  it('should read an older results file without them', () => {
    const doc = BenchDocSchema.parse(RUN);
    expect(figuresOf(doc).some((figure) => figure.id.startsWith('startup.'))).toBe(false);
  });

  it('should hold --version to 3x and validate to 8x node -e 0, the bounds included', () => {
    const met = (s: StartupFigures): boolean[] => startupGoals(s).map((goal) => goal.met);
    expect(met(startup(3, 8))).toEqual([true, true]);
    expect(met(startup(3.01, 8.01))).toEqual([false, false]);
    expect(startupGoals(startup(1, 1)).map((goal) => goal.id)).toEqual(['startup-version', 'startup-validate']);
  });

  it('should add the start-up goals to the bench goals when the figures are there', () => {
    type Figures = Parameters<typeof checkGoals>[0];
    const noCurves = { fleet: [], exclusionsRealistic: [], exclusionsAdversarial: [], indicators: [], stream: [] };
    const ids = (figures: Figures): string[] => checkGoals(figures, noCurves).map((goal) => goal.id);
    const figures = RUN.figures as unknown as Figures;
    expect(ids({ ...figures, startup: startup(2, 9) })).toEqual(expect.arrayContaining(['startup-version', 'startup-validate']));
    expect(ids(figures)).not.toContain('startup-version');
  });
});
