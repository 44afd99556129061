// A run's generate spec keeps one hidden class across runs, so the generator's optimised code survives a GC.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DETECTION, DEFAULT_MIX, withDeviceOs, type GenerateSpec } from '../../engine/core/generate-spec.ts';

const loaded: GenerateSpec = {
  id: 'gen-2',
  at: 900_000,
  count: 3,
  devices: ['ws-01', 'srv-01'],
  window: 60_000,
  mix: DEFAULT_MIX,
  detection: DEFAULT_DETECTION,
};

describe('withDeviceOs', () => {
  it('should copy every field of the spec and add the OS list, in the contract order', () => {
    const spec = withDeviceOs(loaded, ['windows-11', 'server-2022']);
    expect(spec).toEqual({ ...loaded, os: ['windows-11', 'server-2022'] });
    expect(Object.keys(spec)).toEqual(['id', 'at', 'count', 'devices', 'window', 'mix', 'detection', 'os']);
    expect(spec).not.toBe(loaded);
  });

  // Issue 13, fourteenth pass: the spec was `{ ...event.generate, os }`. V8 gives an object spread's result a hidden
  // class through a cache that a full GC clears, so a later run's spec had a new one, and the generator's optimised
  // functions (DeviceMerge, pull, pendingAt), which check the plan's spec, were thrown away at the start of the run.
  it('should give a spec made after a full GC the hidden class of the one made before it', () => {
    const child = fileURLToPath(new URL('./spec-map-child.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--allow-natives-syntax', '--expose-gc', '--import', 'tsx', child], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ changed: 0, rounds: 8, control: false });
  }, 60_000);
});
