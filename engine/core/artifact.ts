/** A synthetic artifact: one thing that happens on one device, with the ground truth of who would flag it. */
import type { ArtifactKey } from './artifact-key.ts';
import type { ArtifactClass, ArtifactKind, ScanType, Trigger } from './vocabulary.ts';

export interface Signals {
  /** Would the non-Microsoft primary AV flag it, if it looked? */
  readonly primaryAv: boolean;
  /** Would Defender Antivirus flag it? */
  readonly mdav: boolean;
  /** Would the EDR sensor flag it (post-breach, behavioural)? */
  readonly edr: boolean;
}

export interface Artifact {
  /** Unique in a run. */
  readonly id: string;
  readonly device: string;
  /** ms from the scenario start. */
  readonly at: number;
  readonly class: ArtifactClass;
  readonly kind: ArtifactKind;
  /** Full Windows path of the file or process image. */
  readonly path: string;
  readonly sha256?: string;
  readonly sha1?: string;
  readonly md5?: string;
  /** Leaf certificate thumbprint of the signer. */
  readonly certificate?: string;
  /** Full path of the process that opened or started it. */
  readonly process?: string;
  readonly trigger: Trigger;
  /** For scheduled and on-demand scans; default `full`. */
  readonly scanType?: ScanType;
  readonly threat?: string;
  readonly technique?: string;
  readonly signals: Signals;
  /** How the scenario wrote `path` and `process`, present only when canonicalisation changed one (contract §5.1). */
  readonly written?: WrittenPaths;
  /** The matchers' view of path, opener and hashes, made with the artifact (`artifactKey`); derived when absent. */
  readonly key?: ArtifactKey;
  /**
   * The device's position in the run's fleet (`FleetModel.indexOf`), when the maker knew it (the generator
   * inside a run), else −1 or absent: lets the pipeline skip a name lookup per artifact. Never decision data.
   */
  readonly deviceIndex?: number;
}

/** The spellings canonicalisation replaced; each key only when that value changed. */
export interface WrittenPaths {
  readonly path?: string;
  readonly process?: string;
}
