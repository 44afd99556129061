/** `--answers FILE`: a YAML (or JSON) map scenario file → question id → answer, checked against the session. */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import type { Issue, Path, Result } from '../core/issue.ts';
import { didYouMean } from '../core/did-you-mean.ts';
import { createLocator } from '../scenario/text/locate.ts';
import { formatChoices, matchChoice } from './match-choice.ts';
import type { Question } from './question.ts';

/** One scenario of the session: its file as printed, and its questions. */
export interface TrainingItem {
  readonly file: string;
  readonly questions: readonly Question[];
}

/** scenario file (as printed) → question id → the canonical choice. A missing id is unanswered. */
export type Answers = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * Parses and checks an answers file, reporting every problem at once (YAML errors, unknown scenarios,
 * unknown question ids, answers that are not a choice). A scenario key matches a session file when it
 * is the same file: as printed, or resolved by `sameFile` (relative to the working folder or to the
 * answers file). An empty answer (`a1.outcome:`) counts as unanswered.
 *
 * @example
 * readAnswers('s.yaml:\n  a1.outcome: 2\n', 'answers.yaml', items, (k, f) => k === f);
 * // { ok: true, value: Map { 's.yaml' => Map { 'a1.outcome' => 'detected' } } }
 */
export function readAnswers(
  text: string,
  answersFile: string,
  items: readonly TrainingItem[],
  sameFile: (key: string, file: string) => boolean,
): Result<Answers> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const issues: Issue[] = [];
  const at = createLocator(doc, lineCounter);
  const place = (issue: Omit<Issue, 'file' | 'line' | 'column'>, path: Path, key: boolean): void => {
    const { line, column } = at(path, key);
    issues.push({ ...issue, file: answersFile, line, column });
  };
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    issues.push({
      code: 'bad_yaml',
      path: [],
      message: error.message.split('\n')[0] ?? 'not valid YAML',
      file: answersFile,
      line,
      column: col,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { ok: true, value: new Map() };
  if (!isMap(root)) {
    place(
      {
        code: 'bad_answers',
        path: [],
        message: 'the answers file must map each scenario file to its answers',
        expected: 'scenarios/01-modes/02-passive-with-block-mode.yaml:\n    beacon-injection.outcome: blocked',
        hint: 'run edrsim train … --list-questions to print a template',
      },
      [],
      false,
    );
    return { ok: false, issues };
  }
  const answers = new Map<string, Map<string, string>>();
  const files = items.map((item) => item.file);
  for (const pair of root.items as Pair[]) {
    const key = keyOf(pair);
    const item = items.find((candidate) => sameFile(key, candidate.file));
    if (item === undefined) {
      const guess = didYouMean(key, files);
      place(
        {
          code: 'unknown_scenario',
          path: [key],
          message: 'not one of the scenarios of this session',
          expected: files.join(', '),
          ...(guess ? { hint: guess } : {}),
        },
        [key],
        true,
      );
      continue;
    }
    const given = answers.get(item.file) ?? new Map<string, string>();
    answers.set(item.file, given);
    checkScenario(pair, key, item, given, place);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: answers };
}

type Place = (issue: Omit<Issue, 'file' | 'line' | 'column'>, path: Path, key: boolean) => void;

function checkScenario(pair: Pair, key: string, item: TrainingItem, given: Map<string, string>, place: Place): void {
  const value = pair.value;
  if (value === null || (isScalar(value) && value.value === null)) return;
  if (!isMap(value)) {
    place(
      { code: 'bad_answers', path: [key], message: 'answers must map question ids to answers', expected: 'a1.outcome: blocked' },
      [key],
      false,
    );
    return;
  }
  const ids = item.questions.map((question) => question.id);
  for (const entry of value.items as Pair[]) {
    const id = keyOf(entry);
    const question = item.questions.find((candidate) => candidate.id === id);
    if (question === undefined) {
      const guess = didYouMean(id, ids);
      place(
        {
          code: 'unknown_question',
          path: [key],
          message: `unknown question id "${id}"`,
          expected: ids.length === 0 ? 'no questions: this scenario asks none' : ids.join(', '),
          ...(guess ? { hint: guess } : {}),
        },
        [key, id],
        true,
      );
      continue;
    }
    const raw: unknown = isScalar(entry.value) ? entry.value.value : isNode(entry.value) ? entry.value.toJSON() : entry.value;
    if (raw === null || raw === '') continue;
    const choice = matchChoice(question.choices, raw);
    if (choice === undefined) {
      const guess = typeof raw === 'string' ? didYouMean(raw, question.choices) : undefined;
      place(
        {
          code: 'bad_choice',
          path: [key],
          message: `${id}: ${JSON.stringify(raw)} is not one of the choices`,
          expected: formatChoices(question.choices),
          ...(guess ? { hint: guess } : {}),
        },
        [key, id],
        false,
      );
      continue;
    }
    given.set(id, choice);
  }
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}
