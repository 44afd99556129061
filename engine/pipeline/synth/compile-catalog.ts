/** Turns the catalog's compact lines into lookup tables, once at load: per-artifact work is then indexing only. */
import { PLACE_OPENERS, type PathKey } from '../../core/artifact-key.ts';
import { isCanonicalPath } from '../../core/canonical-path.ts';
import { pathKey } from '../../policy/artifact-key.ts';
import { hashString, Rng } from '../../core/random.ts';
import type { ArtifactKind } from '../../core/vocabulary.ts';
import * as catalog from './catalog.ts';
import { PROCESS_IMAGES, PROFILE_FOLDERS, SERVER_USERS, SIGNERS, WORKSTATION_USERS } from './catalog-places.ts';
import { mix32 } from './hash-tape.ts';

/** The files one catalog path stands for: identities `first … first + variants - 1`, names cached per variant. */
export interface FileGroup {
  readonly first: number;
  readonly variants: number;
  /** `#`/`$` expanded per variant on first use; for profile paths, the part after the profile folder. */
  readonly names: (string | undefined)[];
}

/** One compiled catalog line. */
export interface Template {
  readonly kind: ArtifactKind;
  /** Index into PROFILE_FOLDERS, or -1 for an absolute path. */
  readonly folder: number;
  readonly head: string;
  readonly mark: '' | '#' | '$';
  readonly tail: string;
  readonly group: FileGroup;
  readonly openers: readonly string[];
  /** Each opener split as the exclusion matcher reads it, by the same index (issue 13 #1: once, here). */
  readonly openerKeys: readonly PathKey[];
  /** Each opener's catalog-global number + 1 (equal path, equal number), by the same index: `ArtifactKey.place`'s low part. */
  readonly openerPlaces: readonly number[];
  /** Picked by `variant % length`; `undefined` for benign lines. */
  readonly threats: readonly (string | undefined)[];
  readonly technique: string | undefined;
  readonly certificate: string | undefined;
  /** The dense index of this line's first variant: lines `line … line + group.variants - 1` (one record each). */
  readonly line: number;
}

/** Templates per `class * 3 + kind` (classes malicious, pua, benign; kinds file, process, behavior). */
export type TemplateTable = readonly (readonly Template[])[];

export interface CompiledCatalog {
  readonly workstation: TemplateTable;
  readonly server: TemplateTable;
  /** `C:\Users\<user>\<folder>\` per `user * PROFILE_FOLDERS.length + folder`; workstation users first. */
  readonly profilePaths: readonly string[];
  /** The same folders split as the exclusion matcher reads them (lower case, no trailing empty segment). */
  readonly profileSegments: readonly (readonly string[])[];
  readonly workstationUsers: number;
  readonly serverUsers: number;
  /** Distinct file identities used; must stay ≤ IDENTITY_CAPACITY (a test pins it). */
  readonly identities: number;
  /** Distinct opener paths over both tables; below `PLACE_OPENERS` (checked here). */
  readonly openers: number;
  /**
   * Each distinct opener's path by its global number (`Template.openerPlaces`; index 0, no opener, is `undefined`), and
   * its split key: the same `PathKey` objects as the templates' `openerKeys`. A generated artifact reads its `process`
   * and `opener` here from its place's low part instead of holding them (issue 13, ninth pass: 16 B per artifact).
   */
  readonly openerPaths: readonly (string | undefined)[];
  readonly openerKeys: readonly (PathKey | undefined)[];
  /** Distinct (template, variant) lines of both tables: the bound of the generator's per-line records. */
  readonly lines: number;
}

const KINDS: readonly ArtifactKind[] = ['file', 'process', 'behavior'];
const LINES: readonly (readonly string[])[] = [
  catalog.MALICIOUS_FILES,
  catalog.MALICIOUS_PROCESSES,
  catalog.MALICIOUS_BEHAVIORS,
  catalog.PUA_FILES,
  catalog.PUA_PROCESSES,
  [],
  catalog.BENIGN_FILES,
  catalog.BENIGN_PROCESSES,
  catalog.BENIGN_BEHAVIORS,
];

const keyed = (entries: readonly string[]): Map<string, string> =>
  new Map(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));

