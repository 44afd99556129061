import { mkdtempSync, rmSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Records, at the instant the temporary file is created, whether a SIGTERM listener is already there: a signal
// landing between the file's creation and its registration used to meet the default handler (the process died
// with the file left behind; `.ci/run` saw exit code null instead of 143 under load).
const listenersAtCreate: number[] = [];
vi.mock('node:fs', async (original) => {
  const real = await original<typeof fs>();
  return {
    ...real,
    openSync: (...args: Parameters<typeof real.openSync>) => {
      if (args[1] === 'wx') {
        listenersAtCreate.push(process.listenerCount('SIGTERM'));
        if (String(args[0]).includes('refused')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      }
      return real.openSync(...args);
    },
  };
});

const { writeAtomically } = await import('../../engine/cli/write-output.ts');

describe('the temporary file guard', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'edrsim-guard-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('should have its signal handlers installed before the temporary file exists', () => {
    const before = process.listenerCount('SIGTERM');
    expect(writeAtomically(join(scratch, 'out.json'), '{}\n')).toEqual([]);
    expect(listenersAtCreate).toEqual([before + 1]);
    expect(fs.readFileSync(join(scratch, 'out.json'), 'utf8')).toBe('{}\n');
  });

  it('should remove its handlers again when the file could not be created', async () => {
    const settle = () => new Promise<void>((done) => setImmediate(() => setImmediate(() => setImmediate(done))));
    await settle();
    const before = process.listenerCount('SIGTERM');
    expect(writeAtomically(join(scratch, 'refused', 'out.json'), 'x')).toHaveLength(1);
    await settle();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
