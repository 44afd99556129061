/**
 * A naive exclusion matcher written independently of the fast one (own normalisation, env vars, glob),
 * checking every entry in order. It exists to be obviously right, for agreement tests; it is slow.
 */
import type { ExclusionLists } from '../../../engine/core/config.ts';
import type { ScanType, Trigger } from '../../../engine/core/vocabulary.ts';
import type { Version } from '../../../engine/core/version.ts';

export interface ReferenceTarget {
  readonly path: string;
  readonly isFolder?: boolean;
  readonly process?: string;
  readonly trigger: Trigger;
  readonly scanType?: ScanType;
}

export interface ReferenceOptions {
  readonly trailingStar?: 'literal' | 'folder';
  readonly repeatedProcess?: 'or' | 'and';
  readonly reparsePoints?: readonly string[];
  readonly platform?: Version;
  readonly engine?: Version;
}

export interface ReferenceHit {
  readonly list: 'paths' | 'extensions' | 'processes';
  readonly index: number;
}

// The §4.2 table again, on purpose not shared with expand-env-vars.ts.
const VARIABLES: ReadonlyMap<string, string> = new Map([
  ['APPDATA', 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming'],
  ['LOCALAPPDATA', 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Local'],
  ['PROGRAMDATA', 'C:\\ProgramData'],
  ['ALLUSERSPROFILE', 'C:\\ProgramData'],
  ['PROGRAMFILES', 'C:\\Program Files'],
  ['PROGRAMFILES(X86)', 'C:\\Program Files (x86)'],
  ['SYSTEMDRIVE', 'C:'],
  ['SYSTEMROOT', 'C:\\Windows'],
  ['WINDIR', 'C:\\Windows'],
  ['PUBLIC', 'C:\\Users\\Public'],
  ['USERPROFILE', 'C:\\Windows\\system32\\config\\systemprofile'],
  ['TEMP', 'C:\\Windows\\Temp'],
  ['TMP', 'C:\\Windows\\Temp'],
  ['COMMONPROGRAMFILES', 'C:\\Program Files\\Common Files'],
  ['COMMONPROGRAMFILES(X86)', 'C:\\Program Files (x86)\\Common Files'],
  ['PROGRAMW6432', 'C:\\Program Files'],
]);

/** Expands `%NAME%`; undefined when a name is unknown. */
function expand(text: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '%') {
      const close = text.indexOf('%', i + 1);
      const name = close === -1 ? '' : text.slice(i + 1, close);
      if (name !== '' && !name.includes('\\') && !name.includes('/')) {
        const value = VARIABLES.get(name.toUpperCase());
        if (value === undefined) return undefined;
        out += value;
        i = close + 1;
        continue;
      }
    }
    out += text[i];
    i++;
  }
  return out;
}

/** Upper-case segments; UNC root becomes `\\HOST`; a single leading `\` gives an empty first segment. */
function segmentsOf(text: string): string[] {
  const unified = text.split('/').join('\\');
  let lead = 0;
  while (unified[lead] === '\\') lead++;
  const parts = unified
    .split('\\')
    .filter((part) => part.length > 0)
    .map((part) => part.toUpperCase());
  if (lead >= 2 && parts.length > 0) parts[0] = `\\\\${parts[0]}`;
  if (lead === 1) parts.unshift('');
  return parts;
}

/** Character-by-character glob with plain recursion. */
function glob(pattern: string, text: string): boolean {
  if (pattern === '') return text === '';
  if (pattern[0] === '*') return glob(pattern.slice(1), text) || (text !== '' && glob(pattern, text.slice(1)));
  if (text === '') return false;
  if (pattern[0] === '?' || pattern[0] === text[0]) return glob(pattern.slice(1), text.slice(1));
  return false;
}

const hasWildcard = (text: string): boolean => text.includes('*') || text.includes('?');

interface Pattern {
  readonly segments: readonly string[];
  readonly recursive: boolean;
}

