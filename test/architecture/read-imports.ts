/** Reads every import of the sources under given folders into a file → imports map, for the layer checker. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** One import of a file: what it names, where that resolves (relative specifiers only), and how. */
export interface Import {
  /** As written: `'../core/issue.ts'`, `'xstate'`, `'node:fs'`; `'<expression>'` for an `import()` of a non-literal. */
  readonly specifier: string;
  /** Repo-relative path of the imported file (`engine/core/issue.ts`), for relative specifiers. */
  readonly target?: string;
  /** `import type`, `export type … from`, or every name marked `type`: erased at run time, still an arrow. */
  readonly typeOnly: boolean;
  /** `import('…')` at run time. */
  readonly dynamic: boolean;
  /** The names imported (`readFileSync`, `default`, `*`), so `node:fs` reads and writes can be told apart. */
  readonly names: readonly string[];
}

/** Repo-relative file path (forward slashes) → its imports. */
export type ImportGraph = ReadonlyMap<string, readonly Import[]>;

/**
 * Replaces comments and the insides of strings, template literals and regular expressions with spaces, keeping
 * every offset, so `import` inside a JSDoc `@example` or a help text is not read as code.
 */
export function maskSource(source: string): string {
  const out = source.split('');
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  let last = ''; // the last significant character, to tell a regex `/` from a division
  const braces: number[] = []; // per open template `${`, the brace depth inside it
  while (i < source.length) {
    const c = source[i] ?? '';
    const next = source[i + 1] ?? '';
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      blank(i, end === -1 ? source.length : end);
      i = end === -1 ? source.length : end;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      blank(i, end === -1 ? source.length : end + 2);
      i = end === -1 ? source.length : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
      last = c;
    } else if (c === '`' || (c === '}' && braces.length > 0 && braces[braces.length - 1] === 0)) {
      if (c === '}') braces.pop();
      let j = i + 1;
      while (j < source.length && source[j] !== '`' && !(source[j] === '$' && source[j + 1] === '{'))
        j += source[j] === '\\' ? 2 : 1;
      blank(i + 1, j);
      if (source[j] === '$') {
        braces.push(0);
        i = j + 2;
      } else i = j + 1;
      last = '`';
    } else if (
      c === '/' &&
      (last === '' ||
        '(,=:[!&|?{};+-*%<>~^'.includes(last) ||
        /\b(return|typeof|case|of|in)$/.test(source.slice(Math.max(0, i - 8), i).trimEnd()))
    ) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j += source[j] === '\\' ? 2 : 1;
      }
      blank(i + 1, j);
      i = j + 1;
      last = ')';
    } else {
      if (braces.length > 0 && c === '{') braces[braces.length - 1]! += 1;
      if (braces.length > 0 && c === '}') braces[braces.length - 1]! -= 1;
      if (!/\s/.test(c)) last = c;
      i++;
    }
  }
  return out.join('');
}

const STATIC = /(?:^|[;}\n])\s*(import|export)(\s+type)?\s*([^;'"`]*?)\s*from\s*(['"])|(?:^|[;}\n])\s*import\s*(['"])/g;
const DYNAMIC = /\bimport\s*\(\s*(['"`]?)/g;

function namesOf(clause: string): { names: string[]; allTypes: boolean } {
  const inBraces = /\{([^}]*)\}/.exec(clause)?.[1];
  const parts =
    inBraces === undefined
      ? []
      : inBraces
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part !== '');
  const names = parts.map((part) => part.replace(/^type\s+/, '').split(/\s+as\s+/)[0] ?? '');
  const outside = clause
    .replace(/\{[^}]*\}/, '')
    .replace(/,/g, ' ')
    .trim();
  if (outside.startsWith('*')) names.push('*');
  else if (outside !== '') names.push('default');
  return { names, allTypes: parts.length > 0 && outside === '' && parts.every((part) => part.startsWith('type ')) };
}

/**
 * The imports of one file's text: static `import`/`export … from`, side-effect imports, `import type`, and
 * `import()`. `file` is repo-relative; relative specifiers are resolved against it.
 *
 * @example
 * readImports("import type { Issue } from '../core/issue.ts';", 'engine/io/read-input.ts');
 * // [{ specifier: '../core/issue.ts', target: 'engine/core/issue.ts', typeOnly: true, dynamic: false, names: ['Issue'] }]
 */
export function readImports(source: string, file: string): Import[] {
  const masked = maskSource(source);
  const found: { at: number; specifier: string; typeOnly: boolean; dynamic: boolean; names: string[] }[] = [];
  const literalAt = (quoteAt: number): string => source.slice(quoteAt + 1, source.indexOf(source[quoteAt] ?? "'", quoteAt + 1));
  for (const match of masked.matchAll(STATIC)) {
    const quote = match[4] ?? match[5] ?? "'";
    const quoteAt = (match.index ?? 0) + match[0].length - quote.length;
    const { names, allTypes } = namesOf(match[3] ?? '');
    found.push({
      at: quoteAt,
      specifier: literalAt(quoteAt),
      typeOnly: match[2] !== undefined || allTypes,
      dynamic: false,
      names: match[5] === undefined ? names : [],
    });
  }
  for (const match of masked.matchAll(DYNAMIC)) {
    const quote = match[1] ?? '';
    const quoteAt = (match.index ?? 0) + match[0].length - 1;
    const literal = quote === "'" || quote === '"' || (quote === '`' && !literalAt(quoteAt).includes('${'));
    found.push({
      at: quoteAt,
      specifier: literal ? literalAt(quoteAt) : '<expression>',
      typeOnly: false,
      dynamic: true,
      names: ['*'],
    });
  }
  return found
    .sort((a, b) => a.at - b.at)
    .map(({ specifier, typeOnly, dynamic, names }) => ({
      specifier,
      ...(specifier.startsWith('.') ? { target: posix.normalize(posix.join(posix.dirname(file), specifier)) } : {}),
      typeOnly,
      dynamic,
      names,
    }));
}

/** Every `.ts`/`.js` file under `folders` (repo-relative, recursively) with its imports. */
export function readImportGraph(root: string, folders: readonly string[]): ImportGraph {
  const graph = new Map<string, readonly Import[]>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js)$/.test(entry.name)) graph.set(path, readImports(readFileSync(join(root, path), 'utf8'), path));
    }
  };
  for (const folder of folders) walk(folder);
  return graph;
}
