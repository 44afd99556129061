/** What `loadScenario` is given besides the text: injected validators and importers, a file reader, overrides, read limits. */
import type { DeviceConfig, ExclusionLists } from '../core/config.ts';
import type { StatusDevice } from '../core/device-facts.ts';
import type { Issue, Path, Result } from '../core/issue.ts';

/**
 * Dependencies are injected so that scenario/ imports only engine/core: policy/ owns the exclusion and
 * indicator grammars, cli/ owns the file system. Every member is optional; without a validator the
 * lists are checked for shape only, and without `readFile` a `{ from: file }` import is an issue.
 */
export interface LoadOptions {
  /** Checks exclusion entries (§4.2). Returned paths may be absolute or relative to `path`. */
  readonly validateExclusions?: (lists: ExclusionLists, path: Path) => readonly Issue[];
  /** Checks an indicator list (§5.1). Replaces the built-in shape check of `indicators`. */
  readonly validateIndicators?: (raw: unknown, path: Path) => readonly Issue[];
  /** Reads a file named relative to the scenario file (`readScenarioFile` resolves it, confined to `importRoot`). */
  readonly readFile?: (relativePath: string) => Result<string>;
  /**
   * Converts an exclusions export (`Get-MpPreference` output, text or JSON; an Intune policy) to exclusion
   * lists; `warnings` are what the file holds that the lists leave out.
   */
  readonly importMpPreference?: (text: string) => Result<ExclusionLists & { readonly warnings?: readonly Issue[] }>;
  /**
   * Reads and combines the Intune antivirus policies assigned to one device (`devices[].intune`): the merged
   * exclusion lists, the modelled settings, and every issue (each naming its `file`).
   */
  readonly importIntunePolicies?: (files: readonly { readonly text: string; readonly file: string }[]) => {
    readonly exclusions: ExclusionLists;
    readonly settings: {
      readonly cloudProtection?: boolean;
      readonly passiveRemediation?: number;
      readonly disableLocalAdminMerge?: boolean;
    };
    readonly issues: readonly Issue[];
  };
  /**
   * Merges a device's local admin lists into its policy lists (§4.1): the local entries kept, and one
   * warning (path relative to the `localExclusions` key) per local entry left out.
   */
  readonly mergeLocalExclusions?: (
    policy: ExclusionLists,
    local: Partial<ExclusionLists>,
    disableLocalAdminMerge: boolean,
  ) => { readonly kept: ExclusionLists; readonly issues: readonly Issue[] };
  /** Converts the portal's indicator CSV to raw indicators; `invalidRows` is the import's own setting (default `refuse`). */
  readonly importIndicatorCsv?: (
    text: string,
    options: { readonly invalidRows?: 'refuse' | 'skip' },
  ) => { readonly indicators: readonly unknown[]; readonly issues: readonly Issue[] };
  /** Reads a `Get-MpComputerStatus` export (text or JSON) as device facts, for `devices: [{ from }]`. */
  readonly importComputerStatus?: (text: string) => Result<StatusDevice>;
  /** The mode `device` resolves to at the start, to compare with the mode its export shows (a warning when they differ). */
  readonly resolveStartMode?: (device: DeviceConfig) => { readonly mode: string; readonly message: string };
  /**
   * Tells a file that is an export meant for `{ from }` (Get-MpPreference output, an indicator CSV):
   * such a file that fails to load as a scenario is refused in one issue that says how to import it.
   */
  readonly recogniseExport?: (text: string) => { readonly what: string; readonly key: string } | undefined;
  /** `--set KEY=VALUE` overrides, applied in order before validation. */
  readonly overrides?: readonly string[];
  /**
   * `--import-root`: the folder `from:` imports must stay in (besides the scenario's own folder), for
   * `readScenarioFile`'s reader. Default: the working folder.
   */
  readonly importRoot?: string;
  /** `--max-file-size`: the most bytes read from one file (the scenario or an import). Default 64 MiB. */
  readonly maxFileSize?: number;
  /** Told the absolute real path of every file `readScenarioFile` opens, even one that then fails to load. */
  readonly onRead?: (realPath: string) => void;
}
