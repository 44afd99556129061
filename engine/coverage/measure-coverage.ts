/** `edrsim coverage` as one library call: runs each scenario on the engine's path and reports how every entry was used. */
import type { Artifact } from '../core/artifact.ts';
import { locateEntry } from '../diff/locate-entry.ts';
import type { PolicyChange } from '../diff/policy-change.ts';
import { streamDecided } from '../diff/replay.ts';
import { CompactVerdict } from '../pipeline/compact-verdict.ts';
import { decidingEntries } from '../pipeline/deciding-entries.ts';
import { describeIndicator } from '../policy/indicators/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { exercisedPercent, type CoverageReport, type EntryCoverage, type EntryStatus, type Split } from './coverage-report.ts';
import { coverageKey, entryMatcher } from './entry-matches.ts';
import { emptyTechniques, tallyTechnique, type TechniqueTally } from './technique-tally.ts';

/** One entry's tallies while the run streams. */
interface Tally {
  readonly decidedBy: Split;
  readonly matchedBy: Split;
  decided: number;
  matched: number;
  /** The other entries that matched every artifact this one matched so far (undefined before its first match). */
  covers: Set<string> | undefined;
  /** An indicator met an artifact on a device whose Defender Antivirus honours indicators. */
  honoured: boolean;
}

const newTally = (): Tally => ({
  decidedBy: { byTrigger: {}, byMode: {} },
  matchedBy: { byTrigger: {}, byMode: {} },
  decided: 0,
  matched: 0,
  covers: undefined,
  honoured: false,
});

function bump(split: Split, trigger: string, mode: string): void {
  split.byTrigger[trigger] = (split.byTrigger[trigger] ?? 0) + 1;
  split.byMode[mode] = (split.byMode[mode] ?? 0) + 1;
}

function noteMatches(tallies: Map<string, Tally>, keys: readonly string[], artifact: Artifact, mode: string, honoured: boolean): void {
  for (const key of keys) {
    const tally = tallies.get(key);
    if (tally === undefined) continue;
    tally.matched++;
    bump(tally.matchedBy, artifact.trigger, mode);
    if (honoured) tally.honoured = true;
    if (tally.covers === undefined) tally.covers = new Set(keys.filter((other) => other !== key));
    else for (const other of tally.covers) if (!keys.includes(other)) tally.covers.delete(other);
  }
}

/** An entry as written, and who may shadow it: exclusions each other, indicators those with the same action. */
interface Written {
  readonly text: string;
  readonly group: string;
}

/** The text of a scenario file, for the entries' lines; undefined when it cannot be read (then no line). */
export type TextOf = (file: string) => string | undefined;

/** What {@link measureCoverage} gives: the entries' report and the run's techniques, for the Navigator layer. */
export interface Measured {
  readonly report: CoverageReport;
  readonly techniques: TechniqueTally;
}

/**
 * Runs every scenario once (verdicts compact, streamed) and classifies each written exclusion entry and
 * indicator: `decided N` from the entries the compact verdict names, `never`, `shadowed`, `inert` (see
 * {@link EntryStatus}). `textOf` finds each entry's line (default: no lines).
 *
 * @example
 * measureCoverage([scenario]).report.entries[0]; // { key: 'tenant:paths[0]', status: 'decided', decided: 3, … }
 */
