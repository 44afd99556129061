/** Random exclusion lists and targets near them, shared by the matcher agreement laws (reference matcher, memo). */
import fc from 'fast-check';
import { canonicalPath } from '../../../engine/core/canonical-path.ts';
import type { ExclusionLists } from '../../../engine/core/config.ts';
import { version } from '../../../engine/core/version.ts';
import type { ExclusionOptions } from '../../../engine/policy/exclusions/index.ts';
import type { ReferenceOptions } from './reference-matcher.ts';

export type Gen = fc.GeneratorValue;
export const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })] as T;
export const int = (g: Gen, min: number, max: number): number => g(fc.integer, { min, max });

const NAMES = [
  'a',
  'b',
  'ab',
  'aab',
  'data',
  'Data',
  'sample',
  'sample2',
  'x.txt',
  'x.log.txt',
  'v1',
  'test01',
  'program files',
  'a.b.c',
  'my1.zip',
];
/** Pattern roots and the concrete roots a target may use for them. */
const ROOTS: readonly (readonly [string, readonly string[]])[] = [
  ['C:', ['C:', 'c:']],
  ['d:', ['D:']],
  ['\\\\srv\\share', ['\\\\SRV\\share', '\\\\srv2\\share']],
  ['%SystemDrive%', ['c:']],
  ['%ProgramFiles%', ['C:\\Program Files', 'c:\\PROGRAM FILES']],
  ['%programdata%', ['C:\\ProgramData']],
  ['%USERPROFILE%', ['C:\\Users\\alice', 'C:\\Windows\\system32\\config\\systemprofile']],
  ['%NOTAVAR%', ['C:']],
  ['*:', ['C:']],
];
export const RESTRICTIONS = [
  'PathType:file',
  'PathType:folder',
  'ScanType:quick',
  'ScanType:full',
  'ScanTrigger:OnAccess',
  'ScanTrigger:OnDemand',
  'ScanTrigger:BM',
  'Process:"a.exe"',
  'Process:"C:\\Tools\\*.exe"',
  'pathtype:file',
];
const EXTENSIONS = ['log', '.log', 'txt', '.TXT', 'b.c', 'zip', '*.log', 'c'];
export const PROCESSES = [
  'a.exe',
  'A.EXE',
  'C:\\Tools\\*.exe',
  'c:\\tools\\a.exe',
  '%ProgramFiles%\\App\\*',
  'a*.exe',
  'C:\\Tools',
  'C:\\Tools\\?.exe',
];
/** Opening processes a target may name, near the process entries above. */
export const OPENERS = ['C:\\Tools\\a.exe', 'd:\\x\\A.exe', 'C:\\Program Files\\App\\b.exe', 'C:\\Tools\\ab.exe'];

function variant(g: Gen, text: string): string {
  const mode = int(g, 0, 2);
  return mode === 0 ? text : mode === 1 ? text.toUpperCase() : text.toLowerCase();
}

/** Puts up to three wildcards into a name. */
function globify(g: Gen, name: string): string {
  let out = name;
  for (let i = int(g, 0, 3); i > 0; i--) {
    const at = int(g, 0, out.length);
    out =
      pick(g, ['*', '?']) === '?' && at < out.length
        ? `${out.slice(0, at)}?${out.slice(at + 1)}`
        : `${out.slice(0, at)}*${out.slice(at)}`;
  }
  return out;
}

/** A concrete name a glob segment could (or nearly could) match. */
function instantiate(g: Gen, segment: string): string {
  let out = '';
  for (const char of segment)
    out += char === '*' ? pick(g, ['', 'a', 'b', 'ab', '.t']) : char === '?' ? pick(g, ['a', 'b', '1', '.']) : char;
  // Segment edges: sometimes one character longer than the pattern asks for (§4.4 #3).
  return int(g, 0, 5) === 0 ? `${out}${pick(g, ['2', 'a'])}` : variant(g, out);
}

export interface Generated {
  readonly root: readonly [string, readonly string[]];
  readonly segments: readonly string[];
  readonly text: string;
}