/** A full path pattern, or undefined when the §4.2 rules reject it. */
function pathPattern(text: string, trailingStar: 'literal' | 'folder'): Pattern | undefined {
  const expanded = expand(text);
  if (expanded === undefined) return undefined;
  let wildcards = 0;
  for (const char of expanded) if (char === '*' || char === '?') wildcards++;
  if (wildcards > 6) return undefined;
  const segments = segmentsOf(expanded);
  const first = segments[0] ?? '';
  const drive = first.length === 2 && first[1] === ':' && first[0] !== undefined && first[0] >= 'A' && first[0] <= 'Z';
  if (!drive && !first.startsWith('\\\\')) return undefined;
  const last = segments[segments.length - 1] ?? '';
  if (trailingStar === 'folder' && last === '*' && segments.length > 1)
    return { segments: segments.slice(0, -1), recursive: true };
  return { segments, recursive: !hasWildcard(last) };
}

function patternMatches(pattern: Pattern, target: readonly string[]): boolean {
  const n = pattern.segments.length;
  if (pattern.recursive ? target.length < n : target.length !== n) return false;
  return pattern.segments.every((segment, i) => glob(segment, target[i] ?? ''));
}

type Proc = { image: string } | { pattern: Pattern };

function processPattern(text: string, trailingStar: 'literal' | 'folder'): Proc | undefined {
  const expanded = expand(text);
  if (expanded === undefined) return undefined;
  if (expanded.includes('\\') || expanded.includes('/')) {
    const pattern = pathPattern(text, trailingStar);
    return pattern === undefined ? undefined : { pattern };
  }
  return hasWildcard(expanded) ? undefined : { image: expanded.toUpperCase() };
}

function processMatches(proc: Proc, process: string): boolean {
  const segments = segmentsOf(process);
  return 'image' in proc ? segments[segments.length - 1] === proc.image : patternMatches(proc.pattern, segments);
}

interface Contextual {
  readonly pattern: Pattern;
  readonly never: boolean;
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly processes: readonly Proc[];
}

const ALLOWED: ReadonlyMap<string, readonly string[]> = new Map([
  ['PathType', ['file', 'folder']],
  ['ScanType', ['quick', 'full']],
  ['ScanTrigger', ['OnDemand', 'OnAccess', 'BM']],
]);

function olderThan(actual: Version | undefined, minimum: readonly number[]): boolean {
  if (actual === undefined) return false;
  for (let i = 0; i < 4; i++) {
    const a = actual.parts[i] ?? 0;
    const b = minimum[i] ?? 0;
    if (a !== b) return a < b;
  }
  return false;
}

/** A path entry with its restrictions, or undefined when invalid. */
function pathEntry(raw: string, options: ReferenceOptions): Contextual | undefined {
  const text = raw.trim();
  const trailingStar = options.trailingStar ?? 'literal';
  const at = text.indexOf(':{');
  if (at === -1) {
    const pattern = text === '' ? undefined : pathPattern(text, trailingStar);
    return pattern === undefined ? undefined : { pattern, never: false, values: new Map(), processes: [] };
  }
  if ((text[at - 1] !== '\\' && text[at - 1] !== '/') || !text.endsWith('}')) return undefined;
  const pattern = pathPattern(text.slice(0, at - 1), trailingStar);
  const body = text.slice(at + 2, -1);
  if (pattern === undefined || body.trim() === '') return undefined;
  const items: string[] = [''];
  let quoted = false;
  for (const char of body) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) items.push('');
    else items[items.length - 1] += char;
  }
  const values = new Map<string, string[]>();
  const processes: Proc[] = [];
  for (const item of items) {
    const colon = item.indexOf(':');
    const key = (colon === -1 ? item : item.slice(0, colon)).trim();
    const value = colon === -1 ? '' : item.slice(colon + 1).trim();
    if (key === 'Process') {
      if (value.length < 2 || value[0] !== '"' || value[value.length - 1] !== '"') return undefined;
      const proc = processPattern(value.slice(1, -1), trailingStar);
      if (proc === undefined) return undefined;
      processes.push(proc);
    } else if (ALLOWED.get(key)?.includes(value) === true) values.set(key, [...(values.get(key) ?? []), value]);
    else return undefined;
  }
  const repeated = [...values.values()].some((list) => list.some((value) => value !== list[0]));
  const tooOld = olderThan(options.platform, [4, 18, 2205, 7]) || olderThan(options.engine, [1, 1, 19300, 2]);
  return { pattern, never: repeated || tooOld, values, processes };
}

