// `--format hunting`: JSON Lines per advanced hunting table, with exactly the schema pages' columns.
import { describe, expect, it } from 'vitest';
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
