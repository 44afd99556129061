// Every cite a user can read must resolve in the registry: in the scenario library, in the engine's source, and in
// what the engine emits when it runs the library (issue 14). A new cite that the registry does not know fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { resolveCite } from '../../../engine/core/cite/resolve-cite.ts';
import type { Reason } from '../../../engine/core/vocabulary.ts';
import { runScenarioFile } from '../../../engine/run-scenario.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function walk(folder: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

const unresolved = (cites: Iterable<[string, string]>) =>
  [...cites].filter(([, cite]) => resolveCite(cite) === undefined).map(([where, cite]) => `${where}: ${cite}`);

// Every `cite:` value, at any depth, of a parsed scenario document.
function citesIn(value: unknown, found: string[]): string[] {
  if (Array.isArray(value)) for (const item of value) citesIn(item, found);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      if (key === 'cite' && typeof item === 'string') found.push(item);
      else citesIn(item, found);
    }
  return found;
}

// § references written in prose (descriptions, notes): `§3.8`, `§4.4 #9`.
const SECTION_IN_TEXT = /§\d+(?:\.\d+)?(?: #\d+)?/g;

const SCENARIOS = walk(join(ROOT, 'scenarios'), (file) => /\.(ya?ml|json)$/.test(file));

describe('every cite in the scenario library', () => {
  it('should resolve every expectation cite and every § named in the scenarios text', () => {
    const cites: [string, string][] = [];
    for (const file of SCENARIOS) {
      const text = readFileSync(file, 'utf8');
      const where = relative(ROOT, file);
      for (const doc of parseAllDocuments(text)) for (const cite of citesIn(doc.toJS(), [])) cites.push([where, cite]);
      for (const match of text.matchAll(SECTION_IN_TEXT)) cites.push([where, match[0]]);
    }
    expect(cites.length).toBeGreaterThan(100);
    expect(unresolved(cites)).toEqual([]);
  });
});

// Parenthesised hyphenated words in engine messages that are English, not source keys.
const NOT_CITES = new Set(['tenant-wide', 'case-sensitive', 'site-local']);

// Comments (and their @example lines) are for developers; string literals in code are what users read.
const codeLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line));

describe('every cite in the engine source', () => {
  const files = walk(join(ROOT, 'engine'), (file) => file.endsWith('.ts') && !file.includes(join('engine', 'core', 'cite')));

  it('should resolve every string literal that starts with § (a reason cite, a default cite, a schema note)', () => {
    const cites: [string, string][] = [];
    for (const file of files)
      for (const line of codeLines(file))
        for (const match of line.matchAll(/['"`](§[^'"`]*)['"`]/g)) {
          // '§3.9: what block mode does when MDAV is active' documents a setting: the cite is before the colon.
          const cite = (match[1] ?? '').split(':')[0] ?? '';
          cites.push([relative(ROOT, file), cite]);
        }
    expect(cites.length).toBeGreaterThan(50);
    expect(unresolved(cites)).toEqual([]);
  });

  it('should resolve every source key a message or hint names in parentheses, e.g. (excl-mistakes), (ctx-excl, C12)', () => {
    const cites: [string, string][] = [];
    for (const file of files)
      for (const line of codeLines(file)) {
        for (const literal of line.matchAll(/'[^']*'|`[^`]*`|"[^"]*"/g))
          for (const match of literal[0].matchAll(/\(([a-z][a-z0-9]*(?:-[a-z0-9]+)+(?:, ?[CT]\d+)?)\)/g)) {
            const cite = match[1] ?? '';
            if (!NOT_CITES.has(cite)) cites.push([relative(ROOT, file), cite]);
          }
      }
    expect(cites.length).toBeGreaterThan(10);
    expect(unresolved(cites)).toEqual([]);
  });
});

describe('every cite the engine emits', () => {
  // The scale scenarios emit the same reasons as the small ones, a thousand times over: left out to keep the test fast.
  const small = SCENARIOS.filter((file) => !file.includes('10-scale') && file.endsWith('.yaml'));

  it('should resolve the cite of every reason in every verdict, device, change and recommendation of the library', () => {
    const cites = new Map<string, string>();
    const add = (where: string, reasons: readonly Reason[]) => {
      for (const reason of reasons)
        if (reason.cite !== undefined) cites.set(reason.cite, `${where} [${reason.layer}] ${reason.code}`);
    };
    for (const file of small) {
      const loaded = runScenarioFile(file);
      if (!loaded.ok) continue; // an invalid fixture emits no reasons
      const where = relative(ROOT, file);
      const { run } = loaded.value;
      loaded.value.replay({ verdict: (verdict) => add(where, verdict.reasons) });
      for (const device of run.devices) {
        add(where, device.modeReasons);
        add(where, device.edrBlockMode.reasons);
        add(
          where,
          device.edrBlockMode.requirements.map((requirement) => requirement.reason),
        );
      }
      for (const change of run.changes) add(where, change.reasons);
      add(
        where,
        run.recommendations.map((recommendation) => recommendation.reason),
      );
    }
    expect(cites.size).toBeGreaterThan(20);
    expect(unresolved([...cites].map(([cite, where]) => [where, cite]))).toEqual([]);
  });
});
