// Text output fits the terminal (`Io.columns`), breaks no word, and shows every cite as a footnote with its links (issue 14).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { visibleWidth } from '../../../engine/core/wrap-text.ts';
import { runCli } from '../run-cli.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LIBRARY = 'scenarios/07-exclusions/01-block-mode-honours-folder-exclusion.yaml';

// Hostile user text: control characters, a bidi override and a 60-character word in names, paths and the cite.
const HOSTILE = `name: "Hostile \\u001b[2J names \\u202egnp.exe with ${'w'.repeat(60)}"
tenant: { edrBlockMode: true }
devices:
  - { name: "ws-\\u202e${'d'.repeat(40)}", os: windows-10, primaryAv: non-microsoft }
timeline:
  - at: 5m
    artifact:
      id: "a-${'a'.repeat(50)}"
      device: "ws-\\u202e${'d'.repeat(40)}"
      kind: behavior
      path: 'C:\\Users\\mark\\AppData\\Local\\Temp\\stage.exe'
      trigger: behavior
      signals: { primaryAv: miss, mdav: detect, edr: detect }
expect:
  - { artifact: "a-${'a'.repeat(50)}", outcome: blocked, cite: "§3.1" }
  - { artifact: "a-${'a'.repeat(50)}", outcome: missed, cite: "T32" }
  - { artifact: "a-${'a'.repeat(50)}", by: edr-block-mode, cite: "§99 \\u001b[31mnot a cite" }
`;
const folder = mkdtempSync(join(tmpdir(), 'edrsim-width-'));
writeFileSync(join(folder, 'hostile.yaml'), HOSTILE);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// The lines of the tables: from each header (the lines above its dashed separator) to the next blank line.
function tableLines(lines: readonly string[]): Set<number> {
  const inTable = new Set<number>();
  lines.forEach((line, at) => {
    if (!/^-+( {2}-+)+$/.test(line)) return;
    let first = at;
    while (first > 0 && lines[first - 1] !== '') first--;
    for (let row = first; row < lines.length && lines[row] !== ''; row++) inTable.add(row);
  });
  return inTable;
}

// Every line fits, unless it is one word wider than the line (a long id, a URL: words are never broken), or a row of
// a table whose columns are already as narrow as their longest words (table.test.ts pins that narrowing).
function expectFits(text: string, width: number, strict = false): void {
  const lines = text.split('\n');
  const tables = tableLines(lines);
  lines.forEach((line, at) => {
    if (visibleWidth(line) <= width || (!strict && tables.has(at))) return;
    expect(line.trim(), `line wider than ${width}: ${line}`).not.toMatch(/ /);
  });
}

// Every footnote number used in a line has its footnote, and every Learn link is whole on its line.
function expectFootnotes(text: string): void {
  const used = new Set([...text.matchAll(/ \[(\d+)\]/g)].map((match) => match[1]));
  expect(used.size).toBeGreaterThan(0);
  for (const number of used) expect(text).toMatch(new RegExp(`^ *\\[${number}\\] \\S`, 'm'));
  for (const match of text.matchAll(/https:\/\/\S+/g))
    expect(match[0]).toMatch(/^https:\/\/(learn\.microsoft\.com|github\.com)\/[\w./?=-]+$/);
}

describe('text output on a terminal of 80 and 40 columns', () => {
  it.each([80, 40])(
    'should fit run, explain --artifact and explain --device of a library scenario into %i columns',
    async (columns) => {
      for (const argv of [
        ['run', LIBRARY],
        ['explain', LIBRARY, '--artifact', 'temp-dropper'],
        ['explain', LIBRARY, '--device', 'ws-dev-88'],
      ]) {
        const result = await runCli(argv, ROOT, { columns });
        expect(result.code, argv.join(' ')).toBe(0);
        expectFits(result.stdout, columns);
        expectFootnotes(result.stdout);
        expect(result.stdout).toContain('https://learn.microsoft.com/en-us/defender-endpoint/edr-in-block-mode');
      }
    },
  );

  it.each([80, 40])('should fit hostile names into %i columns, escaped, and list an unknown cite as such', async (columns) => {
    const result = await runCli(['run', 'hostile.yaml'], folder, { columns });
    expect(result.code).toBe(1);
    expectFits(result.stdout, columns);
    expect(result.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(result.stdout).toContain('\\u202e');
    // The unknown cite is listed after the ones the engine's reasons add, with its number, escaped, never dropped.
    const unknown = /^\[(\d+)\] §99 \\u001b\[31mnot a/m.exec(result.stdout);
    expect(unknown).not.toBeNull();
    expect(result.stdout).toContain(`§99 \\u001b[31mnot a${columns === 80 ? ' ' : '\n  '}cite [${unknown?.[1]}]`);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('not a cite: not in the citation registry');
    expect(result.stdout).toMatch(/^\[1\] §3\.1 What it is$/m);
  });

  it('should not wrap when stdout is not a terminal (no columns), so files and pipes keep whole lines', async () => {
    const result = await runCli(['run', LIBRARY], ROOT);
    expect(result.stdout.split('\n').some((line) => line.length > 80)).toBe(true);
    expectFootnotes(result.stdout);
  });
});
