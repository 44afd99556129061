/** `--format api`: each scenario's alerts, machine actions and investigations as the Defender for Endpoint API v1 returns them, streamed. */
import { forJsonText } from '../core/escape.ts';
import type { Issue } from '../core/issue.ts';
import { buildApiAlert, type AlertAir } from './api-alert.ts';
import {
  buildApiInvestigation,
  buildApiMachineAction,
  type InvestigationFact,
  type ManualActionFact,
} from './api-air-records.ts';
import type { ApiAlert, ApiInvestigation, ApiMachineAction, ApiReport, ApiScenario } from './api-shape.ts';
import { streamedArray, streamedObject, writeJson, type StreamedObject } from './json-writer.ts';
import { recordContext, replayAlerts } from './record-context.ts';
import type { ScenarioReport, Write } from './scenario-report.ts';

/**
 * What the AIR model (issue 17) adds to one scenario's API records; absent today, when alerts read as
 * `NO_AIR` and both lists are empty.
 */
export interface ScenarioAir {
  /** An alert's investigation and status, by its 1-based ordinal in the run. */
  readonly alert?: (ordinal: number) => AlertAir | undefined;
  readonly machineActions?: (emit: (fact: ManualActionFact) => void) => void;
  readonly investigations?: (emit: (fact: InvestigationFact) => void) => void;
}

/** Options of {@link renderApi}. */
export interface ApiOptions {
  /** The AIR model's records of a scenario; default none (no investigation, no manual action). */
  readonly airOf?: (report: ScenarioReport) => ScenarioAir | undefined;
}

/**
 * Writes `{ scenarios: [{ name, file, seed, alerts, machineActions, investigations }], errors? }`: per scenario
 * (as `--format json` separates them) the records `GET /api/alerts?$expand=evidence`, `GET /api/machineactions`
 * and `GET /api/investigations` would list (each list is the `value` of the API's answer). Alerts stream from a
 * replay, so memory stays flat; the same run gives the same bytes. `errors[]` only when some input was invalid.
 *
 * @example
 * const chunks: string[] = [];
 * renderApi([report], (chunk) => void chunks.push(chunk));
 * JSON.parse(chunks.join('')).scenarios[0].alerts[0].investigationState; // 'Unknown'
 */
export function renderApi(
  reports: readonly ScenarioReport[],
  write: Write,
  errors: readonly Issue[] = [],
  options: ApiOptions = {},
): void {
  const scenarios = streamedArray<StreamedObject<ApiScenario>>((emit) => {
    for (const report of reports) emit(projectScenario(report, options.airOf?.(report)));
  });
  // Invisible characters in user strings become \u escapes, as in --format json (forJsonText is chunk-safe).
  const safe: Write = (chunk) => write(forJsonText(chunk));
  writeJson(safe, streamedObject<ApiReport>({ scenarios, errors: errors.length === 0 ? undefined : errors }));
  write('\n');
}

function projectScenario(report: ScenarioReport, air: ScenarioAir | undefined): StreamedObject<ApiScenario> {
  const ctx = recordContext(report);
  const alerts =
    report.run.counts.alerts === 0
      ? []
      : streamedArray<ApiAlert>((emit) =>
          replayAlerts(report, (item) => emit(buildApiAlert(item, ctx, air?.alert?.(item.ordinal)))),
        );
  const machineActions = air?.machineActions;
  const investigations = air?.investigations;
  return streamedObject<ApiScenario>({
    name: report.name,
    file: report.file,
    seed: report.seed,
    alerts,
    // Manual response actions and investigations exist only with the AIR model; a run without it has none.
    machineActions:
      machineActions === undefined
        ? []
        : streamedArray<ApiMachineAction>((emit) => machineActions((fact) => emit(buildApiMachineAction(fact, ctx)))),
    investigations:
      investigations === undefined
        ? []
        : streamedArray<ApiInvestigation>((emit) => investigations((fact) => emit(buildApiInvestigation(fact, ctx)))),
  });
}
