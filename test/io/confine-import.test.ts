/** confineImport: `from:` stays inside the import root or the scenario's own folder, before and after links. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { confineImport, isInside } from '../../engine/io/confine-import.ts';

// <base>/root/scenarios/a.yaml, <base>/root/shared/list.txt, <base>/outside/secret.txt, <base>/loose/b.yaml
const base = realpathSync(mkdtempSync(join(tmpdir(), 'edrsim-confine-')));
const root = join(base, 'root');
for (const dir of ['root/scenarios/sub', 'root/shared', 'outside', 'loose/sub']) mkdirSync(join(base, dir), { recursive: true });
for (const file of [
  'root/scenarios/a.yaml',
  'root/scenarios/sub/x.txt',
  'root/shared/list.txt',
  'outside/secret.txt',
  'loose/b.yaml',
  'loose/sub/y.txt',
])
  writeFileSync(join(base, file), 'x');
symlinkSync(join(base, 'outside/secret.txt'), join(root, 'scenarios/leak.txt'));
symlinkSync(join(base, 'outside'), join(root, 'scenarios/out-dir'));
symlinkSync(join(root, 'shared/list.txt'), join(root, 'scenarios/inside-link.txt'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const scenario = join(root, 'scenarios/a.yaml');
const verdict = (from: string, file = scenario) => {
  const result = confineImport(from, file, root);
  return result.ok ? result.value.replace(base, '<base>') : result.issues[0]?.message;
};

describe('confineImport', () => {
  it('should resolve a path beside the scenario, below it, or up but still inside the root', () => {
    expect([verdict('sub/x.txt'), verdict('../shared/list.txt'), verdict('./sub/../sub/x.txt')]).toEqual([
      '<base>/root/scenarios/sub/x.txt',
      '<base>/root/shared/list.txt',
      '<base>/root/scenarios/sub/x.txt',
    ]);
  });

  it('should refuse absolute paths, POSIX and Windows alike', () => {
    const refused = ['/etc/passwd', 'C:\\Windows\\win.ini', 'c:/x', '\\\\server\\share\\x', join(root, 'shared/list.txt')].map(
      (from) => verdict(from),
    );
    expect(new Set(refused)).toEqual(
      new Set(['an absolute path is not allowed: an import is written relative to the scenario file']),
    );
  });

  it('should refuse .. that climbs out of the root, whether or not the file exists', () => {
    expect([
      verdict('../../outside/secret.txt'),
      verdict('../../outside/none.txt'),
      verdict('../../../../../../etc/passwd'),
    ]).toEqual([
      "the path leads outside the import root and the scenario's folder",
      "the path leads outside the import root and the scenario's folder",
      "the path leads outside the import root and the scenario's folder",
    ]);
  });

  it('should refuse a symbolic link that leads out, and a missing file in a linked folder outside', () => {
    const message = "the path goes through a symbolic link that leads outside the import root and the scenario's folder";
    expect([verdict('leak.txt'), verdict('out-dir/secret.txt'), verdict('out-dir/none.txt')]).toEqual([
      message,
      message,
      message,
    ]);
  });

  it('should follow a symbolic link that stays inside, to its real path', () => {
    expect(verdict('inside-link.txt')).toBe('<base>/root/shared/list.txt');
  });

  it('should let a scenario outside the root import from its own folder and below, and nowhere else', () => {
    const loose = join(base, 'loose/b.yaml');
    expect([
      verdict('sub/y.txt', loose),
      verdict('../outside/secret.txt', loose),
      verdict('../root/shared/list.txt', loose),
    ]).toEqual([
      '<base>/loose/sub/y.txt',
      "the path leads outside the import root and the scenario's folder",
      '<base>/root/shared/list.txt',
    ]);
  });

  it('should hint at --import-root', () => {
    const result = confineImport('/etc/passwd', scenario, root);
    expect(result.ok ? '' : result.issues[0]?.hint).toContain('--import-root');
  });
});

describe('isInside', () => {
  it('should treat a folder as inside itself and a sibling with a common prefix as outside', () => {
    expect([
      isInside('/work', '/work'),
      isInside('/work/a', '/work'),
      isInside('/workshop', '/work'),
      isInside('/work/..x', '/work'),
      isInside('/', '/work'),
    ]).toEqual([true, true, false, true, false]);
  });
});
