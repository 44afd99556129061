/** The contract's `--format json` document (§4): one object with every scenario and a summary, written as it is produced. */
import type { Artifact } from '../core/artifact.ts';
import { resolveCite } from '../core/cite/resolve-cite.ts';
import { formatDuration, timestampAt } from '../core/duration.ts';
import { forJsonText } from '../core/escape.ts';
import type { Issue } from '../core/issue.ts';
import type { NumberedActionCenterEntry, NumberedAlert, RunSinks } from '../pipeline/run-simulation.ts';
import type { Verdict } from '../pipeline/verdict.ts';
import { airSections, alertAir, projectAirEntry } from './json-air.ts';
import type {
  JsonActionCenterEntry,
  JsonAirEntry,
  JsonAlert,
  JsonReport,
  JsonScenario,
  JsonVerdict,
} from './json-report-shape.ts';
import { streamedArray, streamedObject, writeJson, type StreamedArray, type StreamedObject } from './json-writer.ts';
import type { ScenarioReport, Write } from './scenario-report.ts';

/**
 * Writes reports in the contract's JSON shape to `write`. `verdicts[]` lists every artifact, generated
 * ones included; nothing is summarised. `verdicts[]`, `actionCenter[]` and `alerts[]` stream from one
 * replay of the scenario each, so memory stays flat however many artifacts there are. Key order is fixed,
 * so the same run gives the same bytes. Invalid input (`errors`, default none) adds `errors[]` after the
 * summary and `summary.invalid`, the number of files with errors.
 *
 * @example
 * const chunks: string[] = [];
 * renderJson([report], (chunk) => void chunks.push(chunk));
 * JSON.parse(chunks.join('')).summary; // { scenarios: 1, passed: 1, failed: 0 }
 */
export function renderJson(reports: readonly ScenarioReport[], write: Write, errors: readonly Issue[] = []): void {
  const passed = reports.filter((report) => report.passed).length;
  const summary = { scenarios: reports.length, passed, failed: reports.length - passed };
  const scenarios = streamedArray<StreamedObject<JsonScenario>>((emit) => {
    for (const report of reports) emit(projectScenario(report));
  });
  // Invalid input is listed in every format (contract §4). `invalid` counts files, like `validate` and
  // `--summary` do; `errors` has every problem.
  const invalid = errors.length === 0 ? undefined : { ...summary, invalid: new Set(errors.map((issue) => issue.file)).size };
  // Invisible characters in user strings are written as \u escapes: the same data, safe to `cat`.
  // forJsonText is safe on any chunk boundary (it escapes single code units).
  const safe: Write = (chunk) => write(forJsonText(chunk));
  writeJson(
    safe,
    streamedObject<JsonReport>({
      scenarios,
      summary: invalid ?? summary,
      errors: errors.length === 0 ? undefined : errors,
    }),
  );
  write('\n');
}

