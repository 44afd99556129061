/** Parsed exclusion entries: what one list entry means once its text is understood (§4.1–4.2). */
import type { ArtifactKey } from '../../core/artifact-key.ts';
import type { ConflictSettings } from '../../core/config.ts';
import type { Reason, ScanType, Trigger } from '../../core/vocabulary.ts';
import type { Version } from '../../core/version.ts';
import type { SegmentGlob } from './segment-glob.ts';

/** The three lists of the scenario contract (`ExclusionPath`, `ExclusionExtension`, `ExclusionProcess`). */
export type ExclusionListName = 'paths' | 'extensions' | 'processes';

/** A path pattern after env-var expansion and normalisation (§4.2). */
export interface PathPattern {
  /** Lower-case, `\`-joined, env vars expanded: what is compared. */
  readonly normalized: string;
  readonly segments: readonly SegmentGlob[];
  /** Plain last segment: the path itself and everything below it (§4.2 folder rule). */
  readonly recursive: boolean;
  /** `*` and `?` counted in the expanded text (at most 6, §4.2). */
  readonly wildcards: number;
  /** How the entry reads, for explanations. */
  readonly shape: 'path' | 'wildcard-folders' | 'file-pattern' | 'trailing-star-folder';
}

/** A process as an exclusion names it: an image name from any location, or a full path (§4.2 proc-excl). */
export type ProcessPattern =
  { readonly kind: 'image'; readonly image: string } | { readonly kind: 'path'; readonly pattern: PathPattern };

export type ScanTriggerValue = 'OnAccess' | 'OnDemand' | 'BM';

/** The `\:{…}` part of a contextual path entry (ctx-excl); every condition must hold (AND). */
export interface Restrictions {
  readonly pathType?: 'file' | 'folder';
  readonly scanType?: ScanType;
  readonly scanTrigger?: ScanTriggerValue;
  readonly processes: readonly ProcessPattern[];
  /** The restriction text as written, without braces. */
  readonly text: string;
}

interface EntryBase {
  readonly list: ExclusionListName;
  /** 0-based index in its list. */
  readonly index: number;
  /** The entry as written. */
  readonly text: string;
  /** Automatic server-role exclusions carry their role's display name (§4.1 srv-excl). */
  readonly role?: string;
  /** Set when the entry parses but can never apply, saying why (§4.4 #41, #45). */
  readonly inactive?: string;
}

export interface PathEntry extends EntryBase {
  readonly kind: 'path';
  readonly pattern: PathPattern;
  readonly restrictions?: Restrictions;
}

export interface ExtensionEntry extends EntryBase {
  readonly kind: 'extension';
  /** Lower case, without the leading dot; may be compound (`ko.gz`). */
  readonly extension: string;
}

export interface ProcessEntry extends EntryBase {
  readonly kind: 'process';
  readonly process: ProcessPattern;
}

export type ExclusionEntry = PathEntry | ExtensionEntry | ProcessEntry;

/** What is being looked at: a file or folder, who opened it, and what kind of look it is. */
export interface ExclusionTarget {
  readonly path: string;
  /** Default false: the target is a file. */
  readonly isFolder?: boolean;
  /** Full path (or image name) of the process that opened it. */
  readonly process?: string;
  readonly trigger: Trigger;
  /** Scans only; default `full`. */
  readonly scanType?: ScanType;
  /** The path and opener already split (an artifact's `key`); when present it must be of `path` and `process`. */
  readonly key?: ArtifactKey;
}

/** The entry that excluded a target and the reason, precomputed once per entry. */
export interface ExclusionMatch {
  readonly entry: ExclusionEntry;
  readonly reason: Reason;
}

/** Options for parsing and compiling exclusions; every field is optional. */
export interface ExclusionOptions {
  /** `trailingStar` (default `literal`) and `repeatedProcess` (default `or`) are read (§4.3, C12). */
  readonly conflicts?: Partial<ConflictSettings>;
  /** AMProductVersion; contextual entries need 4.18.2205.7+ (#45). Unknown = assumed new enough. */
  readonly platform?: Version;
  /** AMEngineVersion; contextual entries need 1.1.19300.2+ (#45). */
  readonly engine?: Version;
  /** Folders on the device that are reparse points (junctions); a parent exclusion stops there (#26). */
  readonly reparsePoints?: readonly string[];
}

/** The display name of each list, as `Get-MpPreference` spells it. */
export const LIST_LABELS: Readonly<Record<ExclusionListName, string>> = {
  paths: 'ExclusionPath',
  extensions: 'ExclusionExtension',
  processes: 'ExclusionProcess',
};
