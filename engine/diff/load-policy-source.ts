/** BASE and HEAD of `edrsim diff`: a file on disk or `REF:path` in git, recognised as one of the policy formats. */
import { resolve } from 'node:path';
import { fail, ok, type Issue, type Result } from '../core/issue.ts';
import { gitImportPath, gitShow, parseGitRef, readInput, type GitRef } from '../io/index.ts';
import { importMpPreference, recogniseMpPreference } from '../policy/exclusions/index.ts';
import {
  importIndicatorApi,
  importIndicatorCsv,
  recogniseIndicatorApi,
  recogniseIndicatorCsv,
} from '../policy/indicators/index.ts';
import { recogniseIntunePolicy } from '../policy/intune/index.ts';
import { importIntuneExclusions } from '../policy/load-policy-sources.ts';
import { POLICY_LOAD_OPTIONS } from '../run-scenario.ts';
import { loadScenario, readScenarioFile, type Scenario } from '../scenario/index.ts';
import type { DiffPolicy } from './diff-policy.ts';

/** Where and how sources are read. */
export interface SourceOptions {
  /** The working folder: relative paths and git run here. Default `process.cwd()`. */
  readonly cwd?: string;
  /** `--max-file-size`, for the file and every import, on disk or in git. */
  readonly maxFileSize?: number;
  /** `--import-root`, for imports read from disk. */
  readonly importRoot?: string;
}

/** A loaded source: its policy, and the scenario when it is a scenario file (its fleet may be diffed). */
export interface LoadedSource {
  readonly policy: DiffPolicy;
  readonly scenario?: Scenario;
}

/** One policy format: how to tell it from its text, and how to read its policy. */
export interface SourceKind {
  readonly what: string;
  readonly recognise: (text: string) => boolean;
  readonly load: (text: string, source: string) => Result<DiffPolicy>;
}

const placed = (issues: readonly Issue[], file: string): Issue[] =>
  issues.map((issue) => ({ ...issue, file: issue.file ?? file }));

/**
 * The policy formats besides a scenario file, tried in order; the first whose recogniser takes the text
 * loads it. The one dispatch point: a new import format is one entry here, with the recogniser and
 * importer policy/ already has. (Get-MpComputerStatus holds device facts, not policy: it is not a source.)
 */
export const SOURCE_KINDS: readonly SourceKind[] = [
  {
    what: 'a Get-MpPreference export',
    // A scenario may quote an Exclusion* name in its text; it names its own sections too.
    recognise: (text) => recogniseMpPreference(text) !== undefined && !/^\s*(name|devices|timeline)\s*:/m.test(text),
    load: (text, source) => {
      const imported = importMpPreference(text);
      return imported.ok
        ? ok({ source, what: 'a Get-MpPreference export', text, exclusions: imported.value })
        : fail(placed(imported.issues, source));
    },
  },
  {
    what: 'an indicator import CSV',
    recognise: recogniseIndicatorCsv,
    load: (text, source) => indicatorSource(importIndicatorCsv(text), 'an indicator import CSV', text, source),
  },
  {
    what: 'an indicators API export',
    recognise: recogniseIndicatorApi,
    load: (text, source) => indicatorSource(importIndicatorApi(text), 'an indicators API export', text, source),
  },
  {
    // Its exclusion lists; the device settings it carries apply per device (`devices[].intune` in a scenario).
    what: 'an Intune policy export',
    recognise: recogniseIntunePolicy,
    load: (text, source) => {
      const imported = importIntuneExclusions(text);
      if (!imported.ok) return fail(placed(imported.issues, source));
      const { warnings: _settings, ...exclusions } = imported.value;
      return ok({ source, what: 'an Intune policy export', text, exclusions });
    },
  },
];

function indicatorSource(
  imported: ReturnType<typeof importIndicatorCsv>,
  what: string,
  text: string,
  source: string,
): Result<DiffPolicy> {
  const errors = imported.issues.filter((issue) => issue.severity !== 'warning');
  return errors.length > 0 ? fail(placed(errors, source)) : ok({ source, what, text, indicators: imported.indicators });
}

/**
 * Reads a diff side. `arg` is a file when such a file exists (so `C:\policy.yaml` stays a path), else
 * `REF:path` read with `git show`, whose scenario's `from:` imports are read from the same ref through
 * the same size cap. The text is tried against {@link SOURCE_KINDS}, then loaded as a scenario file.
 *
 * @example
 * const base = loadPolicySource('origin/main:policy/av.yaml');
 * if (base.ok) base.value.policy.exclusions?.paths; // the paths at origin/main
 */
export function loadPolicySource(arg: string, options: SourceOptions = {}): Result<LoadedSource> {
  const cwd = options.cwd ?? process.cwd();
  const limit = options.maxFileSize === undefined ? {} : { maxFileSize: options.maxFileSize };
  const file = resolve(cwd, arg);
  const onDisk = readInput(file, { ...limit, shownAs: arg });
  const git = onDisk.ok ? undefined : parseGitRef(arg);
  if (!onDisk.ok && git === undefined) return onDisk;
  const text = onDisk.ok ? ok(onDisk.value.text) : gitShow(git!, { cwd, ...limit });
  if (!text.ok) return onDisk.ok ? text : fail([...onDisk.issues, ...text.issues].slice(-1));
  const kind = SOURCE_KINDS.find((candidate) => candidate.recognise(text.value));
  if (kind !== undefined) {
    const loaded = kind.load(text.value, arg);
    return loaded.ok ? ok({ policy: loaded.value }) : loaded;
  }
  const scenario =
    git === undefined
      ? readScenarioFile(file, { ...POLICY_LOAD_OPTIONS, ...limit, importRoot: options.importRoot ?? cwd })
      : fromGit(git, text.value, cwd, limit);
  if (!scenario.ok) return scenario.issues.length > 0 ? fail(placed(scenario.issues, arg)) : scenario;
  // Reports name the scenario as the command line did, not by its absolute path.
  return ok({ policy: scenarioPolicy(scenario.value, arg, text.value), scenario: { ...scenario.value, file: arg } });
}

// A scenario at a ref: its imports come from the same ref, beside it, never from the working folder.
function fromGit(git: GitRef, text: string, cwd: string, limit: { maxFileSize?: number }): Result<Scenario> {
  const shownAs = `${git.ref}:${git.path}`;
  return loadScenario(text, shownAs, {
    ...POLICY_LOAD_OPTIONS,
    ...limit,
    readFile: (from) => {
      const path = gitImportPath(git.path, from);
      if (path === undefined) {
        return fail([
          {
            code: 'import_outside',
            path: [],
            file: shownAs,
            message: `cannot import ${from}: the path leads outside the repository or is absolute`,
            hint: 'write imports relative to the scenario file, inside the repository',
          },
        ]);
      }
      return gitShow({ ref: git.ref, path }, { cwd, ...limit });
    },
  });
}

/** The policy a scenario file carries: every part, the tenant's switches and groups, each device's own exclusions. */
export function scenarioPolicy(scenario: Scenario, source: string, text: string): DiffPolicy {
  const deviceExclusions: Record<string, Scenario['exclusions']> = {};
  for (const device of scenario.devices) deviceExclusions[device.name] = device.exclusions;
  const { edrBlockMode, allowOrBlockFile, deviceGroups } = scenario.tenant;
  return {
    source,
    what: 'a scenario file',
    text,
    tenant: { edrBlockMode, allowOrBlockFile, deviceGroups },
    settings: scenario.settings,
    exclusions: scenario.exclusions,
    indicators: scenario.indicators,
    deviceExclusions,
  };
}
