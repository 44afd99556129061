/** The instructor's tallies per question, the most-missed list, and the exports: deterministic and inert in a spreadsheet. */
import { describe, expect, it } from 'vitest';
import {
  CLASS_CSV_HEADER,
  classResultsCsv,
  classResultsJson,
  summariseClass,
  type ClassAnswer,
  type ClassQuestion,
} from '../../engine/train/class-summary.ts';
import { answerPoints } from '../../engine/train/classroom-score.ts';

const QUESTIONS: ClassQuestion[] = [
  { scenario: 0, id: 'a1.outcome', choices: ['blocked', 'detected', 'allowed', 'missed'], expected: 'blocked' },
  { scenario: 0, id: 'a1.actionCenter', choices: ['yes', 'no'], expected: 'yes' },
  {
    scenario: 1,
    id: 'ws-01.runningMode',
    choices: ['Normal', 'Passive Mode', 'EDR Block Mode', 'Not running'],
    expected: 'EDR Block Mode',
  },
];

function answer(trainee: string, scenario: number, question: string, given: string, expected: string): ClassAnswer {
  const correct = given === expected;
  return {
    trainee,
    traineeName: `name of ${trainee}`,
    scenario,
    question,
    given,
    correct,
    confidence: 'high',
    hints: 0,
    points: answerPoints(correct, 'high', 0),
  };
}

const ANSWERS: ClassAnswer[] = [
  answer('t1', 0, 'a1.outcome', 'detected', 'blocked'),
  answer('t2', 0, 'a1.outcome', 'detected', 'blocked'),
  answer('t3', 0, 'a1.outcome', 'blocked', 'blocked'),
  answer('t1', 0, 'a1.actionCenter', 'no', 'yes'),
  answer('t1', 1, 'ws-01.runningMode', 'Passive Mode', 'EDR Block Mode'),
  answer('t2', 1, 'ws-01.runningMode', 'Normal', 'EDR Block Mode'),
];

describe('summariseClass', () => {
  it('should count every choice of every question, 0 included, in choice order', () => {
    const summary = summariseClass(QUESTIONS, ANSWERS);
    expect(summary.questions[0]?.counts).toEqual([
      { choice: 'blocked', count: 1 },
      { choice: 'detected', count: 2 },
      { choice: 'allowed', count: 0 },
      { choice: 'missed', count: 0 },
    ]);
    expect(summary.questions.map((q) => [q.id, q.answered, q.correct, q.other])).toEqual([
      ['a1.outcome', 3, 1, 0],
      ['a1.actionCenter', 1, 0, 0],
      ['ws-01.runningMode', 2, 0, 0],
    ]);
  });

  it('should list the most-missed questions first, ties in course order, each with the wrong answer most chosen', () => {
    const { mostMissed } = summariseClass(QUESTIONS, ANSWERS);
    expect(mostMissed.map((q) => [q.id, q.misses, q.mostChosenWrong, q.mostChosenWrongCount])).toEqual([
      ['a1.outcome', 2, 'detected', 2],
      // A tie between wrong answers goes to the first in choice order: Normal before Passive Mode.
      ['ws-01.runningMode', 2, 'Normal', 1],
      ['a1.actionCenter', 1, 'no', 1],
    ]);
  });

  it("should keep a trainee's last answer to a question, ignore unknown questions, and count off-list answers apart", () => {
    const summary = summariseClass(QUESTIONS, [
      answer('t1', 0, 'a1.outcome', 'detected', 'blocked'),
      answer('t1', 0, 'a1.outcome', 'blocked', 'blocked'),
      answer('t1', 5, 'nope.outcome', 'blocked', 'blocked'),
      answer('t2', 0, 'a1.outcome', '<script>', 'blocked'),
    ]);
    expect(summary.questions[0]).toMatchObject({ answered: 2, correct: 1, other: 1 });
    expect(summary.mostMissed[0]).toMatchObject({ id: 'a1.outcome', misses: 1, mostChosenWrongCount: 0 });
    expect(summary.mostMissed[0]?.mostChosenWrong).toBeUndefined();
    expect(summariseClass(QUESTIONS, []).mostMissed).toEqual([]);
  });
});

describe('classResultsCsv', () => {
  it('should write RFC 4180 rows with a header, and defuse formulas and quotes in trainee names', () => {
    const hostile: ClassAnswer = {
      ...answer('t9', 0, 'a1.outcome', 'blocked', 'blocked'),
      traineeName: '=HYPERLINK("http://evil.example","x")',
    };
    const csv = classResultsCsv([hostile, { ...hostile, traineeName: '@SUM(1)\r\nnext', trainee: '+t' }]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CLASS_CSV_HEADER.join(','));
    expect(lines[1]).toBe(`t9,"'=HYPERLINK(""http://evil.example"",""x"")",1,a1.outcome,blocked,yes,high,0,3`);
    expect(csv).toContain(`'+t,"'@SUM(1)\r\nnext",1,`);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(classResultsCsv([])).toBe(`${CLASS_CSV_HEADER.join(',')}\r\n`);
  });
});

describe('classResultsJson', () => {
  it('should give the same bytes for the same class, keys in a fixed order, invisible characters escaped', () => {
    const named = ANSWERS.map((a, i) => (i === 0 ? { ...a, traineeName: 'evil\u202egnp.exe' } : a));
    const json = classResultsJson(QUESTIONS, named);
    expect(
      classResultsJson(
        QUESTIONS,
        named.map((a) => ({ ...a })),
      ),
    ).toBe(json);
    expect(json).toContain('evil\\u202egnp.exe');
    const parsed = JSON.parse(json) as { summary: unknown; answers: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['summary', 'answers']);
    expect(Object.keys(parsed.answers[0] ?? {})).toEqual([
      'trainee',
      'traineeName',
      'scenario',
      'question',
      'given',
      'correct',
      'confidence',
      'hints',
      'points',
    ]);
    expect(parsed.summary).toEqual(JSON.parse(JSON.stringify(summariseClass(QUESTIONS, ANSWERS))));
  });
});
