/** The contract's `--format json` document (§4): one object with every scenario and a summary. */
import { formatDuration, timestampAt } from '../core/duration.ts';
import { forJsonText } from '../core/escape.ts';
import type { ScenarioReport } from './scenario-report.ts';

/**
 * Projects reports into the contract's JSON shape. `verdicts[]` lists every artifact, generated ones
 * included; nothing is summarised. Key order is fixed, so the same run gives the same bytes.
 *
 * @example
 * JSON.parse(renderJson([report])).summary; // { scenarios: 1, passed: 1, failed: 0 }
 */
export function renderJson(reports: readonly ScenarioReport[]): string {
  const scenarios = reports.map(projectScenario);
  const passed = reports.filter((report) => report.passed).length;
  // Invisible characters in user strings are written as \u escapes: the same data, safe to `cat`.
  return `${forJsonText(JSON.stringify({ scenarios, summary: { scenarios: reports.length, passed, failed: reports.length - passed } }, null, 2))}\n`;
}

function projectScenario(report: ScenarioReport): unknown {
  const { run } = report;
  const time = (at: number) => timestampAt(report.startMs, at);
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
    verdicts: run.verdicts.map((verdict) => ({
      artifact: verdict.artifact,
      device: verdict.device,
      at: formatDuration(verdict.at),
      class: verdict.class,
      outcome: verdict.outcome,
      by: verdict.by,
      detectionStatus: verdict.detectionStatus,
      actionCenter: verdict.actionCenter,
      reasons: verdict.reasons.map(({ layer, code, message }) => ({ layer, code, message })),
    })),
    actionCenter: run.actionCenter.map((entry) => ({
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
    })),
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
    expectations: report.expectations.map((result) => ({
      name: result.name,
      passed: result.passed,
      message: result.message,
      ...(result.cite === undefined ? {} : { cite: result.cite }),
      ...(result.details === undefined ? {} : { details: result.details }),
    })),
  };
}
