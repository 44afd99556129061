// @ts-check
/** The trainee's page: join, read each scenario's briefing, answer with a confidence, open hints, see the reveal. */
import { api, byId, el, fill, listen } from './page.js';

/** @typedef {{ index: number, id: string, subject: string, text: string, choices: string[], hints: string[], hintsLeft: number,
 *   status: 'open' | 'submitted' | 'revealed', held?: 'scenario' | 'instructor', given?: string, confidence?: string, correct?: boolean, expected?: string,
 *   points?: number, revealHtml?: string }} Question */
/** @typedef {{ index: number, theme: string, questions: Question[], briefing: { name: string, file: string,
 *   situationHtml: string, fleet: string[][], tenant: string[], policy: string[], timeline: { at: string, lines: string[] }[] } }} Scenario */
/** @typedef {{ joined: true, name: string, fleetHeader: string[], scenarios: Scenario[], progress: { answered: number, total: number },
 *   score: { points: number, revealed: number }, mastery: { theme: string, answered: number, correct: number, points: number, maxPoints: number, share: number }[] }} View */

const CONFIDENCES = ['low', 'medium', 'high'];
/** @type {View | undefined} */
let view;
/** @type {number | undefined} */
let current;
let listening = false;

/** Fetches the trainee's view; a server that no longer knows the session (a class not saved) asks to join again. */
async function load() {
  try {
    const me = await api('/api/me');
    if (me.joined) return show(me);
    view = undefined;
    byId('class').hidden = true;
    byId('join').hidden = false;
  } catch (error) {
    byId('live').textContent = `The class server did not answer: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function start() {
  await load();
  byId('join-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = /** @type {HTMLInputElement} */ (byId('name'));
    try {
      show(await api('/api/join', { name: input.value }));
    } catch (error) {
      byId('join-error').textContent = error instanceof Error ? error.message : String(error);
    }
  });
}

/** @param {View} next */
function show(next) {
  view = next;
  byId('join').hidden = true;
  byId('class').hidden = false;
  byId('who').textContent = `Signed in as ${next.name}`;
  if (current === undefined) {
    const open = next.scenarios.find((s) => s.questions.some((q) => q.status === 'open'));
    current = (open ?? next.scenarios[next.scenarios.length - 1])?.index ?? 0;
  }
  render();
  if (!listening) {
    listening = true;
    listen('/api/events', () => void load());
  }
}

function render() {
  if (view === undefined) return;
  const { progress, score } = view;
  const bar = /** @type {HTMLProgressElement} */ (byId('progress'));
  bar.max = Math.max(progress.total, 1);
  bar.value = progress.answered;
  byId('progress-text').textContent = `${progress.answered} of ${progress.total} questions answered`;
  byId('score').textContent = `Score: ${score.points} points over ${score.revealed} revealed answers`;
  fill(
    byId('scenario-list'),
    ...view.scenarios.map((s) => {
      const done = s.questions.filter((q) => q.status !== 'open').length;
      const button = el(
        'button',
        { type: 'button', 'aria-current': s.index === current ? 'step' : undefined },
        `${s.index + 1}. ${s.briefing.name} (${done}/${s.questions.length})`,
      );
      button.addEventListener('click', () => {
        current = s.index;
        render();
        byId('scenario').focus();
      });
      return el('li', {}, button);
    }),
  );
  const scenario = view.scenarios.find((s) => s.index === current);
  if (scenario !== undefined) renderScenario(scenario, view);
  fill(
    byId('mastery'),
    view.mastery.length === 0
      ? el('p', {}, 'Answer a question to see your mastery.')
      : el(
          'table',
          {},
          el('thead', {}, el('tr', {}, el('th', {}, 'theme'), el('th', {}, 'correct'), el('th', {}, 'points'))),
          el(
            'tbody',
            {},
            ...view.mastery.map((m) =>
              el(
                'tr',
                {},
                el('td', {}, m.theme),
                el('td', {}, `${m.correct}/${m.answered}`),
                el('td', {}, `${m.points} of ${m.maxPoints}`),
              ),
            ),
          ),
        ),
  );
}

/** @param {Scenario} s @param {View} v */
function renderScenario(s, v) {
  const b = s.briefing;
  const kept = keepChoices();
  const article = byId('scenario');
  article.setAttribute('tabindex', '-1');
  fill(
    article,
    el('h2', {}, `Scenario ${s.index + 1} of ${v.scenarios.length}: ${b.name}`),
    el('p', { class: 'file' }, b.file),
    el('h3', {}, 'Situation'),
    situation(b.situationHtml),
    el('h3', {}, 'Fleet'),
    table(v.fleetHeader, b.fleet),
    el('h3', {}, 'Tenant'),
    list(b.tenant),
    el('h3', {}, 'Policy: exclusions and indicators'),
    list(b.policy),
    el('h3', {}, 'Timeline'),
    table(
      ['at', 'event and ground truth'],
      b.timeline.map((event) => [event.at, event.lines.join('\n')]),
    ),
    el('h3', {}, `Questions (${s.questions.length})`),
    ...(s.questions.length === 0
      ? [el('p', {}, 'No questions in this scenario.')]
      : s.questions.map((q, n) => question(q, n, kept))),
  );
}

/** @param {string} html */
function situation(html) {
  const box = el('div', { class: 'situation' });
  // Markdown rendered by the server with raw HTML off and every string escaped (engine/train/markdown-html.ts).
  box.innerHTML = html === '' ? '<p>(no description)</p>' : html;
  return box;
}

/** @param {string[]} lines */
const list = (lines) => el('ul', {}, ...lines.map((line) => el('li', {}, line)));

/** @param {string[]} header @param {string[][]} rows */
function table(header, rows) {
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...header.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell) => el('td', { class: 'pre' }, cell))))),
  );
}

/** The choices ticked in open questions, so that a re-render (an event) never loses them. */
function keepChoices() {
  /** @type {Map<string, string>} */
  const kept = new Map();
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (
    document.querySelectorAll('#scenario input[type=radio]:checked')
  ))
    kept.set(input.name, input.value);
  return kept;
}

/** @param {Question} q @param {number} n @param {Map<string, string>} kept */
function question(q, n, kept) {
  const head = el('h4', { id: `q${q.index}-title` }, `Q${n + 1}. ${q.text}`);
  const hints =
    q.hints.length === 0
      ? undefined
      : el('ul', { class: 'hints', 'aria-label': 'Hints opened' }, ...q.hints.map((h) => el('li', {}, h)));
  if (q.status === 'submitted')
    return el(
      'section',
      { class: 'q held', 'data-question': String(q.index), 'aria-labelledby': head.id },
      head,
      el(
        'p',
        {},
        `Your answer: ${q.given} (confidence ${q.confidence}). `,
        q.held === 'instructor'
          ? 'The instructor holds this reveal for now: it appears here when released.'
          : 'The reveal comes when every question of this scenario is answered.',
      ),
      hints,
    );
  if (q.status === 'revealed') {
    const reveal = el('div', { class: 'reveal-box' });
    // Built by the server from escaped text only (engine/train/reveal-html.ts); the page's CSP runs no script in it anyway.
    reveal.innerHTML = q.revealHtml ?? '';
    return el(
      'section',
      { class: `q ${q.correct ? 'right' : 'wrong'}`, 'data-question': String(q.index), 'aria-labelledby': head.id },
      head,
      el(
        'p',
        { class: 'result' },
        `${q.correct ? 'Correct' : 'Not quite'}: you answered ${q.given} (confidence ${q.confidence}); the engine says ${q.expected}. ${q.points} points.`,
      ),
      hints,
      reveal,
    );
  }
  const name = `answer-${q.index}`;
  const confidence = `confidence-${q.index}`;
  const radio = (/** @type {string} */ group, /** @type {string} */ value, /** @type {boolean} */ checked) =>
    el('label', { class: 'choice' }, el('input', { type: 'radio', name: group, value, required: true, checked }), ` ${value}`);
  const form = el(
    'form',
    { class: 'answer' },
    el('fieldset', {}, el('legend', {}, 'Your answer'), ...q.choices.map((c) => radio(name, c, kept.get(name) === c))),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Your confidence'),
      ...CONFIDENCES.map((c) => radio(confidence, c, (kept.get(confidence) ?? 'medium') === c)),
    ),
    el('p', { class: 'error', role: 'alert' }),
    q.hintsLeft > 0
      ? el('button', { type: 'button', class: 'hint' }, `Open a hint (costs points; ${q.hintsLeft} left)`)
      : undefined,
    el('button', { type: 'submit' }, 'Submit answer'),
  );
  form.querySelector('button.hint')?.addEventListener('click', async () => {
    try {
      show(await api('/api/hint', { question: q.index }));
    } catch (error) {
      report(form, error);
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    try {
      show(await api('/api/answer', { question: q.index, answer: data.get(name), confidence: data.get(confidence) }));
      byId('live').textContent = `Question ${n + 1} submitted.`;
      document.getElementById(`q${q.index}-title`)?.setAttribute('tabindex', '-1');
      document.getElementById(`q${q.index}-title`)?.focus();
    } catch (error) {
      report(form, error);
    }
  });
  return el('section', { class: 'q', 'data-question': String(q.index), 'aria-labelledby': head.id }, head, hints, form);
}

/** @param {Element} form @param {unknown} error */
function report(form, error) {
  const slot = form.querySelector('.error');
  if (slot !== null) slot.textContent = error instanceof Error ? error.message : String(error);
}

void start();