function restrictionsHold(entry: Contextual, target: ReferenceTarget, options: ReferenceOptions): boolean {
  if (entry.never) return false;
  const scan = target.trigger === 'scheduled-scan' || target.trigger === 'on-demand-scan';
  const trigger = entry.values.get('ScanTrigger')?.[0];
  if (trigger === 'OnAccess' && target.trigger !== 'on-access') return false;
  if (trigger === 'OnDemand' && !scan) return false;
  if (trigger === 'BM' && target.trigger !== 'behavior') return false;
  const scanType = entry.values.get('ScanType')?.[0];
  if (scanType !== undefined && !(scan && scanType === (target.scanType ?? 'full'))) return false;
  if (entry.values.get('PathType')?.[0] === 'folder' && target.isFolder !== true) return false;
  if (entry.processes.length === 0) return true;
  const process = target.process;
  if (process === undefined || process === '') return false;
  const results = entry.processes.map((proc) => processMatches(proc, process));
  return options.repeatedProcess === 'and' ? results.every(Boolean) : results.some(Boolean);
}

function extensionOf(raw: string): string | undefined {
  const text = raw.trim();
  const bare = (text.startsWith('.') ? text.slice(1) : text).toUpperCase();
  if (bare === '' || bare.startsWith('.') || bare.endsWith('.') || /[\\/:*?"<>|\s]/.test(bare)) return undefined;
  return bare;
}

function processEntry(raw: string, options: ReferenceOptions): Proc | undefined {
  const text = raw.trim();
  if (text === '' || text.includes(':{')) return undefined;
  return processPattern(text, options.trailingStar ?? 'literal');
}

/**
 * Whether the reference reads an entry as valid (it may still never apply).
 *
 * @example
 * referenceIsValid('processes', 'test*.exe'); // false (§4.4 #32)
 */
export function referenceIsValid(list: ReferenceHit['list'], text: string, options: ReferenceOptions = {}): boolean {
  if (list === 'paths') return pathEntry(text, options) !== undefined;
  if (list === 'extensions') return extensionOf(text) !== undefined;
  return processEntry(text, options) !== undefined;
}

/**
 * The first entry that excludes the target: processes (real-time only), then extensions, then paths,
 * each list in order; invalid entries never match.
 *
 * @example
 * referenceMatch({ paths: ['C:\\Tools'], extensions: [], processes: [] }, { path: 'c:\\tools\\a', trigger: 'on-access' });
 * // { list: 'paths', index: 0 }
 */
export function referenceMatch(
  lists: Partial<ExclusionLists>,
  target: ReferenceTarget,
  options: ReferenceOptions = {},
): ReferenceHit | undefined {
  const realTime = target.trigger === 'on-access' || target.trigger === 'behavior';
  const process = target.process;
  if (realTime && process !== undefined && process !== '') {
    const index = (lists.processes ?? []).findIndex((text) => {
      const proc = processEntry(text, options);
      return proc !== undefined && processMatches(proc, process);
    });
    if (index !== -1) return { list: 'processes', index };
  }
  const segments = segmentsOf(target.path);
  const name = segments[segments.length - 1] ?? '';
  const extension = (lists.extensions ?? []).findIndex((text) => {
    const ext = extensionOf(text);
    return ext !== undefined && name.endsWith(`.${ext}`);
  });
  if (extension !== -1) return { list: 'extensions', index: extension };
  const reparse = (options.reparsePoints ?? []).map(segmentsOf).filter((folder) => folder.length >= 2);
  const path = (lists.paths ?? []).findIndex((text) => {
    const entry = pathEntry(text, options);
    if (entry === undefined || !restrictionsHold(entry, target, options) || !patternMatches(entry.pattern, segments))
      return false;
    // #26: a reparse point below the entry's own depth is not covered.
    const depth = entry.pattern.segments.length;
    return !reparse.some(
      (folder) => folder.length > depth && folder.length <= segments.length && folder.every((part, i) => part === segments[i]),
    );
  });
  return path === -1 ? undefined : { list: 'paths', index: path };
}
