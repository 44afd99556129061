/** The pieces of `edrsim train`: reading a choice, Markdown as plain text, the answers-file reader. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChoices, matchChoice } from '../../engine/train/match-choice.ts';
import { markdownToText, splitDescription, splitMarkdown } from '../../engine/train/plain-markdown.ts';
import { CHOICES, type Question } from '../../engine/train/question.ts';
import { readAnswers, type TrainingItem } from '../../engine/train/read-answers.ts';

describe('matchChoice', () => {
  it.each([
    [CHOICES.outcome, 2, 'detected'],
    [CHOICES.outcome, '4', 'missed'],
    [CHOICES.outcome, ' Blocked ', 'blocked'],
    [CHOICES.runningMode, 'edr-block-mode', 'EDR Block Mode'],
    [CHOICES.runningMode, 'EDR_BLOCK_MODE', 'EDR Block Mode'],
    [CHOICES.runningMode, 'Passive', 'Passive Mode'], // C2: the compat table's spelling
    [CHOICES.runningMode, 'not running', 'Not running'],
    [CHOICES.detectionStatus, 'NONE', 'none'],
    [CHOICES.actionCenter, true, 'yes'],
    [CHOICES.actionCenter, 'n', 'no'],
  ])('should read %j answer %j as %j', (choices, answer, expected) => {
    expect(matchChoice(choices, answer)).toBe(expected);
  });

  it.each([0, 5, 1.5, '', 'block', 'yes', null, ['blocked']])('should refuse %j as an outcome', (answer) => {
    expect(matchChoice(CHOICES.outcome, answer)).toBeUndefined();
  });

  it('should read every choice by its number and by its word in any case', () => {
    const fields = Object.values(CHOICES);
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.nat(), fc.boolean(), (choices, pick, upper) => {
        const index = pick % choices.length;
        const word = choices[index] as string;
        expect(matchChoice(choices, index + 1)).toBe(word);
        expect(matchChoice(choices, upper ? word.toUpperCase() : word.toLowerCase())).toBe(word);
      }),
      { numRuns: 100 },
    );
  });

  it('should list the choices numbered from 1', () => {
    expect(formatChoices(CHOICES.actionCenter)).toBe('1) yes  2) no');
  });
});

describe('markdownToText and splitDescription', () => {
  it('should drop emphasis and code marks but keep a * inside code as written (§4.2 paths)', () => {
    expect(markdownToText('`Contoso*` and `C:\\somepath\\*\\Data`: *one* folder, **exactly**')).toBe(
      'Contoso* and C:\\somepath\\*\\Data: one folder, exactly',
    );
  });

  it('should drop bold that wraps onto the next line, headings and link targets', () => {
    expect(markdownToText('# Title\nthe value is a **bit set,\nnot a number** — see [§3.4](https://example.test)')).toBe(
      'Title\nthe value is a bit set,\nnot a number — see §3.4 (https://example.test)',
    );
  });

  it('should keep "What to notice" out of the part shown before the questions', () => {
    const parts = splitDescription(
      '**Situation.** `ws-01` is passive.\n\n**Ask yourself:** why?\n\n**What to notice.**\n- it is `blocked`.\n',
    );
    expect(parts).toEqual({
      before: 'Situation. ws-01 is passive.\n\nAsk yourself: why?',
      after: 'What to notice.\n- it is blocked.',
    });
  });

  it('should show the whole description before the questions when it has no "What to notice"', () => {
    expect(splitDescription('Just a **situation**.')).toEqual({ before: 'Just a situation.' });
    expect(splitDescription(undefined)).toEqual({ before: '' });
  });

  it('should split the Markdown itself at "What to notice", marks kept, for the classroom to render', () => {
    expect(splitMarkdown('**Situation.** `x`\n\n**What to notice.** *y*')).toEqual({
      before: '**Situation.** `x`\n',
      after: '\n**What to notice.** *y*',
    });
    expect(splitMarkdown('no spoiler')).toEqual({ before: 'no spoiler' });
  });
});

describe('readAnswers', () => {
  const question = (id: string, field: Question['field']): Question => ({
    id,
    field,
    subject: 's',
    text: 't',
    choices: CHOICES[field],
    expected: CHOICES[field][0] as string,
    summary: '',
    reasons: [],
  });
  const items: TrainingItem[] = [
    { file: 'a.yaml', questions: [question('a1.outcome', 'outcome'), question('ws-01@25m.runningMode', 'runningMode')] },
  ];
  const same = (key: string, file: string) => key === file;

  it('should read a JSON answers file as well as YAML', () => {
    const read = readAnswers(
      '{ "a.yaml": { "a1.outcome": 3, "ws-01@25m.runningMode": "EDR Block Mode" } }',
      'answers.json',
      items,
      same,
    );
    expect(read.ok && [...(read.value.get('a.yaml') ?? [])]).toEqual([
      ['a1.outcome', 'allowed'],
      ['ws-01@25m.runningMode', 'EDR Block Mode'],
    ]);
  });

  it('should accept an empty file and a scenario with no answers as unanswered', () => {
    const empty = readAnswers('', 'x.yaml', items, same);
    expect(empty.ok && empty.value.size).toBe(0);
    const blank = readAnswers('a.yaml:\n', 'x.yaml', items, same);
    expect(blank.ok && blank.value.get('a.yaml')?.size).toBe(0);
  });

  it('should report a duplicate question id with its line', () => {
    const read = readAnswers('a.yaml:\n  a1.outcome: 1\n  a1.outcome: 2\n', 'x.yaml', items, same);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]).toMatchObject({ code: 'bad_yaml', file: 'x.yaml', line: 3 });
  });

  it('should name the valid question ids when a scenario asks none', () => {
    const read = readAnswers('b.yaml:\n  q.outcome: 1\n', 'x.yaml', [{ file: 'b.yaml', questions: [] }], same);
    expect(!read.ok && read.issues.map((issue) => [issue.code, issue.expected])).toEqual([
      ['unknown_question', 'no questions: this scenario asks none'],
    ]);
  });
});
