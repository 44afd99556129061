/** Law: every artifact in gets exactly one verdict out, written in the timeline or generated, whatever the generator's window. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../engine/core/issue.ts';
import { runSimulation } from '../../engine/pipeline/run-simulation.ts';
import { loadScenario } from '../../engine/scenario/index.ts';

/** One `generate:` entry as YAML flow text; `window` absent means the schema default. */
const generator = fc.record(
  {
    at: fc.integer({ min: 0, max: 120 }),
    count: fc.integer({ min: 0, max: 20 }),
    window: fc.option(fc.constantFrom('0s', '0', '1s', '90s', '1h', '00:00:00'), { nil: undefined }),
    devices: fc.constantFrom('all', '[ws-01]', '[ws-02, ws-01]'),
  },
  { requiredKeys: ['at', 'count', 'devices'] },
);

const written = fc.record({
  at: fc.integer({ min: 0, max: 120 }),
  device: fc.constantFrom('ws-01', 'ws-02'),
  trigger: fc.constantFrom('on-access', 'scheduled-scan'),
});

type Generator = { at: number; count: number; window?: string; devices: string };

function scenarioText(
  generators: readonly Generator[],
  artifacts: readonly { at: number; device: string; trigger: string }[],
): string {
  const lines = [
    'name: law',
    'devices:',
    '  - { name: ws-01, os: windows-11 }',
    '  - { name: ws-02, os: windows-10, primaryAv: non-microsoft }',
    'timeline:',
  ];
  generators.forEach((g) => {
    const window = g.window === undefined ? '' : `, window: ${g.window}`;
    lines.push(`  - { at: ${g.at}m, generate: { count: ${g.count}, devices: ${g.devices}${window} } }`);
  });
  artifacts.forEach((a, i) =>
    lines.push(
      `  - { at: ${a.at}m, artifact: { id: a${i}, device: ${a.device}, path: 'C:\\x${i}.exe', trigger: ${a.trigger} } }`,
    ),
  );
  if (generators.length + artifacts.length === 0) lines[lines.length - 1] = 'timeline: []';
  return `${lines.join('\n')}\n`;
}

describe('verdict count law', () => {
  it('should give one verdict per timeline artifact plus every generator count, for any valid generate spec', () => {
    fc.assert(
      fc.property(fc.array(generator, { maxLength: 3 }), fc.array(written, { maxLength: 4 }), (generators, artifacts) => {
        const loaded = loadScenario(scenarioText(generators, artifacts), 'law.yaml');
        if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
        const expected = artifacts.length + generators.reduce((sum, g) => sum + g.count, 0);
        expect(runSimulation(loaded.value).verdicts).toHaveLength(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('should generate every artifact of a generator with the default window at its `at` (kept example)', () => {
    const loaded = loadScenario(
      'name: d\ndevices: [{ name: ws-01, os: windows-11 }]\ntimeline: [{ at: 0m, generate: { count: 2000 } }]\n',
      'd.yaml',
    );
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    const verdicts = runSimulation(loaded.value).verdicts;
    expect(verdicts).toHaveLength(2000);
    expect(new Set(verdicts.map((verdict) => verdict.at))).toEqual(new Set([0]));
  });

  it('should refuse at load, placed in the file, a spec the generator would refuse: one set of rules', () => {
    const loaded = loadScenario(
      'name: d\ndevices: [{ name: ws-01, os: windows-11 }]\ntimeline: [{ at: 0m, generate: { count: -3 } }]\n',
      'd.yaml',
    );
    expect(loaded.ok ? [] : loaded.issues.map((issue) => `${issue.line}:${issue.column} ${issue.code}`)).toEqual([
      '3:41 bad_count',
    ]);
  });
});
