/** A generated artifact that is its own matcher key: one object per artifact, id, path and segments joined when read. */
import type { Artifact, Signals } from '../../core/artifact.ts';
import type { ArtifactKey, PathKey } from '../../core/artifact-key.ts';
import type { ArtifactClass, ArtifactKind, ScanType, Trigger } from '../../core/vocabulary.ts';

/** The interned folder of a line without a profile folder (its file's segments are the whole path): one shared array. */
const NO_FOLDER: readonly string[] = Object.freeze([]);

/**
 * An artifact of the generator, and its own {@link ArtifactKey}: `key` is the artifact itself, so a counted
 * artifact is one allocation, not an artifact and a key (issue 13: GC was 7.5–8.5 % of P). The key's fields
 * are its own: `name` (the lower-case file name), `opener` (the opener's split path, interned by the
 * catalog), the hashes and certificate (the same lower-case strings as the artifact's) and `segments`. Three
 * strings are joined on first read and kept, since a counted run reads none of them per artifact: `id`
 * (`${idPrefix}${device}-${k}`), `path` (the profile folder's path and the file name) and `segments` (the
 * folder's segments then the file's: a passive device looks up exclusions only for flagged artifacts).
 * `toJSON` gives the plain artifact the generator made before, fields in the same order, with a plain copy of
 * the key. Do not spread it (a spread drops `id` and `path`, which live on the prototype): see `plainArtifact`.
 *
 * @example
 * const artifact = makeArtifact(plan, rng, 'ws-01', 0, 0, 1_000); // a GeneratedArtifact
 * artifact.id;                 // 'gen-1-ws-01-0', joined now
 * artifact.key === artifact;   // true
 */
export class GeneratedArtifact implements Artifact, ArtifactKey {
  readonly device: string;
  readonly at: number;
  readonly class: ArtifactClass;
  readonly kind: ArtifactKind;
  readonly sha256: string;
  readonly sha1: string;
  readonly md5: string;
  readonly certificate: string | undefined;
  readonly process: string | undefined;
  readonly trigger: Trigger;
  readonly scanType: ScanType | undefined;
  readonly threat: string | undefined;
  readonly technique: string | undefined;
  readonly signals: Signals;
  readonly deviceIndex: number;
  /** The key's last segment: the file name in lower case. */
  readonly name: string;
  /** The key's opener: the split path of the process that opened the file; none for a scan (§4.4 #30). */
  readonly opener: PathKey | undefined;
  /** The key's `ArtifactKey.place`: from the catalog's slot, identity and opener numbers (`makeArtifact`). */
  readonly place: number;
  readonly #idPrefix: string;
  readonly #k: number;
  readonly #folder: string;
  readonly #fileName: string;
  /** The profile folder's segments (the catalog's interned array), or undefined for an absolute file path. */
  readonly #folderSegments: readonly string[] | undefined;
  /** The file's split name (the catalog's interned key). */
  readonly #file: PathKey;
  #id: string | undefined = undefined;
  #path: string | undefined = undefined;
  #segments: readonly string[] | undefined = undefined;

  /**
   * `idPrefix` and `k` make the id; `folder` (a profile folder's path, or '') and `fileName` the path;
   * `folderSegments` (undefined with no folder) and `file` the key's segments.
   */
  constructor(
    idPrefix: string,
    k: number,
    folder: string,
    fileName: string,
    folderSegments: readonly string[] | undefined,
    file: PathKey,
    device: string,
    at: number,
    cls: ArtifactClass,
    kind: ArtifactKind,
    hashes: { readonly sha256: string; readonly sha1: string; readonly md5: string },
    certificate: string | undefined,
    process: string | undefined,
    opener: PathKey | undefined,
    trigger: Trigger,
    scanType: ScanType | undefined,
    threat: string | undefined,
    technique: string | undefined,
    signals: Signals,
    deviceIndex: number,
    place: number,
  ) {
    this.#idPrefix = idPrefix;
    this.#k = k;
    this.#folder = folder;
    this.#fileName = fileName;
    this.#folderSegments = folderSegments;
    this.#file = file;
    this.device = device;
    this.at = at;
    this.class = cls;
    this.kind = kind;
    this.sha256 = hashes.sha256;
    this.sha1 = hashes.sha1;
    this.md5 = hashes.md5;
    this.certificate = certificate;
    this.process = process;
    this.trigger = trigger;
    this.scanType = scanType;
    this.threat = threat;
    this.technique = technique;
    this.signals = signals;
    this.deviceIndex = deviceIndex;
    this.name = file.name;
    this.opener = opener;
    this.place = place;
  }

  get id(): string {
    return (this.#id ??= `${this.#idPrefix}${this.device}-${this.#k}`);
  }

  get path(): string {
    return (this.#path ??= this.#folder + this.#fileName);
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
    return this.#folderSegments ?? NO_FOLDER;
  }

  get file(): PathKey {
    return this.#file;
  }

  /** The path's lower-case segments: the folder's then the file's, joined on first read. */
  get segments(): readonly string[] {
    const folder = this.#folderSegments;
    if (folder === undefined) return this.#file.segments;
    return (this.#segments ??= joined(folder, this.#file.segments));
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
