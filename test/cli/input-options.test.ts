/** --import-root and --max-file-size on every command that reads files; devices, encodings and --out clashes, through main() in-process. */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './run-cli.ts';

// <base>/work (the working folder) holds scenarios; <base>/shared lies outside it.
const base = realpathSync(mkdtempSync(join(tmpdir(), 'edrsim-input-')));
const work = join(base, 'work');
mkdirSync(join(work, 'scenarios'), { recursive: true });
mkdirSync(join(base, 'shared'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const SCENARIO = ['name: demo', 'devices:', '  - { name: ws-01, os: windows-11 }', ''].join('\n');
const withImport = (from: string) => `${SCENARIO}exclusions: { from: ${from} }\n`;
const write = (path: string, content: string | Uint8Array) => {
  writeFileSync(join(base, path), content);
  return join(base, path);
};
const MPPREF_JSON = '{ "ExclusionPath": ["C:\\\\Tools\\\\"], "ExclusionExtension": [], "ExclusionProcess": [] }';
const utf16 = (text: string, littleEndian: boolean) => {
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return littleEndian ? bytes : bytes.swap16();
};

describe('devices and other files that are not regular files', () => {
  it('should refuse /dev/zero as the run argument at once, as a character device', async () => {
    const result = await runCli(['run', '/dev/zero'], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('✖ /dev/zero (root): is a character device, not a regular file');
  });

  it('should refuse /dev/zero as check-exclusion --policy', async () => {
    const result = await runCli(['check-exclusion', 'C:\\a.exe', '--policy', '/dev/zero'], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('/dev/zero (root): is a character device, not a regular file');
  });

  it('should refuse /dev/zero as a from: import even with --import-root /', async () => {
    write('work/scenarios/zero.yaml', withImport(`${'../'.repeat(work.split('/').length + 1)}dev/zero`));
    const result = await runCli(['validate', 'scenarios/zero.yaml', '--import-root', '/'], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a character device, not a regular file');
  });
});

describe('--max-file-size', () => {
  it('should refuse a file over the cap, saying how to raise it', async () => {
    write('work/scenarios/small.yaml', SCENARIO);
    const result = await runCli(['validate', 'scenarios/small.yaml', '--max-file-size', '20'], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('file is larger than 20 bytes');
    expect(result.stderr).toContain('--max-file-size 80');
    expect((await runCli(['validate', 'scenarios/small.yaml', '--max-file-size', '1KiB'], work)).code).toBe(0);
  });

  it('should exit 2 for a bad value on every command that reads files', async () => {
    const commands = [
      ['run', 'x.yaml'],
      ['validate', 'x.yaml'],
      ['explain', 'x.yaml', '--artifact', 'a'],
      ['check-exclusion', 'C:\\a', '--policy', 'x.yaml'],
      ['train', 'x.yaml'],
    ];
    const results = await Promise.all(commands.map((argv) => runCli([...argv, '--max-file-size', 'lots'], work)));
    expect(results.map((result) => result.code)).toEqual([2, 2, 2, 2, 2]);
    expect(results[0]?.stderr).toContain('--max-file-size must be a size from 1 byte to 256MiB');
  });

  it('should cap the answers file of train and the --policy file', async () => {
    const policy = write('work/policy.json', MPPREF_JSON);
    const checked = await runCli(['check-exclusion', 'C:\\Tools\\x.exe', '--policy', policy, '--max-file-size', '10'], work);
    expect(checked.stderr).toContain('file is larger than 10 bytes');
    write('work/scenarios/t.yaml', SCENARIO);
    write('work/answers.yaml', `scenarios/t.yaml:\n  x: y\n${'#'.repeat(100)}\n`);
    const trained = await runCli(['train', 'scenarios/t.yaml', '--answers', 'answers.yaml', '--max-file-size', '100'], work);
    expect(trained.code).toBe(2);
    expect(trained.stderr).toContain('answers.yaml (root): the answers file: file is larger than 100 bytes');
  });
});

describe('--import-root', () => {
  it('should refuse an import outside the working folder, naming it and hinting at --import-root, then accept it with the root widened', async () => {
    write('shared/list.txt', 'ExclusionPath : {C:\\Tools\\}\n');
    write('work/scenarios/up.yaml', withImport('../../shared/list.txt'));
    const refused = await runCli(['validate', 'scenarios/up.yaml'], work);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'cannot import exclusions from "../../shared/list.txt": the path leads outside the import root',
    );
    expect(refused.stderr).toContain('--import-root');
    expect((await runCli(['validate', 'scenarios/up.yaml', '--import-root', '..'], work)).code).toBe(0);
  });

  it('should refuse an --import-root that is not a folder', async () => {
    const result = await runCli(['run', 'scenarios/up.yaml', '--import-root', 'nowhere'], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--import-root: nowhere is not a folder');
  });

  it('should never echo a line of /etc/passwd, in any format', async () => {
    write('work/scenarios/passwd.yaml', `${SCENARIO}indicators: { from: /etc/passwd }\n`);
    for (const format of ['text', 'json', 'junit']) {
      const result = await runCli(['run', 'scenarios/passwd.yaml', '--format', format], work);
      expect(result.code).toBe(2);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/root:x?:?0|nologin|daemon/);
      expect(result.stderr).toContain('cannot import indicators from "/etc/passwd": an absolute path is not allowed');
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });
});

describe('encodings, the same on every path', () => {
  it('should read a Get-MpPreference JSON export with a UTF-8 BOM as check-exclusion --policy, as from: does', async () => {
    const policy = write('work/mppref-bom.json', `\uFEFF${MPPREF_JSON}`);
    const checked = await runCli(['check-exclusion', 'C:\\Tools\\x.exe', '--policy', policy], work);
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(0);
    write('work/scenarios/bom-import.yaml', withImport('../mppref-bom.json'));
    expect((await runCli(['validate', 'scenarios/bom-import.yaml'], work)).code).toBe(0);
  });

  it("should read Windows PowerShell 5.1's UTF-16 LE output, and UTF-16 BE, as --policy, import and scenario", async () => {
    const text = 'ExclusionPath      : {C:\\Tools\\}\r\nExclusionExtension :\r\n';
    const le = write('work/mppref-le.txt', utf16(text, true));
    const be = write('work/mppref-be.txt', utf16(text, false));
    const codes = await Promise.all(
      [le, be].map(async (policy) => (await runCli(['check-exclusion', 'C:\\Tools\\x.exe', '--policy', policy], work)).code),
    );
    expect(codes).toEqual([0, 0]);
    write('work/scenarios/utf16.yaml', utf16(withImport('../mppref-le.txt'), true));
    const result = await runCli(['check-exclusion', 'C:\\Tools\\x.exe', '--policy', 'scenarios/utf16.yaml'], work);
    expect([result.code, result.stderr]).toEqual([0, '']);
  });
});

describe('--out that names an input', () => {
  it('should exit 2 before writing when --out is the scenario itself or a file it imports, and leave both unchanged', async () => {
    write('work/list.txt', 'ExclusionPath : {C:\\Tools\\}\n');
    const scenario = write('work/self.yaml', withImport('list.txt'));
    for (const out of ['self.yaml', 'list.txt', './scenarios/../self.yaml']) {
      const result = await runCli(['run', 'self.yaml', '--out', out], work);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--out: ${out} is an input of this run`);
    }
    expect(readFileSync(scenario, 'utf8')).toBe(withImport('list.txt'));
    expect(readFileSync(join(work, 'list.txt'), 'utf8')).toBe('ExclusionPath : {C:\\Tools\\}\n');
  });

  it('should exit 2 when --out names a scenario that failed to load, and keep it', async () => {
    const broken = write('work/broken.yaml', 'name: [unclosed\n');
    const result = await runCli(['run', 'broken.yaml', '--out', 'broken.yaml'], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out: broken.yaml is an input of this run');
    expect(readFileSync(broken, 'utf8')).toBe('name: [unclosed\n');
  });
});