export function measureCoverage(scenarios: readonly Scenario[], textOf: TextOf = () => undefined): Measured {
  const entries: EntryCoverage[] = [];
  const techniques = emptyTechniques();
  for (const scenario of scenarios) {
    const matcher = entryMatcher(scenario);
    const tallies = new Map<string, Tally>();
    for (const key of matcher.exclusions.keys()) tallies.set(key, newTally());
    for (const indicator of matcher.indicators) tallies.set(indicator.id, newTally());
    let runHonours = false;
    streamDecided(scenario, ({ artifact, verdict, mode }) => {
      const modeName = mode ?? 'unknown';
      tallyTechnique(techniques, artifact, verdict.outcome);
      const honoured = verdict instanceof CompactVerdict && verdict.ctx.indicatorsHonoured;
      if (honoured) runHonours = true;
      noteMatches(tallies, matcher.exclusionsOf(artifact), artifact, modeName, honoured);
      noteMatches(tallies, matcher.indicatorsOf(artifact), artifact, modeName, honoured);
      if (!(verdict instanceof CompactVerdict)) return;
      const decided = decidingEntries(verdict);
      const keys = [
        decided.exclusion === undefined ? undefined : coverageKey(decided.exclusion.id, artifact.device),
        decided.indicator?.id,
      ];
      for (const key of keys) {
        const tally = key === undefined ? undefined : tallies.get(key);
        if (tally === undefined) continue;
        tally.decided++;
        bump(tally.decidedBy, artifact.trigger, modeName);
      }
    });
    // An indicator is shadowed only by one with the same action: an Allow beside a Block is a conflict (§5.4), not redundancy.
    const written = new Map<string, Written>();
    for (const [key, entry] of matcher.exclusions) written.set(key, { text: entry.text, group: 'exclusion' });
    for (const indicator of matcher.indicators) written.set(indicator.id, { text: indicator.value, group: indicator.action });
    const shadowing = (key: string) => shadowers(key, tallies, written);
    const text = textOf(scenario.file);
    for (const [key, entry] of matcher.exclusions) {
      const change = { kind: 'exclusion-added', list: entry.list, text: entry.text, id: key, title: '' } as const;
      entries.push(entryCoverage(key, 'exclusion', entry.text, scenario.file, text, change, tallies.get(key)!, false, shadowing(key)));
    }
    for (const indicator of matcher.indicators) {
      const change: PolicyChange = { kind: 'indicator-added', key: '', head: indicator, fields: [], id: indicator.id, title: '' };
      const tally = tallies.get(indicator.id)!;
      const inert = !(tally.matched > 0 ? tally.honoured : runHonours);
      entries.push(entryCoverage(indicator.id, 'indicator', describeIndicator(indicator), scenario.file, text, change, tally, inert, shadowing(indicator.id)));
    }
  }
  const counts: Record<EntryStatus, number> = { decided: 0, never: 0, shadowed: 0, inert: 0 };
  for (const entry of entries) counts[entry.status]++;
  const exercised = entries.filter((entry) => entry.decided > 0).length;
  const report: CoverageReport = {
    scenarios: scenarios.map((scenario) => scenario.file),
    entries,
    exercised,
    total: entries.length,
    percent: exercisedPercent(exercised, entries.length),
    counts,
  };
  return { report, techniques };
}

/**
 * The entries that shadow `key`: each matched every artifact `key` matched, and more; or exactly the same
 * ones while `key` is the narrower of the two as written (longer text; then the later key). Neither test reads
 * the matcher's order, so a folder inside an excluded folder is shadowed whichever list position it has.
 */
function shadowers(key: string, tallies: ReadonlyMap<string, Tally>, written: ReadonlyMap<string, Written>): string[] {
  const tally = tallies.get(key)!;
  const mine = written.get(key);
  if (tally.covers === undefined || mine === undefined) return [];
  const result: string[] = [];
  for (const other of tally.covers) {
    const theirs = tallies.get(other);
    const text = written.get(other);
    if (theirs === undefined || text === undefined || text.group !== mine.group) continue;
    const narrower = mine.text.length > text.text.length || (mine.text.length === text.text.length && key > other);
    if (theirs.matched > tally.matched || narrower) result.push(other);
  }
  return result.sort();
}

function entryCoverage(
  key: string,
  kind: EntryCoverage['kind'],
  written: string,
  file: string,
  text: string | undefined,
  change: PolicyChange,
  tally: Tally,
  inert: boolean,
  shadowedBy: readonly string[],
): EntryCoverage {
  const status: EntryStatus = inert ? 'inert' : tally.matched === 0 ? 'never' : shadowedBy.length > 0 ? 'shadowed' : 'decided';
  const at = text === undefined ? undefined : locateEntry(text, change);
  return {
    key,
    kind,
    text: written,
    file,
    ...(at === undefined ? {} : { line: at.line, column: at.column }),
    status,
    decided: tally.decided,
    matched: tally.matched,
    decidedBy: tally.decidedBy,
    matchedBy: tally.matchedBy,
    ...(status === 'shadowed' ? { shadowedBy } : {}),
  };
}
