import { describe, expect, it } from 'vitest';
import { parseIndicators } from '../../engine/policy/indicators/index.ts';
import { loadScenario } from '../../engine/scenario/index.ts';

// The loader with only the indicator validator wired, as the CLI wires it.
const options = {
  validateIndicators: (raw: unknown, path: readonly (string | number)[]) => parseIndicators(raw, { path: [...path] }).issues,
};

const scenario = (action: string): string => `name: legacy
indicators:
  - type: FileSha256
    value: '091b572abf984382a95b9455e407f284e24bfb616890abc3fcdb2be68813f39d'
    action: ${action}
devices:
  - { name: ws-01, os: windows-11 }
`;

describe('a scenario indicator with a legacy action (§5.1)', () => {
  it('should load, with one legacy_action warning at the action, its line and the current name as the fix', () => {
    const loaded = loadScenario(scenario('AlertAndBlock'), 'legacy.yaml', options);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    expect(loaded.value.warnings.map((issue) => [issue.code, issue.path, issue.line, issue.hint])).toEqual([
      ['legacy_action', ['indicators', 0, 'action'], 5, 'write BlockAndRemediate'],
    ]);
  });

  it('should load a current action without a warning', () => {
    const loaded = loadScenario(scenario('BlockAndRemediate'), 'current.yaml', options);
    expect(loaded.ok && loaded.value.warnings).toEqual([]);
  });
});
