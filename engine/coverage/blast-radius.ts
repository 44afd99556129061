/** `edrsim blast-radius` as one library call: what one exclusion entry or indicator covers, hides and risks. */
import { fail, ok, type Result } from '../core/issue.ts';
import { nearest } from '../core/did-you-mean.ts';
import { TRIGGERS } from '../core/vocabulary.ts';
import type { DiffPolicy } from '../diff/diff-policy.ts';
import type { FlipExample } from '../diff/diff-report.ts';
import { runDiff } from '../diff/run-diff.ts';
import { modelAt } from '../pipeline/model-at.ts';
import { matchReason, parseExclusions, type ExclusionListName } from '../policy/exclusions/index.ts';
import { describeIndicator, parseIndicators } from '../policy/indicators/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { exclusionRisks, indicatorRisks, type EntryRisk } from './entry-risks.ts';

/** What one entry covers and hides on a fleet. */
export interface BlastRadius {
  readonly entry: string;
  readonly kind: 'exclusion' | 'indicator';
  /** The paths it matches (or the indicator), in words. */
  readonly words: string;
  readonly triggers: readonly string[];
  /** The fleet's devices it applies to, by Defender Antivirus mode at the start and by OS. */
  readonly devices: { readonly total: number; readonly byMode: Record<string, number>; readonly byOs: Record<string, number> };
  /** Malicious, PUA and probe artifacts whose protection it weakens (the policy without it against the policy). */
  readonly hidden: {
    readonly artifacts: number;
    readonly of: number;
    readonly byClass: Record<string, number>;
    readonly byMode: Record<string, number>;
    readonly byTrigger: Record<string, number>;
    /** By ATT&CK technique (`none` for artifacts that name none, as probes). */
    readonly byTechnique: Record<string, number>;
    readonly examples: readonly FlipExample[];
  };
  readonly risks: readonly EntryRisk[];
}

export interface BlastOptions {
  /** Seeded artifacts generated over the fleet. Default 10,000. */
  readonly generate?: number;
  /** Seed of the generated artifacts. Default the fleet's own. */
  readonly seed?: number;
}

const LISTS: readonly ExclusionListName[] = ['paths', 'extensions', 'processes'];
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const weakerOf = (breakdown: Record<string, { weaker: number }>) =>
  Object.fromEntries(Object.entries(breakdown).filter(([, counts]) => counts.weaker > 0).map(([key, counts]) => [key, counts.weaker]));

/**
 * Finds `written` among the policy's tenant exclusion lists (as written, any case) or its indicators (by value),
 * replays the fleet (its own artifacts, `generate` seeded ones and probes) under the policy without it and with
 * it, and describes the entry. An entry that is not in the policy is an issue naming the nearest ones.
 *
 * @example
 * const radius = blastRadius('C:\\Build\\', policy, fleet, { generate: 1000 });
 * if (radius.ok) radius.value.hidden.artifacts; // 12
 */
export function blastRadius(written: string, policy: DiffPolicy, fleet: Scenario, options: BlastOptions = {}): Result<BlastRadius> {
  const exclusions = policy.exclusions ?? fleet.exclusions;
  const indicators = policy.indicators ?? fleet.indicators;
  const list = LISTS.find((name) => exclusions[name].some((text) => same(text, written)));
  const parsedIndicators = parseIndicators(indicators).indicators;
  const indicator = list === undefined ? parsedIndicators.find((entry) => same(entry.value, written)) : undefined;
  if (list === undefined && indicator === undefined) {
    const known = LISTS.flatMap((name) => exclusions[name]).concat(parsedIndicators.map((entry) => entry.value));
    const near = nearest(written, known, 3);
    return fail([
      {
        code: 'unknown_entry',
        path: [],
        message: `${written} is not an exclusion entry or indicator value of ${policy.source}`,
        hint: near.length > 0 ? `write it as in the policy, e.g. ${near.join(', ')}` : 'the policy has no exclusions or indicators',
      },
    ]);
  }
  const without: DiffPolicy =
    list !== undefined
      ? { ...policy, exclusions: { ...exclusions, [list]: exclusions[list].filter((text) => !same(text, written)) } }
      : { ...policy, indicators: indicators.filter((_, i) => parsedIndicators[i]?.value !== indicator!.value) };
  const withIt: DiffPolicy = { ...policy, exclusions, indicators };
  const diffed = runDiff(without, withIt, [fleet], {
    generate: options.generate ?? 10_000,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  if (!diffed.ok) return diffed;
  const report = diffed.value;
  const model = modelAt(fleet, 0);
  const byMode: Record<string, number> = {};
  const byOs: Record<string, number> = {};
  for (const device of fleet.devices) {
    const mode = model.device(device.name)?.mode ?? 'unknown';
    byMode[mode] = (byMode[mode] ?? 0) + 1;
    byOs[device.os] = (byOs[device.os] ?? 0) + 1;
  }
  const entry = list === undefined ? undefined : parseExclusions({ [list]: [written] }).entries[0];
  return ok({
    entry: written,
    kind: list === undefined ? 'indicator' : 'exclusion',
    words: entry !== undefined ? matchReason(entry).message : indicator !== undefined ? describeIndicator(indicator) : written,
    // §4.1: process exclusions apply to real-time protection only; indicators to every file decision of active MDAV.
    triggers: entry?.kind === 'process' ? ['on-access', 'behavior'] : TRIGGERS.slice(),
    devices: { total: fleet.devices.length, byMode, byOs },
    hidden: {
      artifacts: report.counts.weaker,
      of: report.artifacts,
      byClass: weakerOf(report.byClass),
      byMode: weakerOf(report.byMode),
      byTrigger: weakerOf(report.byTrigger),
      byTechnique: weakerOf(report.byTechnique),
      examples: report.flips.filter((flip) => flip.label === 'weaker').slice(0, 3),
    },
    risks: entry !== undefined ? exclusionRisks(entry) : indicatorRisks(indicator!),
  });
}
