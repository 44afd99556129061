/** Every `Issue.code` in engine/ is snake_case, like zod's own codes; `Reason.code` (kebab-case, in the JSON report) is left alone. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../engine/run-scenario.ts';
import { maskSource } from '../architecture/read-imports.ts';

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The string literals in the value that starts at `at`: up to the next `,` or closing bracket at its own depth. */
function literalsOfValue(source: string, masked: string, at: number): string[] {
  let depth = 0;
  let end = at;
  for (; end < masked.length; end++) {
    const c = masked[end];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth-- === 0) break;
    else if ((c === ',' || c === ';') && depth === 0) break;
  }
  return [...source.slice(at, end).matchAll(/(['"])([^'"\n]*)\1/g)].map((match) => match[2] ?? '');
}

/** Index of the `{` that encloses `at` in masked text, or -1. */
function openingBrace(masked: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    if (masked[i] === '}') depth++;
    else if (masked[i] === '{' && depth-- === 0) return i;
  }
  return -1;
}

/** The top-level arguments of the call whose `(` is at `open`, as [start, end) offsets. */
function argumentsOf(masked: string, open: number): [number, number][] {
  const args: [number, number][] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < masked.length; i++) {
    const c = masked[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth-- === 0) return [...args, [start, i]];
    else if (c === ',' && depth === 0) {
      args.push([start, i]);
      start = i + 1;
    }
  }
  return args;
}

/**
 * Each Issue code written as a literal in engine/, with where it is. Two ways a code is written:
 * - `code: '…'` (or `code: json ? '…' : '…'`) in an object literal that has no `layer` key (every `Reason` literal has one, an `Issue` never),
 *   except Node errno codes;
 * - a literal passed as the `code` parameter of a helper in the same file whose declared return type is not a
 *   Reason (`warn('exclusion_too_broad', …)`, `report('value', 'bad_indicator_value', …)`).
 * Comments and strings are masked first, so braces and commas inside messages do not count.
 */
function issueCodeLiterals(): { code: string; where: string }[] {
  const found: { code: string; where: string }[] = [];
  for (const file of sources('engine')) {
    const source = readFileSync(file, 'utf8');
    const masked = maskSource(source);
    for (const match of masked.matchAll(/\bcode\s*:/g)) {
      const at = (match.index ?? 0) + match[0].length;
      const open = openingBrace(masked, match.index ?? 0);
      if (/\blayer\s*:/.test(masked.slice(open, match.index))) continue;
      // A Node errno (`{ code: 'EISDIR' }`, a made-up fs error) is not an Issue.
      const codes = literalsOfValue(source, masked, at).filter((code) => !/^E[A-Z]+$/.test(code));
      for (const code of codes) found.push({ code, where: `${file}:${source.slice(0, at).split('\n').length}` });
    }
    // Helpers whose parameter list names `code: string`, declared as a function or an arrow, and the code's position.
    const helpers = /(?:function\s+(\w+)|(\w+)\s*=\s*)\(([^()]*\bcode:\s*string[^()]*)\)\s*(?::\s*([\w<>[\]| ]+))?/g;
    for (const helper of masked.matchAll(helpers)) {
      const name = helper[1] ?? helper[2] ?? '';
      if (/Reason|Recommendation|Resolution/.test(helper[4] ?? '')) continue;
      const position = (helper[3] ?? '').split(',').findIndex((param) => /^\s*code\s*:/.test(param));
      for (const call of masked.matchAll(new RegExp(`(?<![\\w.])${name}\\(`, 'g'))) {
        const open = (call.index ?? 0) + call[0].length - 1;
        if (open === helper.index + helper[0].indexOf('(')) continue; // the declaration itself
        const argument = argumentsOf(masked, open)[position];
        if (argument === undefined) continue;
        const code = /^\s*(['"])([^'"\n]*)\1\s*$/.exec(source.slice(argument[0], argument[1]))?.[2];
        if (code !== undefined) found.push({ code, where: `${file}:${source.slice(0, open).split('\n').length}` });
      }
    }
  }
  return found;
}

describe('Issue codes', () => {
  const literals = issueCodeLiterals();

  it('finds the codes of each way an issue is written, so an empty scan cannot pass', () => {
    const codes = new Set(literals.map(({ code }) => code));
    // One per route: object literal (and a conditional in one), lint warn(), wordIssue(), the MpPreference issue(), bad(), warning(), report(key, code).
    for (const code of [
      'unknown_key',
      'yaml_syntax',
      'exclusion_too_broad',
      'exclusion_contextual_keyword',
      'mp_preference_hidden',
      'bad_domain',
      'server_agent_os',
      'bad_indicator_type',
    ]) {
      expect(codes, code).toContain(code);
    }
    expect(codes.size).toBeGreaterThan(100);
  });

  it('leaves Reason codes out of the scan: they are kebab-case in the JSON report, a different vocabulary', () => {
    const codes = new Set(literals.map(({ code }) => code));
    for (const reasonCode of ['mdav-passive', 'role-not-allowed', 'local-merge-disabled', 'air-block-ioc'])
      expect(codes).not.toContain(reasonCode);
  });

  it('are snake_case wherever engine/ writes one', () => {
    expect(literals.filter(({ code }) => !SNAKE.test(code))).toEqual([]);
  });

  it('are snake_case in what the loader reports for the invalid fixtures, zod codes included', () => {
    const dirs = ['test/cli/fixtures/invalid', 'test/scenario/fixtures'];
    const files = dirs.flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => /\.(ya?ml|json)$/.test(name))
        .map((name) => join(dir, name)),
    );
    const codes = new Set<string>();
    for (const file of files) {
      const loaded = loadScenarioFile(file);
      if (!loaded.ok) for (const issue of loaded.issues) codes.add(issue.code);
    }
    expect(codes.size).toBeGreaterThan(5);
    expect([...codes].filter((code) => !SNAKE.test(code))).toEqual([]);
  });
});
