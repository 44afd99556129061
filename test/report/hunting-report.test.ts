// `--format hunting`: JSON Lines per advanced hunting table, with exactly the schema pages' columns.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectScenarioFiles } from '../../engine/cli/collect-files.ts';
import { resolveCite } from '../../engine/core/cite/resolve-cite.ts';
import { runScenarioFile } from '../../engine/run-scenario.ts';
import { renderApi } from '../../engine/report/api-report.ts';
import { HUNTING_TABLES, type HuntingTable } from '../../engine/report/hunting-columns.ts';
import { renderHunting } from '../../engine/report/hunting-report.ts';
import type { ScenarioReport } from '../../engine/report/scenario-report.ts';
import { ALERT_EVIDENCE_COLUMNS, ALERT_INFO_COLUMNS, DEVICE_EVENTS_COLUMNS } from './defender-record-fields.ts';

const root = new URL('../../', import.meta.url).pathname;

function report(file: string): ScenarioReport {
  const loaded = runScenarioFile(`${root}${file}`);
  if (!loaded.ok) throw new Error(loaded.issues.map((issue) => issue.message).join('\n'));
  return { ...loaded.value, file };
}

function rows(table: HuntingTable, reports: readonly ScenarioReport[]): Record<string, unknown>[] {
  const chunks: string[] = [];
  renderHunting(table, reports, (chunk) => void chunks.push(chunk));
  const text = chunks.join('');
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text === ''
    ? []
    : text
        .slice(0, -1)
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const additional = (row: Record<string, unknown>) => JSON.parse(row['AdditionalFields'] as string) as Record<string, unknown>;

// Prevented by MDAV, blocked by MDAV while running, blocked by EDR in block mode, detected only (passive).
const STATUSES = report('scenarios/09-recording/02-blocked-prevented-detected.yaml');
// A file Block indicator: an alert, no Action Center entry (§5.5).
const INDICATOR = report('scenarios/08-indicators/03-block-indicator-no-action-center.yaml');

describe('the hunting tables', () => {
  it('should declare exactly the columns of the DeviceEvents, AlertInfo and AlertEvidence pages, in order', () => {
    expect(Object.keys(HUNTING_TABLES)).toEqual(['DeviceEvents', 'AlertInfo', 'AlertEvidence']);
    expect([...HUNTING_TABLES.DeviceEvents]).toEqual(DEVICE_EVENTS_COLUMNS);
    expect([...HUNTING_TABLES.AlertInfo]).toEqual(ALERT_INFO_COLUMNS);
    expect([...HUNTING_TABLES.AlertEvidence]).toEqual(ALERT_EVIDENCE_COLUMNS);
  });

  it("should write rows with exactly their table's columns, one JSON object per line", () => {
    const expected = {
      DeviceEvents: DEVICE_EVENTS_COLUMNS,
      AlertInfo: ALERT_INFO_COLUMNS,
      AlertEvidence: ALERT_EVIDENCE_COLUMNS,
    };
    for (const table of ['DeviceEvents', 'AlertInfo', 'AlertEvidence'] as const) {
      const written = rows(table, [STATUSES, INDICATOR]);
      expect(written.length).toBeGreaterThan(0);
      for (const row of written) expect(Object.keys(row)).toEqual(expected[table]);
    }
  });
});

describe('DeviceEvents', () => {
  it('should record each antivirus detection as AntivirusDetection, remediated unless it was only detected', () => {
    const events = rows('DeviceEvents', [STATUSES]).map((row) => [
      row['FileName'],
      row['ActionType'],
      additional(row),
      row['ReportId'],
    ]);
    expect(events).toEqual([
      [
        'Setup_Crack.exe',
        'AntivirusDetection',
        { ThreatName: 'Trojan:Win32/RedLine.RPX!MTB', WasExecutingWhileDetected: false, WasRemediated: true },
        1,
      ],
      [
        'lib32.dll',
        'AntivirusDetection',
        { ThreatName: 'Trojan:Win32/IcedId.PAA!MTB', WasExecutingWhileDetected: true, WasRemediated: true },
        2,
      ],
      [
        'dsupd.exe',
        'AntivirusDetection',
        { ThreatName: 'Behavior:Win32/DefenseEvasion.A!ml', WasExecutingWhileDetected: true, WasRemediated: true },
        3,
      ],
      [
        'remcos.exe',
        'AntivirusDetection',
        { ThreatName: 'Backdoor:Win32/Remcos.GZZ!MTB', WasExecutingWhileDetected: false, WasRemediated: false },
        4,
      ],
    ]);
  });

  it('should record a file indicator block under its custom threat name', () => {
    const [event] = rows('DeviceEvents', [INDICATOR]);
    expect(additional(event!)).toMatchObject({ ThreatName: 'EUS:Win32/CustomEnterpriseBlock!cl', WasRemediated: true });
  });

  it('should record nothing for an EDR sensor alert that nothing remediated: it is an alert, not an antivirus event', () => {
    const edrOnly = report('scenarios/01-modes/01-passive-without-block-mode.yaml');
    const info = rows('AlertInfo', [edrOnly]);
    const edrAlerts = info.filter((row) => row['DetectionSource'] === 'EDR').length;
    expect(edrAlerts).toBeGreaterThan(0);
    expect(rows('DeviceEvents', [edrOnly]).length).toBe(info.length - edrAlerts);
  });
});

describe('AlertInfo and AlertEvidence', () => {
  it('should give one AlertInfo and one AlertEvidence row per alert, with the API alert ids', () => {
    const chunks: string[] = [];
    renderApi([STATUSES], (chunk) => void chunks.push(chunk));
    const ids = (JSON.parse(chunks.join('')) as { scenarios: { alerts: { id: string }[] }[] }).scenarios[0]!.alerts.map(
      (a) => a.id,
    );
    expect(rows('AlertInfo', [STATUSES]).map((row) => row['AlertId'])).toEqual(ids);
    expect(rows('AlertEvidence', [STATUSES]).map((row) => row['AlertId'])).toEqual(ids);
  });

  it('should name the detection source as the portal does and the service as Defender for Endpoint', () => {
    const [info] = rows('AlertInfo', [STATUSES]);
    expect(info).toMatchObject({
      DetectionSource: 'Antivirus',
      ServiceSource: 'Microsoft Defender for Endpoint',
      Severity: 'Informational',
      Category: 'Malware',
      AttackTechniques: '["T1204.002"]',
    });
    const [evidence] = rows('AlertEvidence', [STATUSES]);
    expect(evidence).toMatchObject({
      EntityType: 'File',
      EvidenceRole: 'Impacted',
      Categories: '["Malware"]',
      DeviceName: 'ws-act-01',
      FileName: 'Setup_Crack.exe',
    });
  });
});

describe('streaming and sources', () => {
  it('should hand each row to the output as its own chunk, never the table as one string', () => {
    const chunks: string[] = [];
    renderHunting('AlertEvidence', [STATUSES, INDICATOR], (chunk) => void chunks.push(chunk));
    expect(chunks.length).toBe(STATUSES.run.counts.alerts + INDICATOR.run.counts.alerts);
    expect(chunks.every((chunk) => chunk.indexOf('\n') === chunk.length - 1)).toBe(true);
  });

  it('should resolve the pages the records follow to their Learn titles and links', () => {
    for (const [key, url] of [
      ['ah-deviceevents', 'defender-xdr/advanced-hunting-deviceevents-table'],
      ['ah-alertinfo', 'defender-xdr/advanced-hunting-alertinfo-table'],
      ['ah-alertevidence', 'defender-xdr/advanced-hunting-alertevidence-table'],
      ['investigation-api', 'defender-endpoint/api/investigation'],
      ['get-alerts-api', 'defender-endpoint/api/get-alerts'],
      ['pua', 'defender-endpoint/detect-block-potentially-unwanted-apps-microsoft-defender-antivirus'],
    ] as const)
      expect(resolveCite(key)?.url).toBe(`https://learn.microsoft.com/en-us/${url}`);
    expect(resolveCite('ah-alertinfo')?.title).toBe('AlertInfo table in the advanced hunting schema');
  });
});

describe("the README's hunting questions", () => {
  // The README answers its questions with rows from `run scenarios/09-recording scenarios/01-modes --format hunting`.
  const reports = collectScenarioFiles(['scenarios/09-recording', 'scenarios/01-modes'], root).files.map(report);
  const readme = readFileSync(`${root}README.md`, 'utf8');

  it('should show the rows these scenarios give for "only detected" and "alerts by detection source"', () => {
    const detectedOnly = rows('DeviceEvents', reports)
      .filter((row) => additional(row)['WasRemediated'] === false)
      .map((row) => `| ${row['DeviceName']} | ${row['FolderPath']} | ${row['FileName']} | ${additional(row)['ThreatName']} |`);
    expect(detectedOnly.length).toBeGreaterThan(0);
    for (const line of detectedOnly) expect(readme).toContain(line);
    const counts = new Map<string, number>();
    for (const row of rows('AlertInfo', reports)) {
      const key = `| ${row['DetectionSource']} | ${row['Severity']} |`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts) expect(readme).toContain(`${key} ${count} |`);
  });

  it('should show every row remediated while running', () => {
    const running = rows('DeviceEvents', reports).filter(
      (row) => additional(row)['WasRemediated'] === true && additional(row)['WasExecutingWhileDetected'] === true,
    );
    expect(running.length).toBeGreaterThan(0);
    for (const row of running)
      expect(readme).toContain(
        `| ${row['Timestamp']} | ${row['DeviceName']} | ${row['FileName']} | ${additional(row)['ThreatName']} |`,
      );
  });
});
