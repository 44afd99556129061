// A prepared target refilled in a matcher's scratch reads exactly as a freshly prepared one, whatever the previous fill.
import { describe, expect, it } from 'vitest';
import { artifactKey } from '../../../engine/policy/artifact-key.ts';
import type { ExclusionTarget } from '../../../engine/policy/exclusions/index.ts';
import { preparedScratch, prepareTarget, reparseIndex } from '../../../engine/policy/exclusions/prepare-target.ts';

const reparse = reparseIndex(['C:\\Data\\Link']);
const TARGETS: readonly ExclusionTarget[] = [
  { path: 'C:\\Data\\Link\\deep\\a.txt', trigger: 'on-access', process: 'C:\\Tools\\app.exe' },
  { path: 'C:\\Users\\ann\\Downloads', trigger: 'scheduled-scan', scanType: 'quick', isFolder: true },
  { path: 'D:\\x.log', trigger: 'on-demand-scan' },
  { path: 'C:\\Temp\\b.ps1', trigger: 'behavior', process: 'C:\\Windows\\System32\\cmd.exe' },
];

describe('prepareTarget into a scratch', () => {
  it('should fill and return the scratch with what a fresh prepare gives, for targets with and without a key, in any order', () => {
    const keyed = TARGETS.map((target) => ({ ...target, key: artifactKey({ path: target.path, process: target.process }) }));
    const all = [...TARGETS, ...keyed];
    for (const needProcess of [false, true]) {
      const scratch = preparedScratch();
      // Every target after every other: a field the previous fill set must never leak into the next.
      for (const before of all) {
        for (const target of all) {
          prepareTarget(before, reparse, needProcess, new Map(), scratch);
          const filled = prepareTarget(target, reparse, needProcess, new Map(), scratch);
          expect(filled).toBe(scratch);
          expect({ ...filled }).toEqual(prepareTarget(target, reparse, needProcess));
        }
      }
    }
  });
});
