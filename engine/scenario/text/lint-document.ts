/** Checks a parsed YAML/JSON document for what parses but must not load: code tags, escaped Windows paths, YAML in JSON, recursion. */
import { isAlias, isCollection, isMap, isPair, isScalar, Scalar, type Document } from 'yaml';
import type { Issue, Path } from '../../core/issue.ts';
import { escapeInvisible, excerpt, quote } from '../../core/quote.ts';
import { MAX_ALIASES } from './alias-table.ts';
import { PATH_START, type RunOnQuote } from './run-on-quotes.ts';

/** Deepest nesting a scenario may have; the contract's deepest key is about 6 levels down. */
export const MAX_DEPTH = 64;

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** What the walk found; `fatal` issues stop loading, `soft` ones are reported alongside validation. */
export interface DocumentLint {
  readonly fatal: Issue[];
  readonly soft: Issue[];
  /** Source ranges of double-quoted Windows paths, so the parser's escape errors inside them are not repeated. */
  readonly escapedPaths: [number, number][];
}

/**
 * What a double-quoted Windows path meant, read escape by escape as JSON and YAML both spell them. `lone`
 * counts the backslashes that start no `\\` and no `\"` escape: separators the parser read as escapes.
 * The path as written is what was meant (a `\\server` share stays two backslashes), except that `\"` is a
 * quote: a Windows name cannot hold `"`, so `\"` was never a separator, and §4.2's contextual form
 * `C:\x\:{Process:"a.exe"}` can only be written with it inside double quotes.
 */
function meantPath(inner: string): { meant: string; lone: number } {
  let meant = '';
  let lone = 0;
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i] as string;
    const next = inner[i + 1];
    if (char !== '\\') meant += char;
    else if (next === '\\' || next === '"') {
      meant += next === '"' ? '"' : '\\\\';
      i++;
    } else {
      meant += char;
      lone++;
    }
  }
  return { meant, lone };
}

function showTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/**
 * Walks every node of `doc` once (aliases are not followed) and reports: tags other than the YAML core
 * ones (`!!js/function`, `!foo`: scenarios are data), double-quoted Windows paths whose backslashes
 * YAML read as escapes (`runOns`, default none: those whose trailing `\"` was closed before parsing),
 * YAML-only syntax in a `.json` file, aliases that contain themselves, more than {@link MAX_ALIASES}
 * aliases, and nesting deeper than {@link MAX_DEPTH}.
 *
 * @example
 * lintDocument(doc, 'p: "C:\\temp"', 'yaml', at).soft[0]?.code; // 'windows_path_escape'
 */
export function lintDocument(
  doc: Document,
  text: string,
  format: 'yaml' | 'json',
  position: (offset: number) => { line: number; column: number },
  runOns: readonly RunOnQuote[] = [],
): DocumentLint {
  const lint: DocumentLint = { fatal: [], soft: [], escapedPaths: [] };
  const ancestors: unknown[] = [];
  // The walk is in document order, so the latest node of each anchor name is what an alias stands for.
  const anchors = new Map<string, unknown>();
  let aliases = 0;
  let reportedBlockInJson = false;

  const visit = (node: unknown, path: Path): void => {
    if (node === null || node === undefined) return;
    if (ancestors.length > MAX_DEPTH) {
      if (!lint.fatal.some((issue) => issue.code === 'too_deep')) {
        const start = (node as { range?: readonly number[] }).range?.[0];
        lint.fatal.push({
          code: 'too_deep',
          // The full path would be 64 segments long; the section it starts in says enough.
          path: path.slice(0, 2),
          ...(start === undefined ? {} : position(start)),
          message: `document nests deeper than ${MAX_DEPTH} levels`,
          expected: `at most ${MAX_DEPTH} levels of lists and maps`,
          received: `more than ${MAX_DEPTH} levels`,
        });
      }
      return;
    }
    const tag = (node as { tag?: string }).tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      // The node's range starts after its tag; point at the tag itself when the source spells it so.
      const start = (node as { range?: readonly number[] }).range?.[0] ?? 0;
      const written = text.lastIndexOf(showTag(tag), start);
      lint.soft.push({
        ...(written >= 0 && start - written < 200 ? position(written) : {}),
        code: 'unsafe_tag',
        path,
        message: `YAML tag ${excerpt(showTag(tag))} is not allowed`,
        expected: 'plain YAML values: strings, numbers, booleans, null, lists and maps',
        received: excerpt(showTag(tag)),
        hint: 'a scenario is data, never code: remove the tag',
      });
    }
    if (isAlias(node)) {
      if (format === 'json') lint.fatal.push(jsonOnly(path, `alias *${node.source}`));
      if (++aliases === MAX_ALIASES + 1) lint.fatal.push(tooManyAliases(path, node.range?.[0], position));
      const source = anchors.get(node.source);
      if (source !== undefined && ancestors.includes(source)) {
        lint.fatal.push({
          code: 'recursive_alias',
          path,
          message: `alias *${node.source} refers to a node that contains it`,
          expected: 'aliases to finished anchors only',
          received: `*${node.source}`,
          hint: 'a scenario cannot contain itself; copy the values instead',
        });
      }
      return;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor !== undefined) anchors.set(anchor, node);
    if (isScalar(node)) {
      lintScalar(node, path, text, format, lint, runOns);
      return;
    }
    if (!isCollection(node)) return;
    if (format === 'json' && !node.flow && !reportedBlockInJson) {
      reportedBlockInJson = true;
      lint.fatal.push(jsonOnly(path, 'YAML block syntax (indentation instead of { } and [ ])'));
    }
    ancestors.push(node);
    node.items.forEach((item: unknown, index: number) => {
      if (isPair(item)) {
        const key = isScalar(item.key) ? String(item.key.value) : String(index);
        visit(item.key, path);
        visit(item.value, [...path, key]);
      } else {
        visit(item, isMap(node) ? path : [...path, index]);
      }
    });
    ancestors.pop();
  };

  visit(doc.contents, []);
  return lint;
}

