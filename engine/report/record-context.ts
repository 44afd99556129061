/** What every Defender-shaped record of one scenario shares: its id scope, ISO times, machine ids and names, and its alerts with their artifacts. */
import type { Artifact } from '../core/artifact.ts';
import { timestampAt } from '../core/duration.ts';
import type { NumberedAlert } from '../pipeline/run-simulation.ts';
import type { Verdict } from '../pipeline/verdict.ts';
import { machineIdOf, recordScope } from './record-ids.ts';
import type { ScenarioReport } from './scenario-report.ts';

/** One scenario's record context (see {@link recordContext}). */
export interface RecordContext {
  /** The scenario's id scope ({@link recordScope}). */
  readonly scope: string;
  /** Absolute UTC ms of model time 0 (the scenario's `start`). */
  readonly startMs: number;
  /** A model time (ms from the start) as ISO 8601 UTC: the same `time` the JSON report writes. */
  readonly time: (at: number) => string;
  /** The device's 40-hex machine id. */
  readonly machineId: (device: string) => string;
  /** The device's name as Defender shows it: `name.domain` when the scenario gives a `domain`, else the name. */
  readonly dnsName: (device: string) => string;
}

/**
 * The record context of `report`. Holds only the domains of devices that have one (most have none), so it
 * stays small whatever the fleet.
 *
 * @example
 * recordContext(report).time(60_000); // '2026-01-05T09:01:00.000Z' for the default start
 */
export function recordContext(report: ScenarioReport): RecordContext {
  const scope = recordScope(report);
  const domains = new Map<string, string>();
  for (const device of report.run.devices)
    if (device.config.domain !== undefined) domains.set(device.config.name, device.config.domain);
  return {
    scope,
    startMs: report.startMs,
    time: (at) => timestampAt(report.startMs, at),
    machineId: (device) => machineIdOf(scope, device),
    dnsName: (device) => {
      const domain = domains.get(device);
      return domain === undefined ? device : `${device}.${domain}`;
    },
  };
}

/** An alert as the Defender-shaped records read it: with its 1-based ordinal in the run, its artifact and verdict. */
export interface AlertOfRun {
  readonly alert: NumberedAlert;
  readonly ordinal: number;
  readonly artifact: Artifact;
  readonly verdict: Verdict;
}

/**
 * Replays `report` and hands each alert, in time order, with the artifact and verdict it belongs to. The run
 * hands a verdict before its alerts, so only the current verdict is held: memory stays flat.
 *
 * @example
 * replayAlerts(report, ({ alert, artifact }) => console.log(alert.title, artifact.path));
 */
export function replayAlerts(report: ScenarioReport, emit: (item: AlertOfRun) => void): void {
  if (report.run.counts.alerts === 0) return;
  let current: { verdict: Verdict; artifact: Artifact } | undefined;
  let ordinal = 0;
  report.replay({
    verdict: (verdict, artifact) => void (current = { verdict, artifact }),
    alert: (alert) => {
      ordinal++;
      // The run hands every alert right after its verdict (streamSimulation), so `current` is its verdict.
      emit({ alert, ordinal, artifact: current!.artifact, verdict: current!.verdict });
    },
  });
}

/**
 * A Windows path split as Defender's records split it: the file name, and the folder without a trailing
 * backslash (alert-api evidence: `fileName` `rundll32.exe`, `filePath` `C:\Windows\SysWOW64`).
 *
 * @example
 * splitPath('C:\\Temp\\x.exe'); // { fileName: 'x.exe', folder: 'C:\\Temp' }
 */
export function splitPath(path: string): { readonly fileName: string; readonly folder: string } {
  const cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return cut < 0 ? { fileName: path, folder: '' } : { fileName: path.slice(cut + 1), folder: path.slice(0, cut) };
}
