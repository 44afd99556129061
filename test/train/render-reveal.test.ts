// The training reveal: each block's cites become numbered footnotes with titles and links, wrapped to the terminal.
import { describe, expect, it } from 'vitest';
import { visibleWidth } from '../../engine/core/wrap-text.ts';
import type { Question } from '../../engine/train/question.ts';
import { renderReveal } from '../../engine/train/render-reveal.ts';
import { questionResult } from '../../engine/train/train-report.ts';

const question = (field: Question['field'], expected: string, cite?: string): Question => ({
  id: `a1.${field}`,
  field,
  subject: 'artifact a1 on ws-01 at 5m',
  text: `artifact a1 on ws-01 at 5m: ${field}?`,
  choices: ['blocked', 'detected'],
  expected,
  summary: 'blocked by edr-block-mode, detection status Blocked, Action Center entry: yes',
  reasons: [
    '[primary-av] the non-Microsoft primary antivirus did not flag it (§1.1)',
    '[edr-block-mode] EDR in block mode remediated the EDR detection through Defender Antivirus (§3.7)',
    '[note] a reason with (no cite) at its end',
  ],
  ...(cite === undefined ? {} : { cite }),
});

const QUESTIONS = [question('outcome', 'blocked', 'T32'), question('detectionStatus', 'Blocked', '§3.7')];
const RESULTS = [questionResult(QUESTIONS[0] as Question, 'detected'), questionResult(QUESTIONS[1] as Question, 'Blocked')];

describe('renderReveal', () => {
  it('should number each cite once per block and end the block with its footnotes and links', () => {
    const text = renderReveal(QUESTIONS, RESULTS);
    expect(text).toContain('✘ Q1 outcome: blocked — you answered detected  T32 [1]');
    expect(text).toContain('✔ Q2 detectionStatus: Blocked  §3.7 [2]');
    // A reason's trailing cite gets the footnote the question already has, or a new one.
    expect(text).toContain('through Defender Antivirus (§3.7 [2])');
    expect(text).toContain('did not flag it (§1.1 [3])');
    expect(text).toContain('a reason with (no cite) at its end');
    expect(text).toMatch(/^ {4}\[1\] T32 \(§8\.3 EDR-BM verdicts with exclusions and indicators\)$/m);
    expect(text).toContain(
      'Endpoint detection and response in block mode — https://learn.microsoft.com/en-us/defender-endpoint/edr-in-block-mode',
    );
  });

  it('should wrap to 40 columns without breaking a word or a link', () => {
    const text = renderReveal(QUESTIONS, RESULTS, false, 40);
    for (const line of text.split('\n')) if (visibleWidth(line) > 40) expect(line.trim()).not.toMatch(/ /);
    expect(text).toMatch(/^ +https:\/\/learn\.microsoft\.com\/en-us\/defender-endpoint\/edr-in-block-mode$/m);
  });

  it('should give the --report JSON the cite sources beside the cite, and none without a cite', () => {
    expect(RESULTS[0]?.sources[0]).toMatchObject({
      source: 'edr-bm',
      kind: 'page',
      url: expect.stringMatching(/^https:\/\/learn/),
    });
    expect(questionResult(question('outcome', 'blocked'), 'blocked').sources).toEqual([]);
  });
});