function lintScalar(
  node: Scalar,
  path: Path,
  text: string,
  format: 'yaml' | 'json',
  lint: DocumentLint,
  runOns: readonly RunOnQuote[],
): void {
  if (format === 'json' && node.type !== Scalar.QUOTE_DOUBLE && node.type !== Scalar.PLAIN) {
    lint.fatal.push(jsonOnly(path, node.type === Scalar.QUOTE_SINGLE ? 'a single-quoted string' : 'a YAML block string'));
  }
  if (node.type !== Scalar.QUOTE_DOUBLE || !node.range) return;
  const [start, end] = node.range;
  // A run-on quote was closed at its backslash: in the user's text the scalar ends with `\"`.
  const runOn = runOns.find((run) => run.start === start);
  const raw = text.slice(start, runOn === undefined ? end : runOn.end + 2).trimEnd();
  const inner = raw.slice(1, raw.endsWith('"') ? -1 : undefined);
  if (!PATH_START.test(inner)) return;
  const { meant, lone } = meantPath(inner);
  if (lone === 0) return;
  lint.escapedPaths.push([start, end]);
  // What YAML read: for a run-on quote, the string that swallowed what followed (shortened: it can be the rest of the file).
  const read =
    runOn === undefined ? quote(node.value) : `${quote(runOn.value.slice(0, 60))}${runOn.value.length > 60 ? '…' : ''}`;
  lint.soft.push({
    code: 'windows_path_escape',
    path,
    message: `Windows path "${escapeInvisible(inner)}" is in double quotes, where each backslash starts an escape sequence${runOn === undefined ? '' : ': the last one escapes the closing quote'}`,
    expected: format === 'json' ? 'every backslash doubled' : 'a path in single quotes',
    received: read,
    // The fix is the meant path written in the file's own syntax, so pasting it back always parses.
    hint: escapeInvisible(
      format === 'json'
        ? `JSON needs every backslash doubled: ${JSON.stringify(meant)}`
        : `use single quotes, where backslashes are plain characters: '${meant.replaceAll("'", "''")}'`,
    ),
  });
}

function tooManyAliases(
  path: Path,
  start: number | undefined,
  position: (offset: number) => { line: number; column: number },
): Issue {
  return {
    code: 'too_many_aliases',
    path,
    ...(start === undefined ? {} : position(start)),
    message: `more than ${MAX_ALIASES} aliases: refused as a resource exhaustion attack`,
    expected: `at most ${MAX_ALIASES} aliases`,
    received: `alias number ${MAX_ALIASES + 1}`,
    hint: 'use fleet to repeat a device template and generate for many artifacts',
  };
}

function jsonOnly(path: Path, what: string): Issue {
  return {
    code: 'json_syntax',
    path,
    message: `${what} is YAML, not JSON`,
    expected: 'JSON: objects in { }, lists in [ ], strings in double quotes',
    received: what,
    hint: 'write plain JSON, or rename the file to .yaml to use YAML syntax',
  };
}
