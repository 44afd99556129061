/** An AIR question's subject as an inline SVG: the investigation's way through its statechart, the entry's tab and status. */
import { append } from '../core/append.ts';
import { formatDuration } from '../core/duration.ts';
import { forXml } from '../core/escape.ts';
import type { AirActionEntry } from '../model/index.ts';
import type { InvestigationAt } from '../pipeline/air-queries.ts';
import { entrySteps, type EntryStep } from './entry-steps.ts';
import { arrowHead, CHART_BOTTOM, CHART_WIDTH, investigationChart } from './investigation-chart.ts';
import { svgTextLines } from './svg-text.ts';

/** What the picture draws: the time asked, and the entry and investigation as they stood then (either may be absent). */
export interface InvestigationPictureSubject {
  readonly at: number;
  readonly entry?: AirActionEntry;
  readonly investigation?: InvestigationAt;
}

const STEP_W = 240;
const STEP_GAP = 36;
const LINE = 15;
const TEXT_WIDTH = 130;

const t = (ms: number) => formatDuration(ms);
const tab = (name: string) => (name === 'pending' ? 'Pending tab' : 'History tab');
const stepText = (step: EntryStep) =>
  `${tab(step.tab)}: ${step.status}${step.by === undefined ? '' : ` by ${step.by}`} at ${t(step.at)}`;

// Lines of text from `y` down, each escaped where it is placed; returns the shapes and the next free y.
function lines(y: number, text: string, maxLines: number, extra = ''): { shapes: string; y: number } {
  const parts = svgTextLines(text, TEXT_WIDTH, maxLines);
  const spans = parts.map((line, n) => `<tspan x="10" dy="${n === 0 ? 0 : LINE}">${forXml(line)}</tspan>`).join('');
  return {
    shapes: `<text class="picture-note" x="10" y="${y}" font-size="12"${extra}>${spans}</text>`,
    y: y + parts.length * LINE + 6,
  };
}

// The entry's steps left to right, the last (its tab and status at the asked time) `entry-step-current`.
function entryRow(y: number, steps: readonly EntryStep[]): string[] {
  return steps.flatMap((step, index) => {
    const x = 10 + index * (STEP_W + STEP_GAP);
    const current = index === steps.length - 1;
    const by = svgTextLines(`${step.by === undefined ? '' : `by ${step.by} `}at ${t(step.at)}`, 36, 1)[0] ?? '';
    return [
      ...(index === 0
        ? []
        : [
            `<line class="transition" x1="${x - STEP_GAP + 2}" y1="${y + 28}" x2="${x - 2}" y2="${y + 28}" stroke="currentColor"/>`,
            arrowHead(x - 2, y + 28, 1, 0),
          ]),
      `<g class="entry-step entry-step-${step.tab}${current ? ' entry-step-current' : ''}"><rect x="${x}" y="${y}" width="${STEP_W}" height="56" rx="6" fill="none" stroke="currentColor"${current ? ' stroke-width="3"' : ''}/>`,
      `<text x="${x + 10}" y="${y + 18}" font-weight="bold">${tab(step.tab)}</text>`,
      `<text x="${x + 10}" y="${y + 34}" font-size="12">${step.status}</text>`,
      `<text x="${x + 10}" y="${y + 49}" font-size="11">${forXml(by)}</text></g>`,
    ];
  });
}

/**
 * The picture of an AIR question's subject at the time asked: the investigation's statechart (the states of
 * `investigation.machine.ts`, the ones its path passed through `state-passed`, its state then `state-current`, an
 * arrow per step) with the automation level it runs under, and the Action Center entry's steps (Pending → History,
 * with who decided: Automation, an analyst, System) with the rule that placed it (level and folder). An SVG with
 * `role="img"`, an `aria-label` and a `<title>`, then the same facts as a list (class `visually-hidden`); every user
 * string escaped, no style attribute, no script.
 *
 * @example
 * renderInvestigationPicture({ at, entry, investigation }).startsWith('<figure class="investigation-picture">'); // true
 */
export function renderInvestigationPicture(subject: InvestigationPictureSubject): string {
  const { entry, investigation } = subject;
  const shapes: string[] = [];
  const facts: string[] = [];
  let y = 14;
  if (investigation !== undefined) {
    const head = `Investigation ${investigation.id} on ${investigation.device}, automation level ${investigation.level}: ${investigation.state} at ${t(subject.at)}`;
    shapes.push(lines(y, head, 1, ' font-weight="bold"').shapes);
    append(shapes, investigationChart(investigation));
    const path = investigation.path.map((step) => `${step.state} (${t(step.at)})`).join(' → ');
    const note = lines(CHART_BOTTOM + 22, `Path: ${path}`, 3);
    shapes.push(note.shapes);
    y = note.y + 12;
    facts.push(head, `Path: ${path}`);
    append(
      facts,
      investigation.reasons.map((reason) => reason.message),
    );
  }
  if (entry !== undefined) {
    const steps = entrySteps(entry);
    const head = `Action Center entry ${entry.id}: ${entry.actionType}, ${entry.entity}, on ${entry.device}`;
    const title = lines(y, head, 2, ' font-weight="bold"');
    shapes.push(title.shapes);
    y = title.y;
    append(shapes, entryRow(y, steps));
    const why = lines(y + 76, `Why there: ${entry.reason.message}`, 3);
    shapes.push(why.shapes);
    y = why.y;
    facts.push(head);
    append(facts, steps.map(stepText));
    facts.push(`Why there: ${entry.reason.message}`);
  }
  if (entry === undefined && investigation === undefined) facts.push(`The run holds no AIR record for this at ${t(subject.at)}`);
  const last = entry === undefined ? undefined : entrySteps(entry).at(-1);
  const label =
    last !== undefined
      ? `Action Center entry ${entry!.id} at ${t(subject.at)}: ${stepText(last)}`
      : investigation !== undefined
        ? `Investigation ${investigation.id} at ${t(subject.at)}: ${investigation.state}`
        : (facts[0] ?? '');
  const height = Math.max(y, 40);
  return [
    '<figure class="investigation-picture">',
    `<svg role="img" aria-label="${forXml(label)}" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${forXml(label)}</title>`,
    ...shapes,
    '</svg>',
    `<ul class="visually-hidden">${facts.map((fact) => `<li>${forXml(fact)}</li>`).join('')}</ul>`,
    `<figcaption>${forXml(label)}</figcaption>`,
    '</figure>',
  ].join('\n');
}
