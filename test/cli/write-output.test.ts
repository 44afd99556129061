/** openOutput: buffered streaming to stdout or a file, atomic through an unpredictable exclusive temp file, never over an input or a device node. */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openOutput, outputIsInput, writeAtomically, type Output } from '../../engine/cli/write-output.ts';
import { recordingIo } from './run-cli.ts';

// The temp name comes from crypto.randomBytes: pinned here so that a test can plant a link at the very name.
const random = vi.hoisted(() => ({ next: [] as string[] }));
vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof import('node:crypto')>();
  return {
    ...actual,
    randomBytes: (size: number) => (random.next.length > 0 ? Buffer.from(random.next.shift()!, 'hex') : actual.randomBytes(size)),
  };
});

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'edrsim-out-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fresh = (name: string) => mkdtempSync(join(scratch, `${name}-`));
const opened = (result: ReturnType<typeof openOutput>): Output => {
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  return result.value;
};

describe('openOutput to stdout', () => {
  it('should pass the text through io.out in chunks of about 64 KiB, never one per write and never all at the end', () => {
    const chunks: string[] = [];
    const { io } = recordingIo(scratch, { out: (text) => void chunks.push(text) });
    const output = opened(openOutput(undefined, io, []));
    const line = `${'x'.repeat(99)}\n`;
    for (let i = 0; i < 5000; i++) output.write(line);
    expect(chunks.length).toBeGreaterThan(3);
    expect(output.close()).toEqual([]);
    expect(chunks.join('')).toBe(line.repeat(5000));
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(64 * 1024 + line.length);
  });

  it('should drop what is still buffered on abort, and ignore writes after close', () => {
    const chunks: string[] = [];
    const { io } = recordingIo(scratch, { out: (text) => void chunks.push(text) });
    const aborted = opened(openOutput(undefined, io, []));
    aborted.write('half a report');
    aborted.abort();
    const closed = opened(openOutput(undefined, io, []));
    closed.write('whole\n');
    closed.close();
    closed.write('late');
    expect(closed.close()).toEqual([]);
    expect(chunks).toEqual(['whole\n']);
  });
});

