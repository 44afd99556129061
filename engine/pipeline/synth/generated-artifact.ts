/** A generated artifact that is its own matcher key: per-artifact fields and a shared catalog line; id, path joined when read. */
import type { Artifact, Signals } from '../../core/artifact.ts';
import type { AnswerCell, ArtifactKey, PathKey } from '../../core/artifact-key.ts';
import type { ArtifactClass, ArtifactKind, ScanType, Trigger } from '../../core/vocabulary.ts';
import { PLACE_OPENERS } from '../../core/artifact-key.ts';
import { factsScanType, factsSignals, factsTrigger } from './artifact-facts.ts';
import { CATALOG } from './compile-catalog.ts';
import type { SynthPlan } from './synth-plan.ts';

/** The interned folder of a line without a profile folder (its file's segments are the whole path): one shared array. */
const NO_FOLDER: readonly string[] = Object.freeze([]);
// Imported bindings copied to locals: under tsx each cross-module access is a getter call, on the hot path.
const profilePaths = CATALOG.profilePaths;
const profileSegments = CATALOG.profileSegments;
const openerPaths = CATALOG.openerPaths;
const openerKeys = CATALOG.openerKeys;
const signalsOf = factsSignals;
const triggerOf = factsTrigger;
const scanTypeOf = factsScanType;
/** `ArtifactKey.place` is `((slot + 1) × identities + identity) × PLACE_OPENERS + opener` (`makeArtifact`): the slot's radix. */
const SLOT_RADIX = CATALOG.identities * PLACE_OPENERS;

/**
 * What a catalog line (template and variant) fixes for every artifact drawn from it: one record per line, made on
 * first use and shared (at most `CATALOG.lines`), so an artifact holds a reference instead of eleven copies.
 * `name` is `file.name`; the hashes are the file identity's interned strings (one per identity, not per line). It is
 * also its artifacts' `ArtifactKey.cell`: the indicator memo's answer sits beside the hashes the decision reads.
 */
export interface GeneratedLine extends AnswerCell {
  readonly class: ArtifactClass;
  readonly kind: ArtifactKind;
  /** The file name (or absolute path) as the catalog wrote it. */
  readonly fileName: string;
  /** The file's split name (the catalog's interned key). */
  readonly file: PathKey;
  readonly name: string;
  readonly sha256: string;
  readonly sha1: string;
  readonly md5: string;
  readonly certificate: string | undefined;
  readonly threat: string | undefined;
  readonly technique: string | undefined;
}

/**
 * An artifact of the generator, and its own {@link ArtifactKey}: `key` is the artifact itself, so a counted
 * artifact is one allocation, not an artifact and a key (issue 13: GC was 7.5–8.5 % of P). It holds only what
 * varies per artifact (device, time, trigger, scan type, signals, opener, the profile slot) and a shared
 * {@link GeneratedLine}; class, kind, hashes, certificate, threat and technique are getters reading that line
 * (issue 13, seventh pass: 246 B per artifact, mostly copies of the line; then 160 B), and so are `name` and `file`
 * since the ninth pass: the exclusion matcher reads them only on a memo miss now (a getter measured L 1.07× when it
 * read them on every lookup).
 * The place (`ArtifactKey.place`) fixes the profile slot and the opener, so `folder`, `process` and `opener` are read
 * from the catalog through it (issue 13, ninth pass). Three strings are joined on every read and not kept, since a
 * counted run reads none of them and an explaining one reads each about once (a kept copy cost 8 B per artifact
 * each): `id` (`${idPrefix}${device}-${k}`), `path` (the profile folder's path and the file name) and `segments`
 * (the folder's segments then the file's). `toJSON` gives the plain artifact the generator made before, fields in
 * the same order, with a plain copy of the key. Do not spread it (a spread drops what lives on the prototype): see
 * `plainArtifact`.
 *
 * @example
 * const artifact = makeArtifact(plan, rng, 0, 0, 0, 1_000); // a GeneratedArtifact of plan.spec.devices[0], 'ws-01'
 * artifact.id;                 // 'gen-1-ws-01-0', joined now
 * artifact.key === artifact;   // true
 */
export class GeneratedArtifact implements Artifact, ArtifactKey {
  readonly at: number;
  readonly deviceIndex: number;
  /**
   * The key's `ArtifactKey.place`: from the catalog's profile slot, identity and opener numbers (`makeArtifact`), and
   * where this artifact's slot and opener are read from.
   */
  readonly place: number;
  /** The catalog line's shared record. */
  readonly #line: GeneratedLine;
  /** The run's plan: its id prefix and its devices' names. */
  readonly #plan: SynthPlan;
  /** The device's index in `plan.spec.devices`: its name is read only when asked (below). */
  readonly #device: number;
  readonly #k: number;
  /** Signals, trigger and scan type packed (`artifact-facts.ts`): one small integer, not three fields. */
  readonly #facts: number;

  /**
   * `plan.idPrefix`, the device's name and `k` make the id; the place's slot (a profile folder, or none) and the
   * line's file name the path and segments; `device` indexes `plan.spec.devices`.
   */
  constructor(
    plan: SynthPlan,
    k: number,
    line: GeneratedLine,
    device: number,
    at: number,
    facts: number,
    deviceIndex: number,
    place: number,
  ) {
    this.#plan = plan;
    this.#k = k;
    this.#line = line;
    this.#device = device;
    this.at = at;
    this.#facts = facts;
    this.deviceIndex = deviceIndex;
    this.place = place;
  }

