/** decidedVerdicts: the pipeline's own verdict of a named artifact, the same decision the report shows. */
import { describe, expect, it } from 'vitest';
import { CompactVerdict, plainVerdict } from '../../engine/pipeline/compact-verdict.ts';
import { decidedVerdicts } from '../../engine/train/decided-verdicts.ts';
import { libraryClassroom } from './classroom-fixture.ts';

describe('decidedVerdicts', () => {
  it("should give each named artifact's first verdict with its exclusion entry, equal to the report's", () => {
    const { context } = libraryClassroom('07-exclusions/01-block-mode-honours-folder-exclusion.yaml');
    const decided = decidedVerdicts(context.scenario, ['temp-dropper', 'roaming-dropper', 'no-such-artifact']);
    expect([...decided.keys()].sort()).toEqual(['roaming-dropper', 'temp-dropper']);
    const temp = decided.get('temp-dropper');
    expect(temp).toBeInstanceOf(CompactVerdict);
    expect(temp instanceof CompactVerdict ? temp.exclusion?.entry.text : undefined).toBe('C:\\Users\\*\\AppData\\Local\\Temp');
    for (const [name, verdict] of decided) expect(plainVerdict(verdict)).toEqual(context.report.namedVerdicts.get(name));
  });

  it('should not run at all for no name', () => {
    const { context } = libraryClassroom('07-exclusions/01-block-mode-honours-folder-exclusion.yaml');
    expect(decidedVerdicts(context.scenario, []).size).toBe(0);
  });
});