describe('openOutput to a file', () => {
  it('should write through a temporary file that only exists until close, then rename it into place', () => {
    const folder = fresh('atomic');
    writeFileSync(join(folder, 'r.txt'), 'old');
    const output = opened(openOutput('r.txt', recordingIo(folder).io, []));
    output.write('new ');
    const during = readdirSync(folder).sort();
    expect(during).toEqual([expect.stringMatching(/^\.edrsim-[0-9a-f]{16}\.tmp$/), 'r.txt']);
    expect(readFileSync(join(folder, 'r.txt'), 'utf8')).toBe('old');
    output.write('report');
    expect(output.close()).toEqual([]);
    expect(readdirSync(folder)).toEqual(['r.txt']);
    expect(readFileSync(join(folder, 'r.txt'), 'utf8')).toBe('new report');
  });

  it('should remove the temporary file on abort and leave the old file as it was', () => {
    const folder = fresh('abort');
    writeFileSync(join(folder, 'r.txt'), 'old');
    const output = opened(openOutput('r.txt', recordingIo(folder).io, []));
    output.write('partial');
    output.abort();
    expect(readdirSync(folder)).toEqual(['r.txt']);
    expect(readFileSync(join(folder, 'r.txt'), 'utf8')).toBe('old');
  });

  it('should write a 250-character file name (the temporary name stays short)', () => {
    const folder = fresh('long');
    const name = `${'n'.repeat(246)}.txt`;
    expect(writeAtomically(join(folder, name), 'ok')).toEqual([]);
    expect(readFileSync(join(folder, name), 'utf8')).toBe('ok');
  });

  it('should write one chunk larger than the buffer byte for byte, never splitting a surrogate pair between slices', () => {
    const folder = fresh('slices');
    const text = `${'a'.repeat(64 * 1024 - 1)}𝄞${'é'.repeat(70_000)}𝄞\n`;
    expect(writeAtomically(join(folder, 'big.txt'), text)).toEqual([]);
    expect(readFileSync(join(folder, 'big.txt'), 'utf8')).toBe(text);
  });

  it('should create missing folders', () => {
    const folder = fresh('mkdir');
    expect(writeAtomically(join(folder, 'a/b/c.txt'), 'deep')).toEqual([]);
    expect(readFileSync(join(folder, 'a/b/c.txt'), 'utf8')).toBe('deep');
  });

  it('should never follow a link planted at the temporary name, nor at the old guessable <out>.<pid>.tmp', () => {
    const folder = fresh('planted');
    const victim = join(folder, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(folder, `r.txt.${process.pid}.tmp`));
    symlinkSync(victim, join(folder, '.edrsim-00000000000000aa.tmp'));
    random.next.push('00000000000000aa', '00000000000000bb');
    expect(writeAtomically(join(folder, 'r.txt'), 'report')).toEqual([]);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(join(folder, 'r.txt'), 'utf8')).toBe('report');
    expect(lstatSync(join(folder, '.edrsim-00000000000000aa.tmp')).isSymbolicLink()).toBe(true);
  });

  it('should give up with an issue, not a loop, when every temporary name is taken', () => {
    const folder = fresh('taken');
    writeFileSync(join(folder, '.edrsim-00000000000000cc.tmp'), '');
    random.next.push(...Array.from({ length: 5 }, () => '00000000000000cc'));
    expect(writeAtomically(join(folder, 'r.txt'), 'x', 'r.txt')).toEqual([
      expect.objectContaining({ code: 'out_not_writable', message: 'cannot write the report to r.txt: EEXIST' }),
    ]);
    expect(existsSync(join(folder, 'r.txt'))).toBe(false);
  });

  it('should write to /dev/full directly and report ENOSPC as one issue, leaving the device in place', () => {
    const output = opened(openOutput('/dev/full', recordingIo(scratch).io, []));
    output.write('x'.repeat(100_000));
    expect(output.close()).toEqual([
      {
        code: 'out_not_writable',
        path: ['--out'],
        message: 'cannot write the report to /dev/full: no space left on the device',
        hint: 'give --out a file path that you may write to',
      },
    ]);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('should refuse an --out that is a folder, leaving nothing beside it', () => {
    const folder = fresh('isdir');
    mkdirSync(join(folder, 'target'));
    const result = openOutput('target', recordingIo(folder).io, []);
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      'cannot write the report to target: it is a folder',
    ]);
    expect(readdirSync(folder)).toEqual(['target']);
  });

  it.skipIf(process.getuid?.() === 0)(
    'should report a folder without write permission as one issue (root may write anywhere, so skipped as root)',
    () => {
      const folder = fresh('locked');
      mkdirSync(join(folder, 'ro'), { mode: 0o555 });
      expect(writeAtomically(join(folder, 'ro/r.txt'), 'x', 'ro/r.txt')).toEqual([
        expect.objectContaining({ message: 'cannot write the report to ro/r.txt: permission denied' }),
      ]);
    },
  );
});

describe('an --out that names an input', () => {
  it('should be refused before anything is written, by real path (through a link, or with ..)', () => {
    const folder = fresh('input');
    const scenario = join(folder, 'scenario.yaml');
    writeFileSync(scenario, 'name: keep me');
    symlinkSync(scenario, join(folder, 'link.yaml'));
    const io = recordingIo(folder).io;
    const refused = ['scenario.yaml', 'link.yaml', `../${folder.split('/').pop()}/scenario.yaml`].map((out) =>
      openOutput(out, io, [scenario]),
    );
    expect(refused.map((result) => (result.ok ? 'opened' : result.issues[0]?.code))).toEqual([
      'out_is_input',
      'out_is_input',
      'out_is_input',
    ]);
    expect(readFileSync(scenario, 'utf8')).toBe('name: keep me');
    expect(readdirSync(folder).sort()).toEqual(['link.yaml', 'scenario.yaml']);
  });

  it('should say so in one line naming --out and the file as given', () => {
    const folder = fresh('message');
    writeFileSync(join(folder, 'a.yaml'), '');
    expect(outputIsInput('a.yaml', recordingIo(folder).io, [join(folder, 'a.yaml')])).toEqual([
      {
        code: 'out_is_input',
        path: ['--out'],
        message: 'a.yaml is an input of this run (a scenario or a file it reads); writing the report there would destroy it',
        hint: 'give --out another file name',
      },
    ]);
    expect(outputIsInput(undefined, recordingIo(folder).io, [join(folder, 'a.yaml')])).toEqual([]);
  });
});
