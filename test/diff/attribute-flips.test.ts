// Attribution: one change alone when it suffices, delta debugging when only changes together flip an artifact.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFLICT_SETTINGS } from '../../engine/core/config.ts';
import { runDiff } from '../../engine/diff/run-diff.ts';
import { scenarioFrom, side } from './diff-fixture.ts';

const fleet = scenarioFrom({
  name: 'one active laptop',
  devices: [{ name: 'ws-1', os: 'windows-11' }],
  timeline: [
    {
      at: '1m',
      artifact: {
        id: 'deep-in-temp',
        device: 'ws-1',
        class: 'malicious',
        kind: 'file',
        trigger: 'on-access',
        path: 'C:\\Temp\\sub\\x.exe',
        signals: { primaryAv: 'miss', mdav: 'detect', edr: 'miss' },
      },
    },
  ],
});

describe('attribution', () => {
  it('should name two changes together when neither alone flips the artifact (a trailing star read as the folder)', () => {
    const base = { ...side('base', { paths: [], extensions: [], processes: [] }), settings: DEFAULT_CONFLICT_SETTINGS };
    const head = {
      ...side('head', { paths: ['C:\\Temp\\*'], extensions: ['log'], processes: [] }),
      settings: { ...DEFAULT_CONFLICT_SETTINGS, trailingStar: 'folder' as const },
    };
    const result = runDiff(base, head, [fleet], { generate: 0, probes: false });
    if (!result.ok) throw new Error('diff failed');
    expect(result.value.changes.map((effect) => effect.change.title)).toEqual([
      'setting trailingStar: literal -> folder',
      'path exclusion added: C:\\Temp\\*',
      'extension exclusion added: log',
    ]);
    expect(result.value.flips.map((flip) => [flip.artifact, flip.label, flip.causes])).toEqual([
      ['deep-in-temp', 'weaker', ['c1+c2']],
    ]);
    expect(result.value.changes.map((effect) => effect.counts.weaker)).toEqual([1, 1, 0]);
    expect(result.value.unattributed).toBe(0);
  });
});