export function pathEntry(g: Gen): Generated {
  const root = pick(g, ROOTS);
  const segments = Array.from({ length: int(g, 0, 4) }, () =>
    int(g, 0, 2) === 0 ? globify(g, pick(g, NAMES)) : variant(g, pick(g, NAMES)),
  );
  let text = root[0];
  for (const segment of segments) text += `${pick(g, ['\\', '\\', '/', '\\\\'])}${segment}`;
  if (int(g, 0, 3) === 0) text += '\\';
  if (int(g, 0, 3) === 0) {
    const items = Array.from({ length: int(g, 1, 2) }, () => pick(g, RESTRICTIONS));
    text += `${text.endsWith('\\') ? '' : '\\'}:{${items.join(',')}}`;
  }
  return { root, segments, text };
}

export function targetFor(g: Gen, from: Generated | undefined): string {
  if (from === undefined || int(g, 0, 5) === 0) {
    return [pick(g, ['C:', 'D:', 'c:\\program files']), ...Array.from({ length: int(g, 0, 4) }, () => pick(g, NAMES))].join('\\');
  }
  const kept = from.segments.slice(0, int(g, Math.max(0, from.segments.length - 1), from.segments.length));
  const extra = Array.from({ length: int(g, 0, 2) }, () => pick(g, NAMES));
  return [pick(g, from.root[1]), ...kept.map((segment) => instantiate(g, segment)), ...extra].join(pick(g, ['\\', '\\', '/']));
}

/** Contract §5.1: matchers see canonical paths only; spell the target as a scenario might, then canonicalise it. */
export function canonicalTarget(g: Gen, path: string): string {
  if (int(g, 0, 2) !== 0) return canonicalPath(path);
  const segments = path.split('\\');
  const at = int(g, 1, segments.length);
  const noise = pick(g, ['.', 'zz\\..', 'zz\\x.\\..\\..', '..\\..\\..']);
  const spelled = [...segments.slice(0, at), noise, ...segments.slice(at)].join('\\') + pick(g, ['', '.', ' ', '. ']);
  return canonicalPath(spelled);
}

/** A random policy as the agreement laws use it: lists, conflict settings, maybe an old platform and reparse points. */
export interface RandomPolicy {
  readonly generated: readonly Generated[];
  readonly lists: ExclusionLists;
  readonly options: ExclusionOptions;
  readonly reference: ReferenceOptions;
  /** Four canonical target paths near one of the path entries (or anywhere when there is none). */
  readonly targets: readonly string[];
}

/**
 * Up to five path entries (wildcards, restrictions), two extensions (compound ones too), two process entries, both
 * conflict settings, one time in five a platform too old for contextual entries (they compile inactive), one time in
 * four a reparse point on the first target's path.
 */
export function randomPolicy(g: Gen): RandomPolicy {
  const generated = Array.from({ length: int(g, 0, 5) }, () => pathEntry(g));
  const lists: ExclusionLists = {
    paths: generated.map((entry) => entry.text),
    extensions: Array.from({ length: int(g, 0, 2) }, () => pick(g, EXTENSIONS)),
    processes: Array.from({ length: int(g, 0, 2) }, () => pick(g, PROCESSES)),
  };
  const trailingStar = pick(g, ['literal', 'folder'] as const);
  const repeatedProcess = pick(g, ['or', 'and'] as const);
  const platform = int(g, 0, 4) === 0 ? version('4.18.2204.1') : undefined;
  const anchor = generated.length === 0 ? undefined : pick(g, generated);
  const targets = Array.from({ length: 4 }, () => canonicalTarget(g, targetFor(g, anchor)));
  const reparsePoints = int(g, 0, 3) === 0 ? [targets[0]?.split('\\').slice(0, 3).join('\\') ?? 'C:\\a'] : [];
  const options: ExclusionOptions = {
    conflicts: { trailingStar, repeatedProcess },
    reparsePoints,
    ...(platform === undefined ? {} : { platform }),
  };
  const reference: ReferenceOptions = {
    trailingStar,
    repeatedProcess,
    reparsePoints,
    ...(platform === undefined ? {} : { platform }),
  };
  return { generated, lists, options, reference, targets };
}
