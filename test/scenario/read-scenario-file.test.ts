import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssues } from '../../engine/core/issue.ts';
import { readScenarioFile } from '../../engine/scenario/index.ts';
import { MINIMAL, yaml } from './scenario-text.ts';

const folder = mkdtempSync(join(tmpdir(), 'edrsim-scenario-'));
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
      "✖ <tmp>/image.yaml:3:1 (root): file contains NUL bytes: it is a binary file, not YAML or JSON
        expected: a UTF-8 text file in YAML (.yaml/.yml) or JSON (.json)
        received: binary data
        hint: save the scenario as UTF-8 text; is this the right file?"
    `);
  });

  it('should refuse bytes that are not UTF-8', () => {
    const path = write('latin1.yaml', new Uint8Array([...new TextEncoder().encode('name: caf'), 0xe9, 0x0a]));
    expect(issuesOf(path)).toMatchInlineSnapshot(`
      "✖ <tmp>/latin1.yaml:1:10 (root): file is not valid UTF-8 text
        expected: a UTF-8 text file in YAML (.yaml/.yml) or JSON (.json)
        received: binary data
        hint: save the scenario as UTF-8 text; is this the right file?"
    `);
  });

  it('should report a missing file', () => {
    expect(issuesOf(join(folder, 'nope.yaml'))).toMatchInlineSnapshot(`"✖ <tmp>/nope.yaml (root): file not found"`);
  });

  it('should read { from: file } relative to the scenario file', () => {
    write('paths.txt', 'C:\\Tools\\\nD:\\Data\\');
    const path = write('with-import.yaml', yaml(MINIMAL, 'exclusions: { from: paths.txt }'));
    const importMpPreference = (text: string) => ({ ok: true as const, value: { paths: text.split('\n'), extensions: [], processes: [] } });
    const result = readScenarioFile(path, { importMpPreference });
    expect(result.ok && result.value.exclusions.paths).toEqual(['C:\\Tools\\', 'D:\\Data\\']);
  });

  it('should apply overrides when reading from disk', () => {
    const path = write('override.yaml', MINIMAL);
    const result = readScenarioFile(path, { overrides: ['devices[0].primaryAv=non-microsoft'] });
    expect(result.ok && result.value.devices[0]?.primaryAv).toBe('non-microsoft');
  });
});
