/** The investigation picture: an AIR question's investigation path and Action Center entry, drawn from the run. */
import { describe, expect, it } from 'vitest';
import type { AirActionEntry } from '../../engine/model/index.ts';
import { INVESTIGATION_TABLE } from '../../engine/model/index.ts';
import { MODELLED_INVESTIGATION_STATES } from '../../engine/train/air-questions.ts';
import { entrySteps } from '../../engine/train/entry-steps.ts';
import { renderInvestigationPicture } from '../../engine/train/investigation-picture.ts';
import { questionSubject } from '../../engine/train/question-subject.ts';
import { renderRevealHtml } from '../../engine/train/reveal-html.ts';
import { loaded, yaml } from '../scenario/scenario-text.ts';
import { classroomOf, libraryClassroom } from './classroom-fixture.ts';
import { ATTACKS, ARTIFACT, DEVICE } from './classroom-hostile.ts';
import { unknownMarkup, visibleText } from './html-markup.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const ENTRY: AirActionEntry = {
  id: '1-1',
  investigationId: 1,
  device: 'ws-01',
  at: 10 * MIN,
  artifact: 'a1',
  actionType: 'Quarantine file',
  actionSource: 'Automated device action',
  entity: 'C:\\x.exe',
  tab: 'pending',
  status: 'Pending',
  dueAt: 10 * MIN + 7 * DAY,
  reason: { layer: 'air', code: 'air-semi-all', message: 'Semi – approval required for all folders', cite: '§6.5' },
};
const steps = (entry: AirActionEntry) => entrySteps(entry).map((s) => `${s.tab} ${s.status} ${s.by ?? '-'}`);

describe('entrySteps', () => {
  it('should read an action awaiting approval as one Pending step on the Pending tab (§6.5)', () => {
    expect(steps(ENTRY)).toEqual(['pending Pending -']);
  });

  it('should read a timed-out action as Pending, then History TimedOut by System (T75)', () => {
    const timedOut = { ...ENTRY, tab: 'history', status: 'TimedOut', decidedAt: ENTRY.dueAt, decidedBy: 'System' } as const;
    expect(steps(timedOut)).toEqual(['pending Pending -', 'history TimedOut System']);
    expect(entrySteps(timedOut)[1]?.at).toBe(ENTRY.dueAt);
  });

  it('should read an automatic action as History at once, and an undo after it as Completed then Undone (T80)', () => {
    const taken = { ...ENTRY, tab: 'history', status: 'Completed', decidedAt: ENTRY.at, decidedBy: 'Automation' } as const;
    expect(steps(taken)).toEqual(['history Completed Automation']);
    expect(steps({ ...taken, status: 'Undone', undoneAt: 2 * DAY, undoneBy: 'dana' })).toEqual([
      'history Completed Automation',
      'history Undone dana',
    ]);
  });

  it('should keep a manual action in progress on History, where manual actions are listed (§6.4)', () => {
    const { investigationId: _, ...manual } = ENTRY;
    const isolating = { ...manual, actionSource: 'Manual device action', tab: 'history', actionType: 'Isolate device' } as const;
    expect(steps(isolating)).toEqual(['history Pending -']);
  });
});

const stepPattern =
  /<g class="entry-step entry-step-(\w+) entry-step-current">.*?<text[^>]*>[^<]*<\/text>\s*<text[^>]*>(\w+)<\/text>/s;

