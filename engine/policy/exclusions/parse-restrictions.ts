/** Parses the `\:{Type:value,…}` suffix of a contextual path entry; keywords and values are case-sensitive (ctx-excl). */
import { append } from '../../core/append.ts';
import { fail, ok, type Issue, type Path, type Result } from '../../core/issue.ts';
import type { ProcessPattern, Restrictions } from './exclusion-entry.ts';
import { parseProcessPattern } from './parse-process-pattern.ts';

const VALUES: Readonly<Record<string, readonly string[]>> = {
  PathType: ['file', 'folder'],
  ScanType: ['quick', 'full'],
  ScanTrigger: ['OnDemand', 'OnAccess', 'BM'],
};
const KEYWORDS = ['PathType', 'ScanType', 'ScanTrigger', 'Process'];

/** Parsed restrictions, and why they can never hold when a type repeats with different values (#41). */
export interface ParsedRestrictions {
  readonly restrictions: Restrictions;
  readonly never?: string;
}

export interface RestrictionOptions {
  readonly trailingStar?: 'literal' | 'folder';
  readonly label: string;
  readonly path: Path;
}

/** Splits on commas that are not inside a quoted `Process:"…"` value. */
function splitItems(body: string): string[] {
  const items: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      items.push(body.slice(start, i));
      start = i + 1;
    }
  }
  items.push(body.slice(start));
  return items.map((item) => item.trim());
}

/** An issue for a word that is not one of `allowed`, with the right spelling when only case differs. */
function wordIssue(code: string, what: string, word: string, allowed: readonly string[], options: RestrictionOptions): Issue {
  const sameButCase = allowed.find((candidate) => candidate.toLowerCase() === word.toLowerCase());
  return {
    code,
    path: options.path,
    message: `${options.label}: ${what} \`${word}\` is not recognised`,
    expected: `one of ${allowed.join(', ')} (case-sensitive)`,
    received: word,
    hint:
      sameButCase === undefined
        ? `use one of ${allowed.join(', ')}`
        : `keywords and values are case-sensitive: write \`${sameButCase}\``,
  };
}

/**
 * Parses the text between the braces. All conditions must hold (AND); a repeated `PathType`,
 * `ScanType` or `ScanTrigger` with different values never holds (#41, C12).
 *
 * @example
 * parseRestrictions('PathType:file,ScanTrigger:OnAccess', { label: 'entry', path: [] });
 * // ok: { restrictions: { pathType: 'file', scanTrigger: 'OnAccess', processes: [], … } }
 */
export function parseRestrictions(body: string, options: RestrictionOptions): Result<ParsedRestrictions> {
  const issues: Issue[] = [];
  const seen = new Map<string, string[]>();
  const processes: ProcessPattern[] = [];
  if (body.trim() === '') {
    const message = `${options.label} has empty restrictions \`{}\``;
    return fail([
      {
        code: 'exclusion_contextual_empty',
        path: options.path,
        message,
        hint: 'remove `\\:{}` or add a restriction such as ScanTrigger:OnAccess',
      },
    ]);
  }
  for (const item of splitItems(body)) {
    const colon = item.indexOf(':');
    const key = colon === -1 ? item : item.slice(0, colon).trim();
    const value = colon === -1 ? '' : item.slice(colon + 1).trim();
    if (!KEYWORDS.includes(key)) {
      issues.push(wordIssue('exclusion_contextual_keyword', 'restriction', key, KEYWORDS, options));
      continue;
    }
    if (key === 'Process') {
      if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) {
        issues.push({
          code: 'exclusion_contextual_process_quotes',
          path: options.path,
          message: `${options.label}: Process value ${value} is not in double quotes`,
          expected: 'Process:"C:\\Program Files\\App\\app.exe"',
          received: value,
          hint: 'wrap the image path in double quotes (ctx-excl)',
        });
        continue;
      }
      const parsed = parseProcessPattern(value.slice(1, -1), { ...options, label: `${options.label}: Process restriction` });
      if (parsed.ok) processes.push(parsed.value);
      else append(issues, parsed.issues);
      continue;
    }
    const allowed = VALUES[key] ?? [];
    if (!allowed.includes(value)) {
      issues.push(wordIssue('exclusion_contextual_value', `${key} value`, value, allowed, options));
      continue;
    }
    seen.set(key, [...(seen.get(key) ?? []), value]);
  }
  if (issues.length > 0) return fail(issues);
  const single = (key: string): string | undefined => seen.get(key)?.[0];
  const repeated = [...seen].filter(([, values]) => new Set(values).size > 1);
  const restrictions: Restrictions = {
    pathType: single('PathType') as Restrictions['pathType'],
    scanType: single('ScanType') as Restrictions['scanType'],
    scanTrigger: single('ScanTrigger') as Restrictions['scanTrigger'],
    processes,
    text: body,
  };
  if (repeated.length === 0) return ok({ restrictions });
  const [key, values] = repeated[0] ?? ['', []];
  return ok({ restrictions, never: `two ${key} values (${[...new Set(values)].join(', ')}) can never both hold` });
}
