// A kept path key holds its segments in an array of its own length, not one grown by `push`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pathSegments } from '../../../engine/policy/exclusions/normalize-path.ts';

describe('pathSegments memory', () => {
  // Issue 13, fourteenth pass: `push` left each array room for 17 segments (152 bytes), and the generator keeps one
  // key per file identity: 70,000 of them held 8 MB of empty slots in each worker. Measured in a child with
  // --expose-gc: 260 bytes a one-segment key and 368 a five-segment one before, 136 and 271 after.
  it('should cost a kept key about its own size, not room for 17 segments', () => {
    const child = fileURLToPath(new URL('./path-key-size-child.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    const bytes = JSON.parse(result.stdout) as { name: number; path: number };
    expect(bytes.name).toBeGreaterThan(40);
    expect(bytes.name).toBeLessThan(200);
    expect(bytes.path).toBeLessThan(320);
  }, 60_000);

  it('should still return a new array each call, so a caller may change its own', () => {
    const first = pathSegments('C:\\Tools\\a.exe');
    const second = pathSegments('C:\\Tools\\a.exe');
    expect(first).toEqual(['c:', 'tools', 'a.exe']);
    expect(first).not.toBe(second);
  });
});
