// Child process of generate-spec-shape.test.ts, run with --allow-natives-syntax --expose-gc: reports how often a spec
// made by `withDeviceOs` after a full GC has another hidden class than one made before it and still alive.
import { DEFAULT_DETECTION, DEFAULT_MIX, withDeviceOs, type GenerateSpec } from '../../engine/core/generate-spec.ts';

// V8's own test of two objects' hidden classes; only a Function body may use natives syntax under tsx.
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const loaded: GenerateSpec = {
  id: 'gen-1',
  at: 0,
  count: 10,
  devices: ['ws-01'],
  window: 0,
  mix: DEFAULT_MIX,
  detection: DEFAULT_DETECTION,
};
let changed = 0;
for (let round = 0; round < 8; round++) {
  // Two runs' specs, then a full GC, then the next run's: a spread's class cache is warm by the second call.
  withDeviceOs(loaded, ['windows-11']);
  const kept = withDeviceOs(loaded, ['windows-11']);
  gc();
  const next = withDeviceOs(loaded, ['windows-11']);
  if (!sameMap(kept, next)) changed += 1;
}
// A control: objects of different keys have different hidden classes, so `sameMap` can say false.
const control = sameMap({ a: 1 }, { b: 1 });
process.stdout.write(JSON.stringify({ changed, rounds: 8, control }));
