/** runSimulation's end-of-run records, here the §3.10 recommendation read under the scenario's settings. */
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../engine/core/issue.ts';
import { runSimulation } from '../../engine/pipeline/run-simulation.ts';
import { loadScenario } from '../../engine/scenario/index.ts';

const fleet = (settings: string): string =>
  `name: r\n${settings}devices:\n  - { name: active-01, os: windows-11 }\n  - { name: passive-01, os: windows-11, primaryAv: non-microsoft }\n`;

function recommended(text: string): string[] {
  const loaded = loadScenario(text, 'r.yaml');
  if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
  return runSimulation(loaded.value).recommendations.map((recommendation) => recommendation.device);
}

describe('runSimulation recommendations', () => {
  it('should recommend turning block mode on for passive devices only, by default (§3.9 2025-05, §3.10)', () => {
    expect(recommended(fleet(''))).toEqual(['passive-01']);
  });

  it('should recommend it for every running device with settings.blockModeRecommendation all-running', () => {
    expect(recommended(fleet('settings: { blockModeRecommendation: all-running }\n'))).toEqual(['active-01', 'passive-01']);
  });
});
