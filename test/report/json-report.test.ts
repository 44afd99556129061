// The streamed `--format json` against the old whole-string renderer (kept in test/ as the oracle): same bytes.
import { describe, expect, it } from 'vitest';
import { collectScenarioFiles } from '../../engine/cli/collect-files.ts';
import { loadScenarioFile, runScenario } from '../../engine/run-scenario.ts';
import type { Artifact } from '../../engine/core/artifact.ts';
import type { Issue } from '../../engine/core/issue.ts';
import { runSimulation, streamSimulation } from '../../engine/pipeline/run-simulation.ts';
import { renderJson } from '../../engine/report/json-report.ts';
import type { ScenarioReport } from '../../engine/report/scenario-report.ts';
import type { Scenario } from '../../engine/scenario/index.ts';
import { renderWholeJson } from './whole-json.oracle.ts';

const root = new URL('../../', import.meta.url).pathname;
// The library, and the CLI fixtures that pass the loader (records.yaml has every record kind, fail.yaml fails).
const { files } = collectScenarioFiles(['scenarios', 'test/cli/fixtures'], root);

function load(file: string, overrides: readonly string[] = []): Scenario | undefined {
  const loaded = loadScenarioFile(`${root}${file}`, overrides);
  return loaded.ok ? { ...loaded.value, file } : undefined;
}

function streamed(reports: readonly ScenarioReport[], errors: readonly Issue[] = []): { text: string; chunks: number } {
  const chunks: string[] = [];
  renderJson(reports, (chunk) => void chunks.push(chunk), errors);
  return { text: chunks.join(''), chunks: chunks.length };
}

const whole = (scenarios: readonly Scenario[], reports: readonly ScenarioReport[], errors: readonly Issue[] = []) =>
  renderWholeJson(
    reports.map((report, i) => ({
      ...report,
      // runSimulation keeps every record but not the AIR answers; the report's summary has them.
      run: { ...runSimulation(scenarios[i]!), ...(report.run.air === undefined ? {} : { air: report.run.air }) },
      artifacts: artifactsOf(scenarios[i]!),
    })),
    errors,
  );

// The artifacts in verdict order, from a run of their own (generated ones exist only in a run).
function artifactsOf(scenario: Scenario): Artifact[] {
  const artifacts: Artifact[] = [];
  streamSimulation(scenario, { verdict: (_, artifact) => void artifacts.push(artifact) });
  return artifacts;
}

const scenarios = files.map((file) => load(file)).filter((scenario) => scenario !== undefined);
const ERRORS: Issue[] = [
  { code: 'unknown_key', path: ['tenant', 'x'], message: 'unknown key "x"', file: 'a.yaml', line: 3, column: 5, hint: 'drop it' },
  { code: 'no_scenarios', path: [], message: 'no scenario files found in b' },
  { code: 'bad', path: ['expect', 0], message: 'quote "\u001b[2J" and \u202e', file: 'a.yaml' },
];

describe('renderJson', () => {
  it('should find the library and the fixtures', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(35);
  });

  // One document for all, so that the per-scenario objects, the array between them and `errors[]` are all
  // compared; a difference names its scenario in the diff.
  it('should write, for every library scenario and fixture, the same bytes as the whole-string renderer', () => {
    const reports = scenarios.map(runScenario);
    const { text, chunks } = streamed(reports, ERRORS);
    expect(text).toBe(whole(scenarios, reports, ERRORS));
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['scenarios', 'summary', 'errors']);
    // Streamed: at least one chunk per verdict, never the document in one piece.
    expect(chunks).toBeGreaterThan(reports.reduce((sum, report) => sum + report.run.counts.artifacts, 0));
  });

  // With block mode off, remediations turn into alerts: other records, other ids, other expectations.
  it('should write the same bytes for a what-if run of each small scenario (--set tenant.edrBlockMode=false)', () => {
    const small = scenarios.filter((scenario) => !scenario.file.startsWith('scenarios/10-scale'));
    const what = small.map((scenario) => load(scenario.file, ['tenant.edrBlockMode=false']) ?? scenario);
    const reports = what.map(runScenario);
    expect(streamed(reports).text).toBe(whole(what, reports));
  });

  it('should write an empty document the way JSON.stringify does', () => {
    expect(streamed([]).text).toBe(renderWholeJson([]));
    expect(streamed([], ERRORS).text).toBe(renderWholeJson([], ERRORS));
  });
});