describe('the reveal of every AIR question in the library', () => {
  const rooms = [
    '01-pending-vs-automatic-by-folder',
    '02-pending-times-out-after-7-days',
    '03-scope-expansion-10-devices',
    '04-isolate-passive-and-offline',
    '05-undo-across-instances',
    '06-autoresolve-keeps-analyst-status',
    '07-air-is-not-block-mode',
    '08-suspicious-and-no-threats-found',
    '09-where-air-cannot-run',
  ].map((name) => libraryClassroom(`12-action-center/${name}.yaml`));
  const asked = rooms.flatMap((room) =>
    room.questions.filter((q) => q.field.startsWith('entry') || q.field === 'investigationState').map((q) => ({ room, q })),
  );

  it('should ask AIR questions of every kind, so the checks below check something', () => {
    expect(asked.length).toBeGreaterThan(20);
    expect(new Set(asked.map(({ q }) => q.field))).toEqual(new Set(['entryTab', 'entryStatus', 'investigationState']));
  });

  it("should mark the engine's answer as the current tab, status or state, at the end of a path the statechart allows", () => {
    for (const { room, q } of asked) {
      const html = renderRevealHtml(q, room.context);
      expect(html, q.id).toContain('<figure class="investigation-picture">');
      expect(html, q.id).not.toContain('layer-picture');
      const subject = questionSubject(q, room.context);
      if (subject?.kind !== 'air') throw new Error(`${q.id}: not an AIR subject`);
      if (q.field === 'investigationState') {
        expect(html.match(/<g class="state state-passed state-current">.*?<text[^>]*>([^<]*)<\/text>/s)?.[1], q.id).toBe(
          q.expected,
        );
      } else {
        const [, tab, status] = stepPattern.exec(html) ?? [];
        expect(q.field === 'entryTab' ? tab : status, q.id).toBe(q.expected);
      }
      const path = subject.investigation?.path ?? [];
      if (subject.entry?.investigationId !== undefined)
        expect(subject.investigation?.id, q.id).toBe(subject.entry.investigationId);
      if (path.length === 0) continue;
      expect(path[0]?.state, q.id).toBe('Queued');
      expect(path.at(-1)?.state, q.id).toBe(subject.investigation?.state);
      for (let i = 1; i < path.length; i++) {
        const targets = [...(INVESTIGATION_TABLE.get(path[i - 1]!.state)?.values() ?? [])].flat().map((t) => t.target);
        expect(targets, `${q.id}: ${path[i - 1]!.state} → ${path[i]!.state}`).toContain(path[i]!.state);
        expect(path[i]!.at).toBeGreaterThanOrEqual(path[i - 1]!.at);
      }
    }
  });

  it('should not take an AIR question for the artifact question of the same artifact (both unnamed by time)', () => {
    const room = libraryClassroom('12-action-center/07-air-is-not-block-mode.yaml');
    expect(room.question('stealer-air.outcome').id).toBe('stealer-air.outcome');
    expect(questionSubject(room.question('stealer-air.entryStatus'), room.context)?.kind).toBe('air');
    const html = renderRevealHtml(room.question('stealer-air.entryStatus'), room.context);
    expect(html).toContain('investigation-picture');
    expect(html).not.toContain('layer-picture');
  });

  it('should draw every modelled state once, with the passed ones apart from the rest', () => {
    const room = libraryClassroom('12-action-center/02-pending-times-out-after-7-days.yaml');
    const html = renderRevealHtml(room.question('invoice-ignored@8d.investigationState'), room.context);
    const pills = [...html.matchAll(/<g class="state( state-passed)?( state-current)?">.*?<text[^>]*>([^<]*)<\/text>/gs)];
    expect(pills.map((m) => m[3])).toEqual([...MODELLED_INVESTIGATION_STATES]);
    expect(pills.filter((m) => m[1] !== undefined).map((m) => m[3])).toEqual([
      'Queued',
      'Running',
      'PendingApproval',
      'PartiallyRemediated',
    ]);
    expect(visibleText(html)).toContain(
      'Path: Queued (10m) → Running (10m) → PendingApproval (10m) → PartiallyRemediated (7d10m)',
    );
    expect(html).toMatch(/<svg role="img" aria-label="Investigation \d+ at 8d: PartiallyRemediated"/);
  });
});

const HOSTILE_USER = '<script>alert(1)</script>';
const HOSTILE_AIR = yaml(
  'name: hostile AIR',
  `description: ${JSON.stringify(`${ATTACKS.join(' ')}`)}`,
  'tenant: { air: true, ungroupedAutomationLevel: semi-all-folders }',
  'devices:',
  `  - { name: ${JSON.stringify(DEVICE)}, os: windows-11, primaryAv: non-microsoft }`,
  'timeline:',
  '  - at: 5m',
  '    artifact:',
  `      id: ${JSON.stringify(ARTIFACT)}`,
  `      device: ${JSON.stringify(DEVICE)}`,
  '      class: malicious',
  '      kind: file',
  `      path: 'C:\\Users\\x\\"><img src=x onerror=alert(1)>\\<script>alert(1)</script>.exe'`,
  '      trigger: on-access',
  '      signals: { primaryAv: miss, mdav: miss, edr: detect }',
  '  - at: 1h',
  '    action: approve',
  `    artifact: ${JSON.stringify(ARTIFACT)}`,
  `    by: { user: ${JSON.stringify(HOSTILE_USER)}, role: security-administrator }`,
  'expect:',
  `  - { artifact: ${JSON.stringify(ARTIFACT)}, outcome: detected }`,
  `  - actionCenterEntry: { artifact: ${JSON.stringify(ARTIFACT)}, tab: history, status: Completed }`,
  `  - investigation: { artifact: ${JSON.stringify(ARTIFACT)}, state: SuccessfullyRemediated }`,
);

describe('renderInvestigationPicture on hostile names', () => {
  const room = classroomOf(loaded(HOSTILE_AIR));

  it('should show the device, the artifact and the approver as text, never as markup', () => {
    for (const id of [`${ARTIFACT}.entryTab`, `${ARTIFACT}.entryStatus`, `${ARTIFACT}.investigationState`]) {
      const html = renderRevealHtml(room.question(id), room.context);
      const figure = html.slice(html.indexOf('<figure'), html.indexOf('</figure>') + 9);
      expect(figure, id).toMatch(/^<figure class="investigation-picture">/);
      expect(unknownMarkup(html), id).toEqual([]);
      expect(visibleText(figure), id).toContain(DEVICE);
      if (id.endsWith('investigationState')) continue;
      expect(visibleText(figure), id).toContain(`by ${HOSTILE_USER} at 1h`);
      expect(visibleText(figure), id).toContain('<script>alert(1)<\\script>.exe, on ws-01"><img');
      expect(figure, id).not.toMatch(/<script|<img|style=/i);
    }
  });

  it('should say so when the run holds neither an entry nor an investigation', () => {
    const html = renderInvestigationPicture({ at: 5 * MIN });
    expect(html).toContain('The run holds no AIR record for this at 5m');
    expect(unknownMarkup(html)).toEqual([]);
  });
});
