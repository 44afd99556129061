// The exclusion memo never changes an answer: memoised lookups of placed targets equal unmemoised ones and the reference (issue 13).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLACE_OPENERS, type ArtifactKey, type PathKey } from '../../../engine/core/artifact-key.ts';
import { TRIGGERS, type ScanType, type Trigger } from '../../../engine/core/vocabulary.ts';
import { pathKey } from '../../../engine/policy/artifact-key.ts';
import { ExclusionMemo } from '../../../engine/policy/exclusions/exclusion-memo.ts';
import {
  compileExclusions,
  parseExclusions,
  pathSegments,
  type ExclusionMatch,
  type ExclusionTarget,
} from '../../../engine/policy/exclusions/index.ts';
import { int, OPENERS, pick, randomPolicy, RESTRICTIONS, type Gen } from './exclusion-arbitraries.ts';
import { referenceMatch } from './reference-matcher.ts';

/**
 * A target's path as the generator's catalog holds it: an interned folder and file, and the path's number, the part
 * of `ArtifactKey.place` above the opener's (equal number, equal segments and name; not the other way round).
 */
interface Place {
  readonly folder: readonly string[];
  readonly file: PathKey;
  readonly number: number;
}

/** Interns arrays and keys by content, as the catalog does: equal content, same object; numbers paths by content. */
class Interner {
  private readonly folders = new Map<string, readonly string[]>();
  private readonly files = new Map<string, PathKey>();
  private readonly numbers = new Map<string, number>();
  /** Numbers given so far: a fresh one for an alias (equal content, another place, as the contract allows). */
  private count = 0;
  number(folder: readonly string[], file: PathKey, alias: boolean): number {
    const text = [...folder, ...file.segments].join('\\');
    if (alias) return this.count++;
    let known = this.numbers.get(text);
    if (known === undefined) this.numbers.set(text, (known = this.count++));
    return known;
  }
  folder(segments: readonly string[]): readonly string[] {
    const text = segments.join('\\');
    const known = this.folders.get(text);
    if (known !== undefined) return known;
    this.folders.set(text, segments);
    return segments;
  }
  file(segments: readonly string[]): PathKey {
    const text = segments.join('\\');
    let known = this.files.get(text);
    if (known === undefined) this.files.set(text, (known = { segments, name: segments[segments.length - 1] ?? '' }));
    return known;
  }
}

/**
 * Places from canonical paths: each split at a random depth (a file under no folder, as the catalog's folder-less
 * lines are, when it splits at 0), then every folder crossed with every file split below a root, kept when the
 * joined path splits back into the same segments.
 */
function places(g: Gen, paths: readonly string[], interner: Interner): Place[] {
  const out: Place[] = [];
  const folders: (readonly string[])[] = [];
  const tails: PathKey[] = [];
  for (const path of paths) {
    const segments = pathSegments(path);
    const at = int(g, 0, segments.length - 1);
    const folder = interner.folder(segments.slice(0, at));
    const file = interner.file(segments.slice(at));
    const place = { folder, file, number: interner.number(folder, file, false) };
    out.push(place);
    // Now and then a second place for the same content: the memo keeps them apart, and each answers alike.
    if (int(g, 0, 3) === 0) out.push({ folder, file, number: interner.number(folder, file, true) });
    if (at > 0) {
      folders.push(place.folder);
      tails.push(place.file);
    }
  }
  for (const folder of folders)
    for (const file of tails) out.push({ folder, file, number: interner.number(folder, file, int(g, 0, 7) === 0) });
  // A key must be its path's (ExclusionTarget.key): drop a crossing the path reads otherwise, e.g. an empty root
  // segment before a UNC host, which `pathSegments` reads as the host itself.
  return out.filter((place) => {
    const segments = [...place.folder, ...place.file.segments];
    return pathSegments(segments.join('\\')).join('\n') === segments.join('\n');
  });
}

/**
 * What one lookup varies: where, which opener (or none) under which of its two numbers, trigger, scan type, folder
 * or not (raw values, unset too).
 */
interface Choice {
  place: number;
  opener: number;
  alias: boolean;
  trigger: Trigger;
  scanType: ScanType | undefined;
  isFolder: boolean | undefined;
}