/** Builds the tables; pure and deterministic (thumbprints come from each signer's name). */
export function compileCatalog(): CompiledCatalog {
  const folders = keyed(PROFILE_FOLDERS);
  const folderKeys = [...folders.keys()];
  const images = keyed(PROCESS_IMAGES);
  const thumbprints = new Map(SIGNERS.map((signer) => [signer, Rng.from(hashString(signer)).hex(40)]));
  const groups = new Map<string, FileGroup>();
  let identities = 0;
  const openerNumbers = new Map<string, number>();
  const openerPaths: (string | undefined)[] = [undefined];
  const openerKeys: (PathKey | undefined)[] = [undefined];
  const openerPlace = (opener: string): number => {
    let known = openerNumbers.get(opener);
    if (known === undefined) {
      openerNumbers.set(opener, (known = openerNumbers.size + 1));
      openerPaths.push(opener);
      openerKeys.push(pathKey(opener));
    }
    return known;
  };
  let lines = 0;

  const compile = (line: string, kind: ArtifactKind): Template => {
    const [, path = '', variantText = '1', openerText = '', threat = '', technique = '', signer = ''] = line.split('|');
    const variants = Number(variantText);
    let group = groups.get(path);
    if (group === undefined) {
      // Same path, same files: powershell.exe keeps its hashes whatever it is doing (benign or a §3.1 behaviour).
      // Sized up front: an empty array filled at scattered variants becomes a hash table (issue 13).
      group = { first: identities, variants, names: new Array<string | undefined>(variants) };
      groups.set(path, group);
      identities += variants;
    }
    const folderMatch = /^~(\w+)\\/.exec(path);
    const folder = folderMatch ? folderKeys.indexOf(folderMatch[1] ?? '') : -1;
    const relative = folderMatch ? path.slice(folderMatch[0].length) : path;
    const markAt = relative.search(/[#$]/);
    const behaviour = kind === 'behavior' && threat !== '';
    const openers = openerText.split(',').map((key) => images.get(key) ?? key);
    return {
      kind,
      folder,
      head: markAt < 0 ? relative : relative.slice(0, markAt),
      mark: markAt < 0 ? '' : (relative[markAt] as '#' | '$'),
      tail: markAt < 0 ? '' : relative.slice(markAt + 1),
      group,
      openers,
      // One key per distinct opener path, shared by every template that opens files with it.
      openerKeys: openers.map((opener) => openerKeys[openerPlace(opener)]!),
      openerPlaces: openers.map(openerPlace),
      // §3.1: behaviour detections are named Behavior:Win32/<Tactic>.*!ml.
      threats: behaviour
        ? ['A', 'B', 'C', 'D'].map((letter) => `Behavior:Win32/${threat}.${letter}!ml`)
        : [threat === '' ? undefined : threat],
      technique: technique === '' ? undefined : technique,
      certificate: signer === '' ? undefined : thumbprints.get(signer),
      line: (lines += variants) - variants,
    };
  };

  const table = (profile: 'w' | 's'): Template[][] =>
    LINES.map((lines, index) =>
      lines
        .filter((line) => line[0] === 'a' || line[0] === profile)
        .map((line) => compile(line, KINDS[index % 3] as ArtifactKind)),
    );
  const workstation = table('w');
  const server = table('s');
  const users = [...WORKSTATION_USERS, ...SERVER_USERS];
  const profilePaths = users.flatMap((user) => [...folders.values()].map((folder) => `C:\\Users\\${user}\\${folder}\\`));
  assertCanonical([...workstation.flat(), ...server.flat()], profilePaths);
  if (openerNumbers.size >= PLACE_OPENERS)
    throw new Error(`catalog has ${openerNumbers.size} openers, ArtifactKey.place fits ${PLACE_OPENERS - 1}`);
  return {
    workstation,
    server,
    profilePaths,
    profileSegments: profilePaths.map((path) => pathKey(path).segments),
    workstationUsers: WORKSTATION_USERS.length,
    serverUsers: SERVER_USERS.length,
    identities,
    openers: openerNumbers.size,
    openerPaths,
    openerKeys,
    lines,
  };
}

/**
 * Contract §5.1: generated artifacts must already be what Windows hands Defender, so the generator never
 * canonicalises per artifact (the hot path). Checked once here; `#`/`$` become digits, which keep a path
 * canonical, so a `0` stands in for them.
 */
function assertCanonical(templates: readonly Template[], profilePaths: readonly string[]): void {
  const paths = [
    ...profilePaths,
    ...templates.flatMap((t) => [`${t.folder < 0 ? '' : (profilePaths[t.folder] ?? '')}${t.head}0${t.tail}`, ...t.openers]),
  ];
  const bad = paths.find((path) => !isCanonicalPath(path));
  if (bad !== undefined) throw new Error(`catalog path ${bad} is not canonical (contract §5.1)`);
}

/**
 * The file name (or absolute path) of `variant` of a template, built once and cached: `#` becomes a
 * 5-digit number and `$` 8 hex digits, both fixed by the file identity.
 *
 * @example
 * variantName(invoiceTemplate, 3); // 'Invoice_48213.exe'
 */
export function variantName(template: Template, variant: number): string {
  const names = template.group.names;
  const cached = names[variant];
  if (cached !== undefined) return cached;
  const h = mix32(template.group.first + variant);
  const middle =
    template.mark === ''
      ? ''
      : template.mark === '#'
        ? String(10000 + (h % 90000))
        : h.toString(16).toUpperCase().padStart(8, '0');
  const name = template.head + middle + template.tail;
  names[variant] = name;
  return name;
}

/**
 * The key of `variant`'s file name (or absolute path), split once per file identity and cached like its
 * name: a profile path's key is its folder's segments followed by these.
 *
 * @example
 * variantKey(invoiceTemplate, 3).name; // 'invoice_48213.exe'
 */
export function variantKey(template: Template, variant: number): PathKey {
  const identity = template.group.first + variant;
  return (nameKeys[identity] ??= pathKey(variantName(template, variant)));
}

/** The compiled catalog, shared by every generator. */
export const CATALOG: CompiledCatalog = compileCatalog();

// One slot per identity, sized up front so the array stays a flat array when filled at scattered identities.
const nameKeys = new Array<PathKey | undefined>(CATALOG.identities);
