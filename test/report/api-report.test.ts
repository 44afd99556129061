// `--format api`: alerts, machine actions and investigations with exactly the fields of the Defender for Endpoint API pages.
import { describe, expect, it } from 'vitest';
import { runScenarioFile } from '../../engine/run-scenario.ts';
import { NO_AIR, buildApiAlert } from '../../engine/report/api-alert.ts';
import { buildApiInvestigation, buildApiMachineAction } from '../../engine/report/api-air-records.ts';
import { renderApi, type ScenarioAir } from '../../engine/report/api-report.ts';
import { recordContext, replayAlerts, type AlertOfRun } from '../../engine/report/record-context.ts';
import type { ScenarioReport } from '../../engine/report/scenario-report.ts';
import { ALERT_FIELDS, EVIDENCE_FIELDS, INVESTIGATION_FIELDS, MACHINE_ACTION_FIELDS } from './defender-record-fields.ts';

const root = new URL('../../', import.meta.url).pathname;

function report(file: string, overrides: readonly string[] = []): ScenarioReport {
  const loaded = runScenarioFile(`${root}${file}`, overrides);
  if (!loaded.ok) throw new Error(loaded.issues.map((issue) => issue.message).join('\n'));
  return { ...loaded.value, file };
}

function render(reports: readonly ScenarioReport[], airOf?: (report: ScenarioReport) => ScenarioAir | undefined): string {
  const chunks: string[] = [];
  renderApi(reports, (chunk) => void chunks.push(chunk), [], airOf === undefined ? {} : { airOf });
  return chunks.join('');
}

interface Doc {
  scenarios: {
    name: string;
    file: string;
    seed: number;
    alerts: Record<string, unknown>[];
    machineActions: unknown[];
    investigations: Record<string, unknown>[];
  }[];
}

// Blocked (EDR in block mode, Low), Prevented (MDAV, Informational), Detected (passive, Medium): every detection status.
const STATUSES = report('scenarios/09-recording/02-blocked-prevented-detected.yaml');

describe('renderApi', () => {
  it('should give every alert exactly the documented Alert fields, in order, and each evidence exactly its fields', () => {
    const doc = JSON.parse(render([STATUSES])) as Doc;
    const [run] = doc.scenarios;
    expect(Object.keys(run!)).toEqual(['name', 'file', 'seed', 'alerts', 'machineActions', 'investigations']);
    expect(run!.alerts.length).toBe(STATUSES.run.counts.alerts);
    for (const alert of run!.alerts) {
      expect(Object.keys(alert)).toEqual(ALERT_FIELDS);
      for (const evidence of alert['evidence'] as Record<string, unknown>[])
        expect(Object.keys(evidence)).toEqual(EVIDENCE_FIELDS);
    }
  });

  it('should show each alert as the layers raised it: severity, source, detection status, threat and technique', () => {
    const alerts = (JSON.parse(render([STATUSES])) as Doc).scenarios[0]!.alerts;
    const summary = alerts.map((alert) => {
      const [evidence] = alert['evidence'] as Record<string, unknown>[];
      return [
        alert['severity'],
        alert['detectionSource'],
        evidence!['detectionStatus'],
        evidence!['entityType'],
        alert['category'],
      ];
    });
    expect(summary).toEqual([
      ['Informational', 'WindowsDefenderAv', 'Prevented', 'File', 'Malware'],
      ['Low', 'WindowsDefenderAv', 'Blocked', 'Process', 'Malware'],
      ['Low', 'WindowsDefenderAv', 'Blocked', 'Process', 'Malware'],
      ['Medium', 'WindowsDefenderAv', 'Detected', 'File', 'Malware'],
    ]);
    expect(alerts[0]).toMatchObject({
      title: 'Trojan:Win32/RedLine.RPX!MTB was prevented',
      threatName: 'Trojan:Win32/RedLine.RPX!MTB',
      mitreTechniques: ['T1204.002'],
      alertCreationTime: '2026-01-05T09:01:00.000Z',
      lastUpdateTime: '2026-01-05T09:01:00.000Z',
      computerDnsName: 'ws-act-01',
    });
    expect((alerts[0]!['evidence'] as Record<string, unknown>[])[0]).toMatchObject({
      fileName: 'Setup_Crack.exe',
      filePath: 'C:\\Users\\ana\\Downloads',
    });
  });

  it('should invent nothing without the AIR model: no incident, no investigation (state Unknown), status New, empty action and investigation lists', () => {
    const [run] = (JSON.parse(render([STATUSES])) as Doc).scenarios;
    for (const alert of run!.alerts)
      expect(alert).toMatchObject({
        incidentId: null,
        investigationId: null,
        investigationState: 'Unknown',
        status: 'New',
        classification: null,
        determination: null,
        assignedTo: null,
        resolvedTime: null,
      });
    expect(run!.machineActions).toEqual([]);
    expect(run!.investigations).toEqual([]);
    expect(NO_AIR.investigationState).toBe('Unknown');
  });

  it('should give the same bytes for the same scenario and seed, and other ids for another seed', () => {
    const again = report('scenarios/09-recording/02-blocked-prevented-detected.yaml');
    expect(render([again])).toBe(render([STATUSES]));
    const seeded = (JSON.parse(render([report('scenarios/09-recording/02-blocked-prevented-detected.yaml', ['seed=5'])])) as Doc)
      .scenarios[0]!;
    const first = (JSON.parse(render([STATUSES])) as Doc).scenarios[0]!;
    expect(seeded.alerts[0]!['id']).not.toBe(first.alerts[0]!['id']);
    expect(seeded.alerts[0]!['title']).toBe(first.alerts[0]!['title']);
  });

  it('should carry what the AIR model hands it: an alert its investigation and status, investigations that name their alert by its id', () => {
    const air: ScenarioAir = {
      alert: (ordinal) =>
        ordinal === 1
          ? {
              ...NO_AIR,
              investigationId: 7,
              investigationState: 'SuccessfullyRemediated',
              status: 'Resolved',
              resolvedAt: 120_000,
            }
          : undefined,
      investigations: (emit) =>
        emit({
          id: 7,
          state: 'SuccessfullyRemediated',
          device: 'ws-act-01',
          startAt: 60_000,
          endAt: 120_000,
          triggeringAlert: { ordinal: 1, at: 60_000 },
        }),
      machineActions: (emit) =>
        emit({
          ordinal: 1,
          type: 'Isolate',
          scope: 'Full',
          device: 'ws-act-01',
          requestor: 'dana',
          status: 'Succeeded',
          at: 90_000,
          updatedAt: 95_000,
        }),
    };
    const [run] = (JSON.parse(render([STATUSES], () => air)) as Doc).scenarios;
    expect(run!.alerts[0]).toMatchObject({
      investigationId: 7,
      investigationState: 'SuccessfullyRemediated',
      status: 'Resolved',
      resolvedTime: '2026-01-05T09:02:00.000Z',
    });
    expect(run!.alerts[1]).toMatchObject({ investigationId: null, investigationState: 'Unknown' });
    expect(run!.investigations).toHaveLength(1);
    expect(Object.keys(run!.investigations[0]!)).toEqual(INVESTIGATION_FIELDS);
    expect(run!.investigations[0]!['triggeringAlertId']).toBe(run!.alerts[0]!['id']);
    expect(Object.keys(run!.machineActions[0] as object)).toEqual(MACHINE_ACTION_FIELDS);
  });
});

