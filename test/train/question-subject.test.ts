/** questionSubject: a question's artifact verdict or device state, found again by the id buildQuestions gave it. */
import { describe, expect, it } from 'vitest';
import { questionSubject } from '../../engine/train/question-subject.ts';
import { textClassroom } from './classroom-fixture.ts';
import { ARTIFACT, CLASSROOM_HOSTILE, DEVICE } from './classroom-hostile.ts';

describe('questionSubject', () => {
  it('should find the artifact and the device even when their names hold dots, quotes and @', () => {
    const { context, question } = textClassroom(CLASSROOM_HOSTILE);
    const artifact = questionSubject(question(`${ARTIFACT}.actionCenter`), context);
    expect(artifact).toMatchObject({ kind: 'artifact', artifact: ARTIFACT });
    const device = questionSubject(question(`${DEVICE}@10m.runningMode`), context);
    expect(device).toMatchObject({ kind: 'device', device: DEVICE, at: 600_000 });
    expect(device?.kind === 'device' ? device.state.runningMode : undefined).toBe('EDR Block Mode');
  });

  it('should answer undefined for a question the run does not know', () => {
    const { context, question } = textClassroom(CLASSROOM_HOSTILE);
    expect(questionSubject({ ...question('a2.outcome'), id: 'a3.outcome' }, context)).toBeUndefined();
    expect(questionSubject({ ...question(`${DEVICE}@10m.runningMode`), id: 'ws-99.runningMode' }, context)).toBeUndefined();
  });
});
