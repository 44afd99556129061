import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssues } from '../../engine/core/issue.ts';
import { readScenarioFile } from '../../engine/scenario/index.ts';
import { MINIMAL, yaml } from './scenario-text.ts';

const folder = realpathSync(mkdtempSync(join(tmpdir(), 'edrsim-scenario-')));
const write = (name: string, content: string | Uint8Array) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};
/** Issues with the temporary folder replaced, so snapshots do not depend on it. */
const issuesOf = (path: string, options = {}) => {
  const result = readScenarioFile(path, options);
  if (result.ok) throw new Error('expected issues');
  return formatIssues(result.issues).replaceAll(folder, '<tmp>');
};

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('readScenarioFile', () => {
  it('should read a UTF-8 scenario and drop a byte-order mark', () => {
    const path = write('bom.yaml', `\uFEFF${MINIMAL}`);
    const result = readScenarioFile(path);
    expect(result.ok && result.value.devices.map((device) => device.name)).toEqual(['ws-01']);
  });

  it('should refuse a binary file by its bytes', () => {
    const path = write('image.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(issuesOf(path)).toMatchInlineSnapshot(`
      "✖ <tmp>/image.yaml:3:1 (root): file contains NUL bytes: it is a binary file, not text
        expected: UTF-8 text (with or without a byte-order mark), or UTF-16 LE/BE text with a byte-order mark
        received: binary data
        hint: save the file as UTF-8 text; is this the right file?"
    `);
  });

  it('should refuse bytes that are not UTF-8', () => {
    const path = write('latin1.yaml', new Uint8Array([...new TextEncoder().encode('name: caf'), 0xe9, 0x0a]));
    expect(issuesOf(path)).toMatchInlineSnapshot(`
      "✖ <tmp>/latin1.yaml:1:10 (root): file is not valid UTF-8 text
        expected: UTF-8 text (with or without a byte-order mark), or UTF-16 LE/BE text with a byte-order mark
        received: binary data
        hint: save the file as UTF-8 text; is this the right file?"
    `);
  });

  it('should report a missing file', () => {
    expect(issuesOf(join(folder, 'nope.yaml'))).toMatchInlineSnapshot(`"✖ <tmp>/nope.yaml (root): file not found"`);
  });

  it('should read { from: file } relative to the scenario file', () => {
    write('paths.txt', 'C:\\Tools\\\nD:\\Data\\');
    const path = write('with-import.yaml', yaml(MINIMAL, 'exclusions: { from: paths.txt }'));
    const importMpPreference = (text: string) => ({
      ok: true as const,
      value: { paths: text.split('\n'), extensions: [], processes: [] },
    });
    const result = readScenarioFile(path, { importMpPreference });
    expect(result.ok && result.value.exclusions.paths).toEqual(['C:\\Tools\\', 'D:\\Data\\']);
  });

  it('should apply overrides when reading from disk', () => {
    const path = write('override.yaml', MINIMAL);
    const result = readScenarioFile(path, { overrides: ['devices[0].primaryAv=non-microsoft'] });
    expect(result.ok && result.value.devices[0]?.primaryAv).toBe('non-microsoft');
  });

  const importMpPreference = (text: string) => ({
    ok: true as const,
    value: { paths: text.split(/\r?\n/), extensions: [], processes: [] },
  });

  it('should record the real path of the scenario and of every file it imports, in reading order', () => {
    write('listed.txt', 'C:\\Tools\\');
    const path = write('sourced.yaml', yaml(MINIMAL, 'exclusions: { from: ./listed.txt }'));
    symlinkSync(path, join(folder, 'sourced-link.yaml'));
    const result = readScenarioFile(join(folder, 'sourced-link.yaml'), { importMpPreference });
    expect(result.ok && result.value.sources).toEqual([path, join(folder, 'listed.txt')]);
  });

  it('should tell onRead of every file it opened, also when the scenario is then invalid', () => {
    write('also-read.txt', 'C:\\Tools\\');
    const path = write('invalid-but-read.yaml', yaml(MINIMAL, 'exclusions: { from: also-read.txt }', 'bogus: 1'));
    const told: string[] = [];
    expect(readScenarioFile(path, { importMpPreference, onRead: (file) => told.push(file) }).ok).toBe(false);
    expect(told).toEqual([path, join(folder, 'also-read.txt')]);
  });

  it('should refuse an absolute import of /etc/passwd, naming the path as written and quoting none of the file', () => {
    const path = write('passwd.yaml', yaml(MINIMAL, 'indicators: { from: /etc/passwd }'));
    const message = issuesOf(path, { importIndicatorCsv: () => ({ indicators: [], issues: [] }) });
    expect(message).toMatchInlineSnapshot(`
      "✖ <tmp>/passwd.yaml:6:21 indicators.from: cannot import indicators from "/etc/passwd": an absolute path is not allowed: an import is written relative to the scenario file
        hint: keep imported files under the import root (the working folder, or --import-root DIR) or beside the scenario"
    `);
    expect(message).not.toMatch(/root:|nologin/);
  });

  it('should refuse ../.. out of the import root and a link that leads out of it', () => {
    mkdirSync(join(folder, 'root/scenarios'), { recursive: true });
    symlinkSync('/etc/hostname', join(folder, 'root/scenarios/host.txt'));
    const escape = write('root/scenarios/escape.yaml', yaml(MINIMAL, 'exclusions: { from: ../../../../../../../etc/hostname }'));
    const linked = write('root/scenarios/linked.yaml', yaml(MINIMAL, 'exclusions: { from: host.txt }'));
    const options = { importMpPreference, importRoot: join(folder, 'root') };
    expect([issuesOf(escape, options), issuesOf(linked, options)].map((text) => text.split('\n')[0])).toEqual([
      `✖ <tmp>/root/scenarios/escape.yaml:6:21 exclusions.from: cannot import exclusions from "../../../../../../../etc/hostname": the path leads outside the import root and the scenario's folder`,
      `✖ <tmp>/root/scenarios/linked.yaml:6:21 exclusions.from: cannot import exclusions from "host.txt": the path goes through a symbolic link that leads outside the import root and the scenario's folder`,
    ]);
  });

  it('should refuse /dev/zero as an import by its type when the import root allows it', () => {
    const up = '../'.repeat(folder.split('/').length);
    const path = write('zero.yaml', yaml(MINIMAL, `exclusions: { from: ${up}dev/zero }`));
    expect(issuesOf(path, { importMpPreference, importRoot: '/' })).toContain('is a character device, not a regular file');
  });

  it('should cap the scenario and every import at maxFileSize', () => {
    write('long.txt', 'C:\\Tools\\\n'.repeat(100));
    const path = write('capped.yaml', yaml(MINIMAL, 'exclusions: { from: long.txt }'));
    expect(issuesOf(path, { importMpPreference, maxFileSize: 500 })).toContain(
      'cannot import exclusions from "long.txt": file is larger than 500 bytes',
    );
    expect(issuesOf(path, { importMpPreference, maxFileSize: 20 })).toContain('capped.yaml (root): file is larger than 20 bytes');
  });

  it('should read a UTF-16 LE scenario and a UTF-16 BE import, each with a BOM', () => {
    const utf16 = (text: string, le: boolean) => {
      const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
      return le ? bytes : bytes.swap16();
    };
    write('be.txt', utf16('C:\\BE\\', false));
    const path = write('le.yaml', utf16(yaml(MINIMAL, 'exclusions: { from: be.txt }'), true));
    const result = readScenarioFile(path, { importMpPreference });
    expect(result.ok && result.value.exclusions.paths).toEqual(['C:\\BE\\']);
  });
});
