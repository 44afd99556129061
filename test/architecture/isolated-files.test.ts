import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED_TEST_FILES } from '../isolated-files.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(ROOT, path).split('\\').join('/')] : [];
  });
}

describe('the isolated test files', () => {
  const files = testFiles(join(ROOT, 'test'));

  it('should list every test file that mocks a module, since shared modules would defeat its mock', () => {
    // Spelled in two parts so that this file does not list itself.
    const mocks = new RegExp(`\\bvi\\.(?:do${''}Mock|mo${''}ck)\\(`);
    const mocking = files.filter((file) => mocks.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(mocking.length).toBeGreaterThan(0);
    expect([...ISOLATED_TEST_FILES].sort()).toEqual(mocking.sort());
  });
});
