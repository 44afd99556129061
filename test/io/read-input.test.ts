/** readInput: regular files only, a size cap counted while reading (never from stat), decoded text, the real path. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssues } from '../../engine/core/issue.ts';
import { readInput } from '../../engine/io/read-input.ts';

const folder = mkdtempSync(join(tmpdir(), 'edrsim-read-'));
const write = (name: string, content: string | Uint8Array) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};
const problem = (path: string, options = {}) => {
  const result = readInput(path, options);
  if (result.ok) throw new Error('expected the file to be refused');
  return formatIssues(result.issues).replaceAll(folder, '<tmp>');
};

let server: Server | undefined;
afterAll(() => {
  server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('readInput', () => {
  it('should read a regular file as text with its absolute real path', () => {
    const path = write('a.txt', 'hello');
    expect(readInput(path)).toEqual({ ok: true, value: { text: 'hello', realPath: path } });
  });

  it('should give the real path of a file reached through a symbolic link, and tell onResolved', () => {
    const target = write('target.txt', 'x');
    symlinkSync(target, join(folder, 'link.txt'));
    const told: string[] = [];
    const result = readInput(join(folder, 'link.txt'), { onResolved: (path) => told.push(path) });
    expect(result.ok && result.value.realPath).toBe(target);
    expect(told).toEqual([target]);
  });

  it('should refuse /dev/zero by its type, although stat says its size is 0', () => {
    expect(problem('/dev/zero')).toBe(
      '✖ /dev/zero (root): is a character device, not a regular file\n  hint: edrsim reads regular files only; copy the content into a file first',
    );
  });

  it('should refuse /dev/urandom by its type', () => {
    expect(problem('/dev/urandom')).toContain('is a character device, not a regular file');
  });

  it('should refuse a folder, naming it as shownAs', () => {
    mkdirSync(join(folder, 'dir.yaml'));
    expect(problem(join(folder, 'dir.yaml'), { shownAs: 'dir.yaml' })).toBe(
      '✖ dir.yaml (root): is a folder, not a regular file\n  hint: name a file inside the folder',
    );
  });

  describe('with a socket', () => {
    beforeAll(async () => {
      server = createServer();
      await new Promise<void>((done) => server!.listen(join(folder, 'sock.yaml'), done));
    });

    it('should refuse a socket by its type', () => {
      expect(problem(join(folder, 'sock.yaml'))).toContain('is a socket, not a regular file');
    });
  });

  it('should refuse a missing file and a dangling link as not found', () => {
    symlinkSync(join(folder, 'gone'), join(folder, 'dangling.txt'));
    expect([problem(join(folder, 'nope.txt')), problem(join(folder, 'dangling.txt'))]).toEqual([
      '✖ <tmp>/nope.txt (root): file not found',
      '✖ <tmp>/dangling.txt (root): file not found',
    ]);
  });

  it('should read a file of exactly the cap and refuse one byte more, counting while reading', () => {
    const exact = write('exact.txt', 'x'.repeat(100));
    const over = write('over.txt', 'x'.repeat(101));
    expect(readInput(exact, { maxFileSize: 100 }).ok).toBe(true);
    expect(problem(over, { maxFileSize: 100 })).toMatchInlineSnapshot(`
      "✖ <tmp>/over.txt (root): file is larger than 100 bytes, the most edrsim reads from one file
        expected: at most 100 bytes
        hint: if the file is meant to be this large, raise the limit, e.g. --max-file-size 400"
    `);
  });

  it('should refuse a file over the default 64 MiB cap', () => {
    const path = join(folder, 'big.txt');
    writeFileSync(path, Buffer.alloc(64 * 1024 * 1024 + 1, 0x61));
    expect(problem(path)).toContain('file is larger than 64MiB');
    rmSync(path);
  });

  it('should read a file larger than one read chunk whole', () => {
    const text = 'abc\n'.repeat(600_000);
    const result = readInput(write('chunks.txt', text));
    expect(result.ok && result.value.text.length).toBe(text.length);
  });

  it('should decode UTF-8 with a BOM and UTF-16 LE with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x6f, 0x00, 0x6b, 0x00]);
    expect(
      [readInput(write('bom8.txt', '\uFEFFok')), readInput(write('bom16.txt', le))].map((r) => r.ok && r.value.text),
    ).toEqual(['ok', 'ok']);
  });

  it('should refuse a binary file without quoting any of it', () => {
    const message = problem(write('key.yaml', Buffer.concat([Buffer.from('token: s3cr3t-value\n'), Buffer.from([0, 1, 2])])));
    expect(message).toContain('file contains NUL bytes');
    expect(message).not.toContain('s3cr3t');
  });
});
