// Both Defender-shaped formats over the whole scenario library: every record has exactly its documented keys, nothing is dropped.
import { describe, expect, it } from 'vitest';
import { collectScenarioFiles } from '../../engine/cli/collect-files.ts';
import { runScenarioFile } from '../../engine/run-scenario.ts';
import { renderApi } from '../../engine/report/api-report.ts';
import { renderHunting } from '../../engine/report/hunting-report.ts';
import type { ScenarioReport } from '../../engine/report/scenario-report.ts';
import {
  ALERT_EVIDENCE_COLUMNS,
  ALERT_FIELDS,
  ALERT_INFO_COLUMNS,
  DEVICE_EVENTS_COLUMNS,
  EVIDENCE_FIELDS,
} from './defender-record-fields.ts';

const root = new URL('../../', import.meta.url).pathname;
// Every library scenario but the day-long 1,000-device fleet: 10-scale/02 runs the same generator (3,000 artifacts,
// 161 alerts), and each replay of 10-scale/01 costs half a second per table; bench/ measures the formats at scale.
const files = collectScenarioFiles(['scenarios'], root).files.filter((file) => !file.includes('10-scale/01-'));
const reports: ScenarioReport[] = files.map((file) => {
  const loaded = runScenarioFile(`${root}${file}`);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.issues[0]?.message}`);
  return { ...loaded.value, file };
});
const alerts = reports.reduce((sum, report) => sum + report.run.counts.alerts, 0);

// Key lists compared once per distinct list, so a library of ~10^4 records costs a few set lookups each.
function distinctKeys(records: Iterable<object>): string[][] {
  const seen = new Map<string, string[]>();
  for (const record of records) seen.set(Object.keys(record).join(','), Object.keys(record));
  return [...seen.values()];
}

describe('--format api over the scenario library', () => {
  it('should list every alert of every scenario, each with exactly the Alert fields and its evidence with the evidence fields', () => {
    const chunks: string[] = [];
    renderApi(reports, (chunk) => void chunks.push(chunk));
    const doc = JSON.parse(chunks.join('')) as { scenarios: { alerts: { evidence: object[] }[] }[] };
    expect(doc.scenarios.length).toBe(reports.length);
    const all = doc.scenarios.flatMap((scenario) => scenario.alerts);
    expect(alerts).toBeGreaterThan(100);
    expect(all.length).toBe(alerts);
    expect(distinctKeys(all)).toEqual([ALERT_FIELDS]);
    expect(distinctKeys(all.flatMap((alert) => alert.evidence))).toEqual([EVIDENCE_FIELDS]);
    // Ids never repeat in a document, across scenarios included.
    expect(new Set(all.map((alert) => (alert as unknown as { id: string }).id)).size).toBe(all.length);
  });
});

describe('--format hunting over the scenario library', () => {
  const table = (name: 'DeviceEvents' | 'AlertInfo' | 'AlertEvidence') => {
    const chunks: string[] = [];
    renderHunting(name, reports, (chunk) => void chunks.push(chunk));
    const text = chunks.join('');
    return text === ''
      ? []
      : text
          .slice(0, -1)
          .split('\n')
          .map((line) => JSON.parse(line) as object);
  };

  it("should write one AlertInfo and one AlertEvidence row per alert, and DeviceEvents rows with the table's columns", () => {
    const info = table('AlertInfo');
    const evidence = table('AlertEvidence');
    const events = table('DeviceEvents');
    expect(info.length).toBe(alerts);
    expect(evidence.length).toBe(alerts);
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(alerts);
    expect(distinctKeys(info)).toEqual([ALERT_INFO_COLUMNS]);
    expect(distinctKeys(evidence)).toEqual([ALERT_EVIDENCE_COLUMNS]);
    expect(distinctKeys(events)).toEqual([DEVICE_EVENTS_COLUMNS]);
  });
});