// A record array streams from its own replay; one the counts say is empty skips the replay.
function projectScenario(report: ScenarioReport): StreamedObject<JsonScenario> {
  const { run } = report;
  const time = (at: number) => timestampAt(report.startMs, at);
  const replayed = <T>(count: number, sinks: (emit: (item: T) => void) => RunSinks): readonly T[] | StreamedArray<T> =>
    count === 0 ? [] : streamedArray<T>((emit) => report.replay(sinks(emit)));
  const verdicts = replayed<JsonVerdict>(run.counts.artifacts, (emit) => ({
    verdict: (verdict, artifact) => emit(projectVerdict(verdict, artifact, time)),
  }));
  const air = run.air?.records;
  const actionCenter =
    air === undefined
      ? replayed<JsonActionCenterEntry>(run.counts.actionCenter, (emit) => ({
          actionCenter: (entry) => emit(projectActionCenterEntry(entry, time)),
        }))
      : streamedArray<JsonActionCenterEntry | JsonAirEntry>((emit) => {
          report.replay({ actionCenter: (entry) => emit({ ...projectActionCenterEntry(entry, time), tab: 'history' }) });
          for (const entry of air.entries) emit(projectAirEntry(entry, time));
        });
  const alerts = replayed<JsonAlert>(run.counts.alerts, (emit) => ({ alert: (alert) => emit(projectAlert(alert, time)) }));
  return streamedObject<JsonScenario>({
    name: report.name,
    file: report.file,
    seed: report.seed,
    passed: report.passed,
    devices: run.devices.map((device) => ({
      name: device.config.name,
      mode: device.mode,
      runningMode: device.runningMode,
      edrBlockMode: {
        effective: device.edrBlockMode.effective,
        ...(device.edrBlockMode.pending === undefined ? {} : { pending: device.edrBlockMode.pending }),
        reasons: device.edrBlockMode.reasons.map((reason) => ({ code: reason.code, message: reason.message })),
      },
    })),
    verdicts,
    actionCenter,
    alerts,
    recommendations: run.recommendations.map((recommendation) => ({
      device: recommendation.device,
      id: recommendation.id,
      title: 'Turn on EDR in block mode',
      reason: recommendation.reason.message,
    })),
    changes: run.changes.map((change) => ({
      at: formatDuration(change.at),
      ...(change.by === undefined ? {} : { by: change.by }),
      ...(change.role === undefined ? {} : { role: change.role }),
      status: change.status,
      reasons: change.reasons.map(({ code, message }) => ({ code, message })),
    })),
    ...(air === undefined ? {} : airSections(air, time)),
    expectations: report.expectations.map((result) => ({
      name: result.name,
      passed: result.passed,
      message: result.message,
      ...(result.cite === undefined ? {} : { cite: result.cite, sources: resolveCite(result.cite)?.sources ?? [] }),
      ...(result.details === undefined ? {} : { details: result.details }),
    })),
  });
}

// Key order is the contract's: optional keys keep their place when present, so every verdict reads the same way.
function projectVerdict(verdict: Verdict, artifact: Artifact, time: (at: number) => string): JsonVerdict {
  return {
    artifact: verdict.artifact,
    device: verdict.device,
    at: formatDuration(verdict.at),
    time: time(verdict.at),
    path: artifact.path,
    // Lower case, as the portal shows hashes: two runs spelling one hash differently still diff as equal.
    ...(artifact.sha256 === undefined ? {} : { sha256: artifact.sha256.toLowerCase() }),
    ...(artifact.threat === undefined ? {} : { threat: artifact.threat }),
    ...(artifact.technique === undefined ? {} : { technique: artifact.technique }),
    class: verdict.class,
    outcome: verdict.outcome,
    by: verdict.by,
    detectionStatus: verdict.detectionStatus,
    actionCenter: verdict.actionCenter,
    reasons: verdict.reasons.map(({ layer, code, message }) => ({ layer, code, message })),
  };
}

function projectActionCenterEntry(entry: NumberedActionCenterEntry, time: (at: number) => string): JsonActionCenterEntry {
  return {
    id: entry.id,
    time: time(entry.at),
    device: entry.device,
    actionType: entry.actionType,
    actionSource: entry.actionSource,
    entity: entry.entity,
    status: entry.status,
    detectionStatus: entry.detectionStatus,
    remediatedBy: entry.remediatedBy,
    artifact: entry.artifact,
  };
}

function projectAlert(alert: NumberedAlert, time: (at: number) => string): JsonAlert {
  return {
    id: alert.id,
    time: time(alert.at),
    device: alert.device,
    title: alert.title,
    severity: alert.severity,
    detectionSource: alert.detectionSource,
    detectionStatus: alert.detectionStatus,
    artifact: alert.artifact,
    ...(alert.threat === undefined ? {} : { threat: alert.threat }),
    ...(alert.technique === undefined ? {} : { technique: alert.technique }),
    ...alertAir(alert),
  };
}
