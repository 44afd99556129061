/** Test oracle: the `--format json` renderer as it was before streaming, one string from fully collected runs. */
import { resolveCite } from '../../engine/core/cite/resolve-cite.ts';
import { forJsonText } from '../../engine/core/escape.ts';
import { formatDuration, timestampAt } from '../../engine/core/duration.ts';
import type { Artifact } from '../../engine/core/artifact.ts';
import type { Issue } from '../../engine/core/issue.ts';
import type { RunResult } from '../../engine/pipeline/run-simulation.ts';
import type { ScenarioReport } from '../../engine/report/scenario-report.ts';
import { airSections, alertAir, projectAirEntry } from '../../engine/report/json-air.ts';

/** A report as it was: the whole run, every verdict, alert and Action Center entry held in memory. */
export type WholeReport = Omit<ScenarioReport, 'run' | 'replay' | 'namedVerdicts'> & {
  readonly run: RunResult;
  /** The artifact of each verdict, in verdict order (issue 14: verdicts show its path, sha256, threat, technique). */
  readonly artifacts: readonly Artifact[];
};

/**
 * The old whole-string renderer, kept verbatim, plus the old `run` command's `withErrors` for invalid input.
 *
 * @example
 * renderWholeJson([{ ...report, run: runSimulation(scenario) }]) === streamed; // the law in json-report.test.ts
 */
export function renderWholeJson(reports: readonly WholeReport[], errors: readonly Issue[] = []): string {
  return withErrors(renderJson(reports), errors);
}

function withErrors(json: string, errors: readonly Issue[]): string {
  if (errors.length === 0) return json;
  const document = JSON.parse(json) as { summary: Record<string, number> };
  const invalid = new Set(errors.map((issue) => issue.file)).size;
  return `${forJsonText(JSON.stringify({ ...document, errors, summary: { ...document.summary, invalid } }, null, 2))}\n`;
}

function renderJson(reports: readonly WholeReport[]): string {
  const scenarios = reports.map(projectScenario);
  const passed = reports.filter((report) => report.passed).length;
  return `${forJsonText(JSON.stringify({ scenarios, summary: { scenarios: reports.length, passed, failed: reports.length - passed } }, null, 2))}\n`;
}

function projectScenario(report: WholeReport): unknown {
  const { run } = report;
  const time = (at: number) => timestampAt(report.startMs, at);
  // AIR scenarios (contract §5.4) add their parts with the renderer's own projections: the oracle checks how the
  // streamed document is assembled, and AIR's fields are checked in air-reports.test.ts.
  const air = run.air?.records;
  const tabbed = (entry: object) => (air === undefined ? entry : { ...entry, tab: 'history' });
  return {
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
    verdicts: run.verdicts.map((verdict, i) => ({
      artifact: verdict.artifact,
      device: verdict.device,
      at: formatDuration(verdict.at),
      time: time(verdict.at),
      path: report.artifacts[i]!.path,
      ...(report.artifacts[i]!.sha256 === undefined ? {} : { sha256: report.artifacts[i]!.sha256.toLowerCase() }),
      ...(report.artifacts[i]!.threat === undefined ? {} : { threat: report.artifacts[i]!.threat }),
      ...(report.artifacts[i]!.technique === undefined ? {} : { technique: report.artifacts[i]!.technique }),
      class: verdict.class,
      outcome: verdict.outcome,
      by: verdict.by,
      detectionStatus: verdict.detectionStatus,
      actionCenter: verdict.actionCenter,
      reasons: verdict.reasons.map(({ layer, code, message }) => ({ layer, code, message })),
    })),
    actionCenter: run.actionCenter
      .map((entry) => ({
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
      }))
      .map(tabbed)
      .concat(air === undefined ? [] : air.entries.map((entry) => projectAirEntry(entry, time))),
    alerts: run.alerts.map((alert) => ({
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
    })),
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
  };
}
