// Child process of path-key-size.test.ts, run with --expose-gc: the heap bytes each kept path key costs.
import { getHeapStatistics } from 'node:v8';
import { pathKey } from '../../../engine/policy/artifact-key.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const COUNT = 50_000;
// File names as the generator's catalog makes them (one segment) and profile paths (five).
const names = Array.from({ length: COUNT }, (_, i) => `Setup-${i}.exe`);
const paths = Array.from({ length: COUNT }, (_, i) => `C:\\Users\\alice\\Downloads\\f${i}.pdf`);
const perKey = (texts: readonly string[]): number => {
  gc();
  const before = getHeapStatistics().used_heap_size;
  const kept = texts.map((text) => pathKey(text));
  gc();
  const bytes = getHeapStatistics().used_heap_size - before;
  if (kept.length !== texts.length) throw new Error('lost a key');
  return Math.round(bytes / texts.length);
};
process.stdout.write(JSON.stringify({ name: perKey(names), path: perKey(paths) }));
