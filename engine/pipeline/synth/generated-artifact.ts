/** A generated artifact whose id and path strings are joined only when read: counting reads neither. */
import type { Artifact, Signals } from '../../core/artifact.ts';
import type { ArtifactKey } from '../../core/artifact-key.ts';
import type { ArtifactClass, ArtifactKind, ScanType, Trigger } from '../../core/vocabulary.ts';

/**
 * An artifact of the generator. `id` (`${idPrefix}${device}-${k}`) and `path` (the profile folder's path and
 * the file name) are joined on first read and kept: a counted run decides from `key`, so it never builds
 * them, nor reads the device name's characters, per artifact (issue 13: a string per artifact, and a
 * per-device string read at random at 10^6 devices). Reads see the same values as the plain object the
 * generator made before; `toJSON` gives its fields in the same order, so a written artifact is unchanged.
 * Its own fields are public; do not spread it (a spread drops `id` and `path`, which live on the prototype).
 *
 * @example
 * const artifact = makeArtifact(plan, rng, 'ws-01', 0, 0, 1_000); // a GeneratedArtifact
 * artifact.id; // 'gen-1-ws-01-0', joined now
 */
export class GeneratedArtifact implements Artifact {
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
  readonly key: ArtifactKey;
  readonly deviceIndex: number;
  readonly #idPrefix: string;
  readonly #k: number;
  readonly #folder: string;
  readonly #name: string;
  #id: string | undefined = undefined;
  #path: string | undefined = undefined;

  /** `idPrefix` and `k` make the id; `folder` (a profile folder's path, or '') and `name` the path. */
  constructor(
    idPrefix: string,
    k: number,
    folder: string,
    name: string,
    device: string,
    at: number,
    cls: ArtifactClass,
    kind: ArtifactKind,
    hashes: { readonly sha256: string; readonly sha1: string; readonly md5: string },
    certificate: string | undefined,
    process: string | undefined,
    trigger: Trigger,
    scanType: ScanType | undefined,
    threat: string | undefined,
    technique: string | undefined,
    signals: Signals,
    key: ArtifactKey,
    deviceIndex: number,
  ) {
    this.#idPrefix = idPrefix;
    this.#k = k;
    this.#folder = folder;
    this.#name = name;
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
    this.key = key;
    this.deviceIndex = deviceIndex;
  }

  get id(): string {
    return (this.#id ??= `${this.#idPrefix}${this.device}-${this.#k}`);
  }

  get path(): string {
    return (this.#path ??= this.#folder + this.#name);
  }

  /** The plain artifact, fields in the order the generator always wrote them. */
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
      key: this.key,
      deviceIndex: this.deviceIndex,
    };
  }
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