const SCAN_TYPES = [undefined, 'quick', 'full'] as const;
const IS_FOLDER = [undefined, false, true] as const;

function change(g: Gen, choice: Choice, placeCount: number): void {
  const field = int(g, 0, 5);
  if (field === 0 || field === 5) choice.place = int(g, 0, placeCount - 1);
  if (field === 1 || field === 5) {
    choice.opener = int(g, -1, OPENERS.length - 1);
    choice.alias = int(g, 0, 1) === 0;
  }
  if (field === 2 || field === 5) choice.trigger = pick(g, TRIGGERS);
  if (field === 3 || field === 5) choice.scanType = pick(g, SCAN_TYPES);
  if (field === 4 || field === 5) choice.isFolder = pick(g, IS_FOLDER);
}

const NO_HASHES = { sha256: undefined, sha1: undefined, md5: undefined, certificate: undefined };

/** Opener `i`'s part of a place: `i + 1`, or `i + 1 + OPENERS.length` for its second number; 0 for none. */
const openerPart = (choice: Choice): number => (choice.opener < 0 ? 0 : choice.opener + 1 + (choice.alias ? OPENERS.length : 0));

function keyOf(place: Place, process: PathKey | undefined, opener: number): ArtifactKey {
  const segments = [...place.folder, ...place.file.segments];
  const placed = place.number * PLACE_OPENERS + opener;
  return {
    segments,
    name: place.file.name,
    opener: process,
    ...NO_HASHES,
    folder: place.folder,
    file: place.file,
    place: placed,
  };
}

// PathType:folder and ScanType are the restrictions that read isFolder and scanType: weighted up so a law run meets them.
const WEIGHTED_RESTRICTIONS = [...RESTRICTIONS, 'PathType:folder', 'PathType:folder', 'ScanType:quick', 'ScanType:full'];

/** A path entry on a folder of one of the places (or its whole path) with one or two restrictions (§4.4 #40–45). */
function restricted(g: Gen, pool: readonly Place[]): string {
  const place = pick(g, pool);
  const segments = [...place.folder, ...place.file.segments];
  const folder = segments.slice(0, int(g, 1, segments.length)).join('\\');
  const items = Array.from({ length: int(g, 1, 2) }, () => pick(g, WEIGHTED_RESTRICTIONS));
  return `${folder}\\:{${items.join(',')}}`;
}

const hitOf = (match: ExclusionMatch | undefined) =>
  match === undefined ? undefined : { list: match.entry.list, index: match.entry.index };

