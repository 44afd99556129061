/** Hints: two per question, general then specific, and never the answer. */
import { describe, expect, it } from 'vitest';
import { questionHints, statesAnswer } from '../../engine/train/question-hints.ts';
import { libraryClassroom, textClassroom } from './classroom-fixture.ts';
import { yaml } from '../scenario/scenario-text.ts';

describe('statesAnswer', () => {
  it('should find the answer as whole words in any case, and not inside other words', () => {
    expect(statesAnswer('it shows Passive   mode', 'Passive Mode')).toBe(true);
    expect(statesAnswer('it was BLOCKED.', 'blocked')).toBe(true);
    expect(statesAnswer('EDR in block mode', 'blocked')).toBe(false);
    expect(statesAnswer('EDR in block mode', 'EDR Block Mode')).toBe(false);
    expect(statesAnswer('it is not there', 'no')).toBe(false);
    expect(statesAnswer('no entry', 'no')).toBe(true);
    expect(statesAnswer('non-none', 'none')).toBe(false);
    expect(statesAnswer('anything', '')).toBe(false);
    expect(statesAnswer('a (b) c', '(b)')).toBe(true);
  });
});

describe('questionHints', () => {
  it('should give two hints: what decides this kind of answer, then the facts of this subject', () => {
    const { context, question } = libraryClassroom('07-exclusions/01-block-mode-honours-folder-exclusion.yaml');
    const temp = questionHints(question('temp-dropper.outcome'), context);
    const roaming = questionHints(question('roaming-dropper.outcome'), context);
    expect(temp).toHaveLength(2);
    expect(temp[0]).toBe(roaming[0]);
    expect(temp[0]).toMatch(/^Walk the layers in order/);
    expect(temp[1]).toContain('An exclusion entry matches it');
    expect(roaming[1]).not.toContain('exclusion');
    expect(temp[1]).toMatch(/^On ws-dev-88 at 5m, Defender Antivirus is passive and EDR in block mode is effective\./);
    expect(temp[1]).toMatch(/ It shows as behaviour: behaviour monitoring and EDR telemetry see it\.$/);
  });

  it("should point at what decides a device's running mode without naming a mode", () => {
    const { context, question } = libraryClassroom('05-timing/01-disable-takes-30-minutes.yaml');
    const hints = questionHints(question('ws-pay-09@25m.runningMode'), context);
    expect(hints[1]).toMatch(/^Look at ws-pay-09 at 25m: a non-Microsoft antivirus is installed, it is onboarded;/);
  });

  it('should fall back to a neutral hint when the facts would say the answer, e.g. a device named after it', () => {
    const classroom = textClassroom(
      yaml(
        'name: named after the answer',
        'devices:',
        '  - { name: blocked, os: windows-11 }',
        'timeline:',
        '  - at: 5m',
        '    artifact: { id: a1, device: blocked, class: malicious, kind: file, path: "C:\\\\x.exe", trigger: on-access, signals: { mdav: detect } }',
        'expect:',
        '  - { artifact: a1, outcome: blocked }',
      ),
    );
    const hints = questionHints(classroom.question('a1.outcome'), classroom.context);
    expect(hints[1]).toMatch(/^Read the fleet table/);
    expect(hints.some((hint) => statesAnswer(hint, 'blocked'))).toBe(false);
  });
});
