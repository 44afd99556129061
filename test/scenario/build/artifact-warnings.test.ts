/** artifactWarnings: a trigger that cannot meet the artifact's kind loads with a warning and a fix hint. */
import { describe, expect, it } from 'vitest';
import { artifactWarnings } from '../../../engine/scenario/build/artifact-warnings.ts';
import { loaded, MINIMAL, yaml } from '../scenario-text.ts';

describe('artifactWarnings', () => {
  it.each([
    [
      'a file seen by behaviour monitoring, which watches only what runs (§4.2 BM)',
      { kind: 'file', trigger: 'behavior' },
      'kind_trigger',
    ],
    ['a file that defaults to kind file, with trigger behavior', { trigger: 'behavior' }, 'kind_trigger'],
    [
      'a behaviour met on access, where a file is opened, not watched',
      { kind: 'behavior', trigger: 'on-access' },
      'kind_trigger',
    ],
    ['a behaviour met in a scan, which reads files at rest', { kind: 'behavior', trigger: 'scheduled-scan' }, 'kind_trigger'],
  ] as const)('should warn about %s', (_title, artifact, code) => {
    expect(
      artifactWarnings(artifact, ['timeline', 0, 'artifact']).map((warning) => [warning.code, warning.severity, warning.path]),
    ).toEqual([[code, 'warning', ['timeline', 0, 'artifact', 'trigger']]]);
  });

  it.each([
    ['a file on access', { kind: 'file', trigger: 'on-access' }],
    ['a file in a scan', { kind: 'file', trigger: 'on-demand-scan' }],
    ['a file with the default trigger', { kind: 'file' }],
    ['a running process seen by behaviour monitoring', { kind: 'process', trigger: 'behavior' }],
    ['a process started (on access)', { kind: 'process', trigger: 'on-access' }],
    ['a behaviour with the default trigger', { kind: 'behavior' }],
  ] as const)('should not warn about %s', (_title, artifact) => {
    expect(artifactWarnings(artifact, ['timeline', 0, 'artifact'])).toEqual([]);
  });

  it('should place the warning at the trigger, with a fix hint, and still load', () => {
    const scenario = loaded(
      yaml(MINIMAL, 'timeline:', "  - { at: 0m, artifact: { id: a1, device: ws-01, path: 'C:\\x.exe', trigger: behavior } }"),
    );
    expect(scenario.warnings.map((warning) => `${warning.line}:${warning.column} ${warning.message} | ${warning.hint}`))
      .toMatchInlineSnapshot(`
      [
        "7:77 trigger behavior cannot meet a file: behaviour monitoring sees only what already runs (§4.2 ScanTrigger) | write kind: process for a file that runs (behaviour monitoring stops the running process), or trigger: on-access for a file being written, opened or started",
      ]
    `);
  });
});
