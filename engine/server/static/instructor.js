// @ts-check
/** The instructor's page: the roster, each question's answers as bars (live over server-sent events), locks, exports. */
import { api, byId, el, fill, listen, svg } from './page.js';

/** @typedef {{ name: string, answered: number, correct: number, points: number }} Member */
/** @typedef {{ index: number, scenario: string, id: string, text: string, expected: string, choices: string[],
 *   counts: number[], answered: number, correct: number, locked: boolean }} QuestionStats */
/** @typedef {{ index: number, text: string, wrong: number, answered: number, commonWrong?: string }} Missed */
/** @typedef {{ trainees: Member[], questions: QuestionStats[], mostMissed: Missed[] }} View */

const BAR = 240;

async function refresh() {
  try {
    render(await api('/api/instructor/class'));
    byId('problem').hidden = true;
  } catch (error) {
    // After a restart the instructor cookie is gone (it is never saved): the server printed a fresh address.
    byId('problem').hidden = false;
    byId('problem').textContent = `${error instanceof Error ? error.message : String(error)}.`;
  }
}

/** @param {View} v */
function render(v) {
  byId('count').textContent = String(v.trainees.length);
  fill(
    byId('roster'),
    v.trainees.length === 0
      ? el('p', {}, 'Nobody has joined yet: share the trainee address.')
      : el(
          'table',
          {},
          el(
            'thead',
            {},
            el('tr', {}, el('th', {}, 'name'), el('th', {}, 'answered'), el('th', {}, 'correct'), el('th', {}, 'points')),
          ),
          el(
            'tbody',
            {},
            ...v.trainees.map((t) =>
              el(
                'tr',
                {},
                el('td', {}, t.name),
                el('td', {}, String(t.answered)),
                el('td', {}, String(t.correct)),
                el('td', {}, String(t.points)),
              ),
            ),
          ),
        ),
  );
  fill(
    byId('missed'),
    ...(v.mostMissed.length === 0
      ? [el('li', {}, 'No wrong answers yet.')]
      : v.mostMissed.map((m) =>
          el(
            'li',
            {},
            `${m.text}: ${m.wrong} of ${m.answered} wrong`,
            m.commonWrong === undefined ? '' : `, most chose ${m.commonWrong}`,
          ),
        )),
  );
  const focused = document.activeElement?.id;
  fill(byId('questions'), ...v.questions.map(question));
  if (focused) document.getElementById(focused)?.focus();
  byId('live').textContent = `${v.trainees.length} trainees, ${v.questions.reduce((sum, q) => sum + q.answered, 0)} answers`;
}

/** @param {QuestionStats} q */
function question(q) {
  const most = Math.max(1, ...q.counts);
  const rows = q.choices.map((choice, n) => {
    const count = q.counts[n] ?? 0;
    const y = n * 24;
    return svg(
      'g',
      {},
      svg('text', { x: 0, y: y + 16, class: choice === q.expected ? 'expected' : '' }, choice),
      svg('rect', {
        x: 170,
        y: y + 4,
        height: 16,
        width: Math.round((count / most) * BAR),
        class: choice === q.expected ? 'bar right' : 'bar',
        'data-count': count,
      }),
      svg('text', { x: 170 + BAR + 8, y: y + 16, class: 'count' }, String(count)),
    );
  });
  const label = `${q.text}: ${q.choices.map((c, n) => `${c} ${q.counts[n] ?? 0}`).join(', ')}`;
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${170 + BAR + 40} ${q.choices.length * 24 + 4}`, role: 'img', 'aria-label': label, class: 'chart' },
    ...rows,
  );
  const lock = el(
    'button',
    { type: 'button', id: `lock-${q.index}`, 'aria-pressed': q.locked ? 'true' : 'false' },
    q.locked ? `Unlock the reveal of question ${q.index + 1}` : `Lock the reveal of question ${q.index + 1}`,
  );
  lock.addEventListener('click', async () => {
    try {
      render(await api('/api/instructor/lock', { question: q.index, locked: !q.locked }));
    } catch {
      await refresh();
    }
  });
  return el(
    'section',
    { class: `q${q.locked ? ' locked' : ''}`, 'data-question': String(q.index), 'data-answered': String(q.answered) },
    el('h3', {}, `Q${q.index + 1}. ${q.scenario}`),
    el('p', {}, q.text),
    el('p', { class: 'meta' }, `engine's answer: ${q.expected} · ${q.correct} of ${q.answered} right`),
    chart,
    lock,
  );
}

listen('/api/instructor/events', () => void refresh());
void refresh();
