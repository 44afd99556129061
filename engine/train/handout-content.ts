/** What a printed handout holds per scenario, as raw text: the renderers (HTML, Markdown) escape it where they place it. */
import { formatDuration } from '../core/duration.ts';
import { resolveCite, type CiteLink } from '../core/cite/resolve-cite.ts';
import type { DeviceConfig } from '../core/config.ts';
import { splitDescription } from './plain-markdown.ts';
import { cells, policyLines, tenantLines } from './render-setup.ts';
import { describe } from './render-timeline.ts';
import type { SessionItem } from './run-session.ts';

/** A cite as the handout shows it: its label and each source's title and link (none when the registry lacks it). */
export interface HandoutCite {
  readonly key: string;
  readonly label: string;
  /** At most {@link MAX_SOURCES}, current pages first. */
  readonly sources: readonly CiteLink[];
  /** How many more sources the registry has for it. */
  readonly more: number;
}

/** Sources listed per cite, as the terminal footnotes do (cite-notes.ts); the JSON report has them all. */
export const MAX_SOURCES = 3;

/** One question with boxes to tick; `answer` only in the answer key. */
export interface HandoutQuestion {
  readonly id: string;
  readonly text: string;
  readonly choices: readonly string[];
  readonly answer?: {
    readonly expected: string;
    readonly summary: string;
    /** Each reason without its trailing ` (cite)`, with the cite resolved. */
    readonly reasons: readonly { readonly text: string; readonly cite?: HandoutCite }[];
    readonly cite?: HandoutCite;
  };
}

/** One scenario of the handout. */
export interface HandoutScenario {
  readonly name: string;
  readonly file: string;
  /** The situation and the question, as plain text paragraphs ("What to notice" held back). */
  readonly situation: readonly string[];
  /** "What to notice", only in the answer key. */
  readonly notice?: readonly string[];
  /** Devices with the same settings share a row: name (or `first … last (n)`), os, primary AV, onboarded, settings. */
  readonly fleet: readonly (readonly string[])[];
  readonly tenant: readonly string[];
  readonly policy: readonly string[];
  /** Every timeline event: its time and its lines (an artifact's ground truth, never its verdict). */
  readonly timeline: readonly { readonly at: string; readonly lines: readonly string[] }[];
  readonly questions: readonly HandoutQuestion[];
}

/** The fleet table's header, the same columns `edrsim train` shows. */
export const FLEET_HEADER = ['device', 'os', 'primary AV', 'onboarded', 'settings'] as const;

const paragraphs = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\n\s*\n/)
    // A line wrapped in the YAML source joins the one before; a list item or table row keeps its own line.
    .map((paragraph) => paragraph.trim().replace(/[ \t]*\n[ \t]*(?!(?:[-*+]|\d+[.)])\s|\|)/g, ' '))
    .filter((paragraph) => paragraph !== '');

/**
 * A cite resolved through the one registry; a cite it does not know keeps its text and has no source.
 *
 * @example
 * handoutCite('§3.8').sources[0]?.url; // 'https://learn.microsoft.com/…/edr-in-block-mode'
 */
export function handoutCite(cite: string): HandoutCite {
  const resolved = resolveCite(cite);
  return resolved === undefined
    ? { key: cite.trim(), label: cite.trim(), sources: [], more: 0 }
    : {
        key: resolved.key,
        label: resolved.label,
        // A current Learn page reads better on paper than an archived copy of it.
        sources: [
          ...resolved.sources.filter((s) => s.kind === 'page'),
          ...resolved.sources.filter((s) => s.kind !== 'page'),
        ].slice(0, MAX_SOURCES),
        more: Math.max(0, resolved.sources.length - MAX_SOURCES),
      };
}

// Reasons are stored rendered, `[layer] message (cite)` (question.ts): the trailing cite is split off to link it.
function reason(line: string): { text: string; cite?: HandoutCite } {
  const match = / \(([^()]+)\)$/.exec(line);
  const cite = match?.[1];
  if (match === null || cite === undefined || resolveCite(cite) === undefined) return { text: line };
  return { text: line.slice(0, match.index), cite: handoutCite(cite) };
}

function fleetRows(devices: readonly DeviceConfig[]): string[][] {
  const rows: string[][] = [];
  let group: { first: DeviceConfig; last: DeviceConfig; count: number; key: string } | undefined;
  const flush = () => {
    if (group === undefined) return;
    const name = group.count === 1 ? group.first.name : `${group.first.name} … ${group.last.name} (${group.count})`;
    rows.push([name, ...cells(group.first)]);
  };
  for (const device of devices) {
    const key = cells(device).join('\u0000');
    if (group !== undefined && group.key === key) {
      group.last = device;
      group.count++;
      continue;
    }
    flush();
    group = { first: device, last: device, count: 1, key };
  }
  flush();
  return rows;
}

/**
 * The handout's content for one scenario and its questions (as `edrsim train` asks them). With `answerKey`
 * (default false) each question carries the engine's answer, its reasons and their sources, and the
 * description's "What to notice" is kept.
 *
 * @example
 * handoutContent(item).questions[0]?.answer; // undefined: a trainee's copy
 * handoutContent(item, true).questions[0]?.answer?.expected; // 'blocked'
 */
export function handoutContent(item: SessionItem, answerKey = false): HandoutScenario {
  const { scenario, questions } = item;
  const description = splitDescription(scenario.description);
  return {
    name: scenario.name,
    file: scenario.file,
    situation: paragraphs(description.before),
    ...(answerKey && description.after !== undefined ? { notice: paragraphs(description.after) } : {}),
    fleet: fleetRows(scenario.devices),
    tenant: tenantLines(scenario),
    policy: policyLines(scenario),
    timeline: scenario.timeline.map((event) => ({ at: formatDuration(event.at), lines: describe(event, scenario) })),
    questions: questions.map((question) => ({
      id: question.id,
      text: question.text,
      choices: question.choices,
      ...(answerKey
        ? {
            answer: {
              expected: question.expected,
              summary: question.summary,
              reasons: question.reasons.map(reason),
              ...(question.cite === undefined ? {} : { cite: handoutCite(question.cite) }),
            },
          }
        : {}),
    })),
  };
}
