// Directory walks (§4): recursive, *.yaml|*.yml|*.json, skipping node_modules and *.schema.json, sorted.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { collectScenarioFiles, displayPath } from '../../engine/cli/collect-files.ts';
import { runCli } from './run-cli.ts';

// Tests run as root here, where chmod cannot lock a folder: a folder named `locked` refuses to be listed instead.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((path: string, options: never) => {
    if (String(path).endsWith('locked'))
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
    return fs.readdirSync(path, options);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readdirSync }, readdirSync };
});

const root = mkdtempSync(join(tmpdir(), 'edrsim-walk-'));
const scenario = (name: string) => `name: ${name}\ndevices: [{ name: ws-01, os: windows-11 }]\n`;
const json = (name: string) => `${JSON.stringify({ name, devices: [{ name: 'ws-01', os: 'windows-11' }] })}\n`;

const TREE: Record<string, string> = {
  'lab/b.yaml': scenario('b'),
  'lab/a.yml': scenario('a'),
  'lab/deep/er/c.json': json('c'),
  'lab/deep/D.YAML': scenario('D upper-case extension'),
  'lab/notes.md': '# not a scenario',
  'lab/policy.txt': 'ExclusionPath : {C:\\x}',
  'lab/edrsim.schema.json': '{ "not": "a scenario" }',
  'lab/pairs/01-temp.base.yaml': scenario('a diff pair, before'),
  'lab/pairs/01-temp.head.yml': scenario('a diff pair, after'),
  'lab/pairs/01-temp.diff.json': '{ "label": "weaker" }',
  'lab/node_modules/pkg/evil.yaml': 'not: [valid',
  'lab/deep/node_modules/x.json': '{',
  'shut/locked/hidden.yaml': scenario('never listed'),
  'shut/open.yaml': scenario('open'),
};

beforeAll(() => {
  for (const [path, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('collectScenarioFiles', () => {
  it('should walk folders recursively for *.yaml, *.yml and *.json, in sorted order, skipping node_modules and *.schema.json', () => {
    expect(collectScenarioFiles(['lab'], root)).toEqual({
      files: ['lab/a.yml', 'lab/b.yaml', 'lab/deep/D.YAML', 'lab/deep/er/c.json'],
      walked: new Set(['lab/a.yml', 'lab/b.yaml', 'lab/deep/D.YAML', 'lab/deep/er/c.json']),
      issues: [],
    });
  });

  it('should skip the diff pairs of a folder (*.base.yaml, *.head.yaml, *.diff.json) but take one that is named', () => {
    expect(collectScenarioFiles(['lab/pairs'], root).files).toEqual([]);
    expect(collectScenarioFiles(['lab/pairs/01-temp.base.yaml'], root).files).toEqual(['lab/pairs/01-temp.base.yaml']);
  });

  it('should take a file named on the command line as given, whatever its extension', () => {
    expect(collectScenarioFiles(['lab/notes.md'], root).files).toEqual(['lab/notes.md']);
  });

  it('should list a file once when it is named twice, directly and through its folder, and count it as named', () => {
    const result = collectScenarioFiles(['lab/b.yaml', 'lab'], root);
    expect(result.files).toEqual(['lab/b.yaml', 'lab/a.yml', 'lab/deep/D.YAML', 'lab/deep/er/c.json']);
    expect([...result.walked]).toEqual(['lab/a.yml', 'lab/deep/D.YAML', 'lab/deep/er/c.json']);
  });

  it('should report a missing path as an issue and keep the others', () => {
    const result = collectScenarioFiles(['missing', 'lab/a.yml'], root);
    expect(result.files).toEqual(['lab/a.yml']);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'file_not_found', file: 'missing' })]);
  });

  it('should report a folder that cannot be listed as an issue, not throw, and keep walking the rest', () => {
    expect(collectScenarioFiles(['shut'], root)).toEqual({
      files: ['shut/open.yaml'],
      walked: new Set(['shut/open.yaml']),
      issues: [
        expect.objectContaining({ code: 'folder_unreadable', file: 'shut/locked', message: 'cannot read the folder (EACCES)' }),
      ],
    });
  });
});

describe('displayPath', () => {
  it('should name files inside the working folder relatively and files outside it absolutely', () => {
    expect(displayPath('/work/main', '/work/main/scenarios/a.yaml')).toBe('scenarios/a.yaml');
    expect(displayPath('/work/main', 'scenarios/a.yaml')).toBe('scenarios/a.yaml');
    expect(displayPath('/work/main', '/tmp/a.yaml')).toBe('/tmp/a.yaml');
    expect(displayPath('/work/main', '/work/main-old/a.yaml')).toBe('/work/main-old/a.yaml');
  });
});

describe('directory walks through the CLI', () => {
  it('should exit 2, not 3, when a folder in the walk cannot be read', async () => {
    const result = await runCli(['validate', 'shut'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('✖ shut/locked (root): cannot read the folder (EACCES)');
    expect(result.stdout).toContain('✔ shut/open.yaml: open');
  });

  it('should validate exactly the walked files, so a broken file under node_modules does not count', async () => {
    const result = await runCli(['validate', 'lab'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '✔ lab/a.yml: a',
        '✔ lab/b.yaml: b',
        '✔ lab/deep/D.YAML: D upper-case extension',
        '✔ lab/deep/er/c.json: c',
        '4 valid, 0 invalid, 0 warnings',
        '',
      ].join('\n'),
    );
  });

  it('should run every walked file', async () => {
    const result = await runCli(['run', 'lab', '--format', 'json'], root);
    const document = JSON.parse(result.stdout) as { scenarios: { file: string }[] };
    expect(document.scenarios.map((s) => s.file)).toEqual(['lab/a.yml', 'lab/b.yaml', 'lab/deep/D.YAML', 'lab/deep/er/c.json']);
  });
});