describe('buildApiMachineAction and buildApiInvestigation', () => {
  const ctx = recordContext(STATUSES);

  it('should write a stop-and-quarantine action with its file by SHA-1 when it has one, else by SHA-256, and its cancellation', () => {
    const base = {
      ordinal: 2,
      type: 'StopAndQuarantineFile' as const,
      device: 'ws-bm-02',
      requestor: 'dana',
      status: 'Cancelled' as const,
      at: 0,
      updatedAt: 60_000,
    };
    const action = buildApiMachineAction(
      { ...base, file: { sha1: 'AB', sha256: 'CD' }, cancelledAt: 60_000, cancelledBy: 'li' },
      ctx,
    );
    expect(Object.keys(action)).toEqual(MACHINE_ACTION_FIELDS);
    expect(action).toMatchObject({
      type: 'StopAndQuarantineFile',
      status: 'Cancelled',
      scope: null,
      relatedFileInfo: { fileIdentifier: 'ab', fileIdentifierType: 'Sha1' },
      cancellationRequestor: 'li',
      cancellationDateTimeUtc: '2026-01-05T09:01:00.000Z',
      machineId: ctx.machineId('ws-bm-02'),
    });
    expect(action.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(buildApiMachineAction({ ...base, file: { sha256: 'CD' } }, ctx).relatedFileInfo).toEqual({
      fileIdentifier: 'cd',
      fileIdentifierType: 'Sha256',
    });
    expect(buildApiMachineAction(base, ctx).relatedFileInfo).toBeNull();
  });

  it('should write an investigation still running with no end time, its id a number as a string', () => {
    const investigation = buildApiInvestigation(
      { id: 63004, state: 'Running', device: 'ws-act-01', startAt: 0, triggeringAlert: { ordinal: 1, at: 60_000 } },
      ctx,
    );
    expect(Object.keys(investigation)).toEqual(INVESTIGATION_FIELDS);
    expect(investigation).toMatchObject({ id: '63004', endTime: null, state: 'Running', startTime: '2026-01-05T09:00:00.000Z' });
  });
});

describe('buildApiAlert', () => {
  it("should name a process evidence's parent from the process that started it, and leave a file's parent empty", () => {
    const items: AlertOfRun[] = [];
    replayAlerts(STATUSES, (item) => void items.push(item));
    const ctx = recordContext(STATUSES);
    const started = {
      ...items[1]!,
      artifact: { ...items[1]!.artifact, kind: 'process' as const, process: 'C:\\Windows\\System32\\rundll32.exe' },
    };
    expect(buildApiAlert(started, ctx).evidence[0]).toMatchObject({
      parentProcessFileName: 'rundll32.exe',
      parentProcessFilePath: 'C:\\Windows\\System32',
    });
    const opened = { ...items[0]!, artifact: { ...items[0]!.artifact, process: 'C:\\x\\explorer.exe' } };
    expect(buildApiAlert(opened, ctx).evidence[0]).toMatchObject({ entityType: 'File', parentProcessFileName: null });
  });
});