describe('ExclusionMemo', () => {
  it('should answer interned targets, looked up in random order and again, as an unmemoised lookup and the reference do', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const policy = randomPolicy(g);
        const { options, reference, targets } = policy;
        const pool = places(g, targets, new Interner());
        fc.pre(pool.length > 0);
        // Plus, half the time, a contextual entry on a folder of the places, so restrictions meet them often.
        const lists =
          int(g, 0, 1) === 0 ? policy.lists : { ...policy.lists, paths: [...policy.lists.paths, restricted(g, pool)] };
        const matcher = compileExclusions(parseExclusions(lists, options).entries, options);
        const openers = OPENERS.map((opener) => pathKey(opener));
        const choice: Choice = {
          place: 0,
          opener: -1,
          alias: false,
          trigger: 'on-access',
          scanType: undefined,
          isFolder: undefined,
        };
        for (let step = 0; step < 40; step++) {
          // One field at a time: lookups that differ in a single key part meet in the memo.
          change(g, choice, pool.length);
          const place = pool[choice.place] as Place;
          const key = keyOf(place, choice.opener < 0 ? undefined : openers[choice.opener], openerPart(choice));
          const target: ExclusionTarget = {
            path: key.segments.join('\\'),
            trigger: choice.trigger,
            ...(choice.opener < 0 ? {} : { process: OPENERS[choice.opener] }),
            ...(choice.scanType === undefined ? {} : { scanType: choice.scanType }),
            ...(choice.isFolder === undefined ? {} : { isFolder: choice.isFolder }),
            key,
          };
          const memoised = matcher.match(target);
          // The same matcher without a place takes the unmemoised path: the very same answer object.
          const fresh = matcher.match({ ...target, key: { ...key, place: undefined } });
          expect({ lists, target: { ...target, key: undefined }, memoised: hitOf(memoised) }).toEqual({
            lists,
            target: { ...target, key: undefined },
            memoised: hitOf(fresh),
          });
          expect(memoised).toBe(fresh);
          expect(hitOf(memoised)).toEqual(referenceMatch(lists, target, reference));
          // explain's entry-by-entry check walks the same split path.
          expect(matcher.decide(target).find((decision) => decision.verdict === 'match')?.entry).toBe(memoised?.entry);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('should never read the joined segments of a key with interned parts (it walks folder and file)', () => {
    const matcher = compileExclusions(parseExclusions({ paths: ['C:\\Tools\\'], extensions: [], processes: [] }).entries);
    const folder = ['c:', 'tools'];
    const file = pathKey('a.exe');
    let reads = 0;
    const key: ArtifactKey = {
      get segments() {
        reads++;
        return [...folder, ...file.segments];
      },
      name: 'a.exe',
      opener: undefined,
      ...NO_HASHES,
      folder,
      file,
    };
    const target: ExclusionTarget = { path: 'C:\\Tools\\a.exe', trigger: 'on-access', key };
    expect(matcher.match(target)?.entry.index).toBe(0);
    expect(matcher.match({ ...target, key })?.entry.index).toBe(0);
    expect(reads).toBe(0);
  });

  it('should hold at most its limit of answers, and keep answering past it by computing', () => {
    let computed = 0;
    const memo = new ExclusionMemo((target) => {
      computed++;
      return target.path === 'hit' ? ({} as ExclusionMatch) : undefined;
    }, 3);
    const lookUp = (i: number) => memo.match({ path: i === 4 ? 'hit' : 'miss', trigger: 'on-access' }, i * PLACE_OPENERS);
    for (let round = 0; round < 2; round++) for (let i = 0; i < 5; i++) lookUp(i);
    expect(memo.size).toBe(3);
    // Three remembered once each; the two past the limit computed on every lookup.
    expect(computed).toBe(3 + 2 * 2);
    expect(lookUp(4)).toBeDefined();
    expect(lookUp(3)).toBeUndefined();
  });

  it('should keep every answer apart while its table grows, and give each back (places near 2^31, every code)', () => {
    const answers = new Map<string, ExclusionMatch>();
    let computed = 0;
    const memo = new ExclusionMemo((target) => {
      computed++;
      const text = `${target.path}|${target.trigger}|${target.scanType}|${target.isFolder}`;
      if (!answers.has(text)) answers.set(text, {} as ExclusionMatch);
      return answers.get(text);
    });
    const targets: [ExclusionTarget, number][] = [];
    for (let i = 0; i < 100; i++)
      for (const trigger of TRIGGERS)
        for (const scanType of SCAN_TYPES)
          for (const isFolder of IS_FOLDER) {
            const place = (2 ** 31 - 1 - i * 7919) * PLACE_OPENERS;
            const path = String(place);
            const target: ExclusionTarget = {
              path,
              trigger,
              ...(scanType === undefined ? {} : { scanType }),
              ...(isFolder === undefined ? {} : { isFolder }),
            };
            targets.push([target, place]);
          }
    let wrong = 0;
    for (let round = 0; round < 2; round++)
      for (const [target, place] of targets)
        if (memo.match(target, place) !== answers.get(`${target.path}|${target.trigger}|${target.scanType}|${target.isFolder}`))
          wrong++;
    expect(wrong).toBe(0);
    expect(answers.size).toBe(targets.length);
    expect(memo.size).toBe(targets.length);
    expect(computed).toBe(targets.length);
  });

  it('should never remember a target whose trigger, scan type or folder flag is outside the vocabulary', () => {
    let computed = 0;
    const memo = new ExclusionMemo(() => {
      computed++;
      return undefined;
    });
    const odd = [
      { path: 'a', trigger: 'boot' as Trigger },
      { path: 'a', trigger: 'on-access' as const, scanType: 'custom' as ScanType },
      { path: 'a', trigger: 'on-access' as const, isFolder: 1 as unknown as boolean },
    ];
    for (let round = 0; round < 2; round++) for (const target of odd) memo.match(target, 0);
    expect(memo.size).toBe(0);
    expect(computed).toBe(6);
  });
});
