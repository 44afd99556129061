/** describeKind, isFolder, describeError: what a path is, in words for messages. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeError, describeKind, isFolder } from '../../engine/io/file-kind.ts';

const folder = mkdtempSync(join(tmpdir(), 'edrsim-kind-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const KINDS = ['isFile', 'isDirectory', 'isFIFO', 'isCharacterDevice', 'isBlockDevice', 'isSocket'] as const;
const stats = (kind: string | undefined) =>
  Object.fromEntries(KINDS.map((name) => [name, () => name === kind])) as Record<(typeof KINDS)[number], () => boolean>;

describe('describeKind', () => {
  it('should name every kind of file with its article', () => {
    expect([...KINDS, undefined].map((kind) => describeKind(stats(kind)))).toEqual([
      'a regular file',
      'a folder',
      'a FIFO',
      'a character device',
      'a block device',
      'a socket',
      'an unknown kind of file',
    ]);
  });
});

describe('isFolder', () => {
  it('should be true for a folder only, false for a file, a missing path or a path through a file', () => {
    writeFileSync(join(folder, 'f'), '');
    expect([
      isFolder(folder),
      isFolder(join(folder, 'f')),
      isFolder(join(folder, 'none')),
      isFolder(join(folder, 'f', 'x')),
    ]).toEqual([true, false, false, false]);
  });
});

describe('describeError', () => {
  it('should put the common errno codes in words and keep the code of the rest', () => {
    const codes = ['ENOENT', 'EACCES', 'EPERM', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG', 'EIO', undefined];
    expect(codes.map((code) => describeError({ code }))).toEqual([
      'file not found',
      'permission denied',
      'permission denied',
      'a part of the path is not a folder',
      'too many levels of symbolic links',
      'the path is too long',
      'cannot read the file (EIO)',
      'cannot read the file (unknown error)',
    ]);
  });
});