  /**
   * The device's name, read from the plan when asked: a counting run never asks for a fleet device's (it has the
   * fleet index), and at 10^6 devices reading the name array at a random index was a cache miss per artifact
   * (issue 13, eighth pass).
   */
  get device(): string {
    return this.#plan.spec.devices[this.#device] ?? '';
  }

  get trigger(): Trigger {
    return triggerOf(this.#facts);
  }

  get scanType(): ScanType | undefined {
    return scanTypeOf(this.#facts);
  }

  /** One of eight shared, frozen objects. */
  get signals(): Signals {
    return signalsOf(this.#facts);
  }

  /** The key's last segment: the file name in lower case (the line's). */
  get name(): string {
    return this.#line.name;
  }

  /** The file's split name: the catalog's interned key (the line's). */
  get file(): PathKey {
    return this.#line.file;
  }

  get class(): ArtifactClass {
    return this.#line.class;
  }

  get kind(): ArtifactKind {
    return this.#line.kind;
  }

  get sha256(): string {
    return this.#line.sha256;
  }

  get sha1(): string {
    return this.#line.sha1;
  }

  get md5(): string {
    return this.#line.md5;
  }

  get certificate(): string | undefined {
    return this.#line.certificate;
  }

  get threat(): string | undefined {
    return this.#line.threat;
  }

  get technique(): string | undefined {
    return this.#line.technique;
  }

  get id(): string {
    return `${this.#plan.idPrefix}${this.device}-${this.#k}`;
  }

  get path(): string {
    const slot = slotOf(this.place);
    return slot < 0 ? this.#line.fileName : profilePaths[slot]! + this.#line.fileName;
  }

  /** The opener's path (`Artifact.process`): the catalog's, by the place's opener number; none for a scan (§4.4 #30). */
  get process(): string | undefined {
    return openerPaths[this.place % PLACE_OPENERS];
  }

  /** The key's opener: the split path of the process that opened the file, the catalog's shared key; none for a scan. */
  get opener(): PathKey | undefined {
    return openerKeys[this.place % PLACE_OPENERS];
  }

  /** The key's `ArtifactKey.cell`: the line's record, which the decision reads anyway (class, kind, hashes). */
  get cell(): AnswerCell {
    return this.#line;
  }

  /** The matchers' view of the artifact: the artifact itself (no second object). */
  get key(): ArtifactKey {
    return this;
  }

  /**
   * The key's interned parts (`ArtifactKey.folder`, `file`): the catalog's profile-folder segments (one shared
   * empty array for an absolute file path) and the file's split name. The exclusion memo keys on their identity.
   */
  get folder(): readonly string[] {
    const slot = slotOf(this.place);
    return slot < 0 ? NO_FOLDER : profileSegments[slot]!;
  }

  /** The path's lower-case segments: the folder's then the file's, joined on each read (a new array each time). */
  get segments(): readonly string[] {
    const slot = slotOf(this.place);
    if (slot < 0) return this.#line.file.segments;
    return joined(profileSegments[slot]!, this.#line.file.segments);
  }

  /** The plain artifact, fields in the order the generator always wrote them; `key` a plain copy of the key. */
  toJSON(): Artifact {
    return {
      id: this.id,
      device: this.device,
      at: this.at,
      class: this.class,
      kind: this.kind,
      path: this.path,
      sha256: this.sha256,
      sha1: this.sha1,
      md5: this.md5,
      certificate: this.certificate,
      process: this.process,
      trigger: this.trigger,
      scanType: this.scanType,
      threat: this.threat,
      technique: this.technique,
      signals: this.signals,
      key: {
        segments: this.segments,
        name: this.name,
        opener: this.opener,
        sha256: this.sha256,
        sha1: this.sha1,
        md5: this.md5,
        certificate: this.certificate,
      },
      deviceIndex: this.deviceIndex,
    };
  }
}

/** The profile slot a place was made from (index into `profilePaths` / `profileSegments`), or -1 for an absolute path. */
function slotOf(place: number): number {
  return Math.floor(place / SLOT_RADIX) - 1;
}

/** `folder.concat(file)` as a sized copy: `Array.prototype.concat`'s generic path cost ~300 ns here, the copy ~50 ns. */
function joined(folder: readonly string[], file: readonly string[]): string[] {
  const n = folder.length;
  const segments = new Array<string>(n + file.length);
  for (let i = 0; i < n; i++) segments[i] = folder[i]!;
  for (let i = 0; i < file.length; i++) segments[n + i] = file[i]!;
  return segments;
}

/**
 * The artifact with every field its own, safe to spread or copy: a generated one as its `toJSON`, any other as it is.
 *
 * @example
 * const copy = { ...plainArtifact(artifact), key: undefined }; // keeps id and path
 */
export function plainArtifact(artifact: Artifact): Artifact {
  return artifact instanceof GeneratedArtifact ? artifact.toJSON() : artifact;
}
