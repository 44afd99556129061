/** Parses scenario text (YAML, or JSON for `.json` files) into a YAML document that knows where every node is. */
import type { Document, YAMLError } from 'yaml';
import type { Issue, Path } from '../../core/issue.ts';
import { excerpt, quoteExcerpt, withExcerpts } from '../../core/quote.ts';
import { checkSourceText } from './check-source-text.ts';
import { lintDocument } from './lint-document.ts';
import { createLocator, pathAtOffset, type Position } from './locate.ts';
import { parseRepaired } from './parse-repaired.ts';
import { jsonTextIssue } from './scan-json-text.ts';

/** Syntax errors reported before the rest are summarised: a broken file often yields one per line. */
const MAX_SYNTAX_ISSUES = 50;
const HEX = /^[-+]?0x[0-9a-f]+$/i;

export interface ParsedSource {
  readonly doc: Document;
  readonly format: 'yaml' | 'json';
  readonly locate: (path: readonly (string | number)[], key?: boolean) => Position;
  /** Problems that do not stop loading (a refused tag, an escaped Windows path), already placed. */
  readonly softIssues: Issue[];
}

export type ParseOutcome =
  { readonly ok: true; readonly source: ParsedSource } | { readonly ok: false; readonly issues: Issue[] };

const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'YAML indents with spaces, never tabs',
  BAD_INDENT: 'check the indentation: items of one list or map start in the same column',
  DUPLICATE_KEY: 'write each key once per map',
  MULTIPLE_DOCS: 'a file holds one scenario: remove the extra --- document',
  MISSING_CHAR: 'a bracket or quote is not closed',
  BAD_DQ_ESCAPE: 'in double quotes a backslash starts an escape; use single quotes for Windows paths',
  BAD_SCALAR_START: 'quote a value that starts with a special character',
  UNEXPECTED_TOKEN: 'quote a value that contains special characters',
};

/** Where JSON's fix differs from YAML's: JSON has no single quotes. */
const JSON_SYNTAX_HINTS: Record<string, string> = {
  BAD_DQ_ESCAPE: 'in JSON a backslash starts an escape: write each backslash of a Windows path as \\\\',
};

/**
 * Parses `text` as YAML 1.2 (core schema, merge keys on) or, when `file` ends in `.json`, as JSON with
 * positions (the YAML parser's JSON schema, plus a check that no YAML-only syntax, comment or trailing
 * comma was used). Returns every syntax problem at once, each with its line and column; a mistake with
 * its own issue (a run-on double-quoted folder, a JSON comment) is repaired first, so the parser's
 * follow-on errors about it are not repeated.
 *
 * @example
 * parseSource('name: x', 'a.yaml').ok; // true
 * parseSource('{"a": 0x1}', 'a.json'); // { ok: false, issues: [{ code: 'json_hex', hint: 'JSON has no hex numbers: write 1', … }] }
 */
export function parseSource(text: string, file: string): ParseOutcome {
  const early = checkSourceText(text, file);
  if (early.length > 0) return { ok: false, issues: early };
  const format = /\.json$/i.test(file) ? 'json' : 'yaml';
  const { doc, lineCounter, runOns, jsonFaults } = parseRepaired(text, format);
  const locate = createLocator(doc, lineCounter);
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const lint = lintDocument(doc, text, format, at, runOns);
  const place = (issue: Issue): Issue => ({ ...issue, file, ...(issue.line === undefined ? locate(issue.path) : {}) });
  // Comments and trailing commas do not stop loading: the repaired document is what the user meant.
  const soft = [
    ...lint.soft,
    ...jsonFaults.map((fault) => ({ ...jsonTextIssue(fault, pathAtOffset(doc, fault.offset)), ...at(fault.offset) })),
  ].map(place);
  const seen = new Set<string>();
  const errors = doc.errors.filter((error) => {
    // The parser can report one fault twice from two rules; an escaped Windows path has its own issue.
    const key = `${error.pos[0]}:${error.code}`;
    if (seen.has(key) || lint.escapedPaths.some(([from, to]) => error.pos[0] >= from && error.pos[0] < to)) return false;
    seen.add(key);
    return true;
  });
  const syntax = errors
    .slice(0, MAX_SYNTAX_ISSUES)
    .map((error) => ({ ...syntaxIssue(error, text, format, pathAtOffset(doc, error.pos[0])), file, ...at(error.pos[0]) }));
  if (errors.length > MAX_SYNTAX_ISSUES) {
    syntax.push({
      code: 'syntax',
      path: [],
      file,
      ...at(errors[MAX_SYNTAX_ISSUES]?.pos[0] ?? 0),
      message: `${errors.length - MAX_SYNTAX_ISSUES} more syntax errors not shown`,
      hint: 'fix the first ones; later errors often follow from them',
    });
  }
  const fatal = [...syntax, ...lint.fatal.map(place)];
  if (fatal.length > 0) return { ok: false, issues: [...fatal, ...soft] };
  if (doc.contents === null) {
    return {
      ok: false,
      issues: [
        {
          code: 'empty_file',
          path: [],
          file,
          line: 1,
          column: 1,
          message: 'file is empty: it has no scenario in it',
          expected: 'a map with at least `name` and `devices`',
          received: text.trim() === '' ? 'an empty file' : 'only comments',
          hint: 'start from an example in scenarios/, e.g. `name: My scenario` then `devices: [{ name: ws-01, os: windows-11 }]`',
        },
      ],
    };
  }
  return { ok: true, source: { doc, format, locate, softIssues: soft } };
}

/** The issue for one parser error; `path` (where the error sits) is kept only where the parse is trustworthy. */
function syntaxIssue(error: YAMLError, text: string, format: 'yaml' | 'json', path: Path): Issue {
  const source = text.slice(error.pos[0], error.pos[1]);
  if (error.code === 'DUPLICATE_KEY') {
    const key = String(path[path.length - 1] ?? source);
    return {
      code: 'duplicate_key',
      path,
      message: `key ${quoteExcerpt(key)} appears twice in one map`,
      hint: SYNTAX_HINTS.DUPLICATE_KEY,
    };
  }
  if (format === 'json' && error.code === 'TAG_RESOLVE_FAILED') {
    if (HEX.test(source)) {
      return {
        code: 'json_hex',
        path,
        message: `${excerpt(source)} is a hex number, which JSON does not have`,
        expected: 'a decimal number',
        received: excerpt(source),
        hint: `JSON has no hex numbers: write ${Number.parseInt(source, 16)}`,
      };
    }
    return {
      code: 'json_syntax',
      path,
      message: `${quoteExcerpt(source)} is not a JSON value`,
      expected: 'a double-quoted string, a number, true, false, null, an object or a list',
      received: excerpt(source),
      hint: 'JSON needs double quotes around keys and strings; or rename the file to .yaml',
    };
  }
  // The parser's message may quote the source (a whole scalar, a secret): at most 80 characters of it are kept.
  const first = error.message.startsWith('With stringKeys')
    ? 'a key must be a plain value, not a list or map'
    : (error.message.split('\n')[0] ?? '');
  const message = first.length > 80 ? `${first.slice(0, 79)}…` : first;
  return withExcerpts(
    {
      code: format === 'json' ? 'json_syntax' : 'yaml_syntax',
      path: [],
      message: `${format === 'json' ? 'JSON' : 'YAML'} syntax error: ${message}`,
      received: source === '' ? undefined : quoteExcerpt(source, 40),
      hint: (format === 'json' ? JSON_SYNTAX_HINTS[error.code] : undefined) ?? SYNTAX_HINTS[error.code],
    },
    [source],
  );
}
