// T71–T88 end to end (issue 17): each reference case is a small scenario, loaded with the policy grammars and run as
// `edrsim run` runs a file (loadScenario with POLICY_LOAD_OPTIONS, then runScenario). The `expect` entries that pin
// the case must hold, and the same facts turned wrong must fail, so no pin can pass by accident. The model-level
// tables (test/model/) pin the rules; these pin what a scenario author sees.
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../engine/core/issue.ts';
import { POLICY_LOAD_OPTIONS, runScenario } from '../../engine/run-scenario.ts';
import { loadScenario } from '../../engine/scenario/index.ts';
import { caseText, type AirCase } from './air-case-yaml.ts';
import { INVESTIGATION_CASES } from './air-cases-investigation.ts';
import { RESPONSE_CASES } from './air-cases-response.ts';

const CASES: readonly AirCase[] = [...INVESTIGATION_CASES, ...RESPONSE_CASES];

/** Loads and runs a case; the expectations' messages, split into the pins' and the opposites'. */
function run(one: AirCase) {
  const loaded = loadScenario(caseText(one), `${one.id}.yaml`, POLICY_LOAD_OPTIONS);
  if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
  const results = runScenario(loaded.value).expectations;
  const lines = (from: number, to: number, passed: boolean) =>
    results.slice(from, to).map((result) => `${passed === result.passed ? 'ok' : 'WRONG'}: ${result.message}`);
  return {
    count: results.length,
    pins: lines(0, one.pins.length, true),
    opposites: lines(one.pins.length, results.length, false),
  };
}

describe('Action Center and AIR, T71–T88, through the scenario format and the run', () => {
  it('should cover every reference case of §8.6', () => {
    const ids = CASES.map((one) => one.id);
    const wanted = Array.from({ length: 18 }, (_, i) => `T${71 + i}`);
    expect(wanted.filter((id) => !ids.includes(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(CASES.map((one) => [`${one.id}: ${one.title}`, one] as const))('%s', (_title, one) => {
    const result = run(one);
    expect(result.count).toBe(one.pins.length + one.opposites.length);
    // Every line reads `ok`: the pins held and each opposite failed.
    expect(result.pins.filter((line) => !line.startsWith('ok'))).toEqual([]);
    expect(result.opposites.filter((line) => !line.startsWith('ok'))).toEqual([]);
  });
});
