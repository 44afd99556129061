/** Lint for timeline artifacts that load but cannot mean what the author thinks: a trigger that cannot see the kind, an 8.3 short name. */
import { shortNameIn } from '../../core/canonical-path.ts';
import type { Issue, Path } from '../../core/issue.ts';
import type { ArtifactKind, Trigger } from '../../core/vocabulary.ts';
import type { ArtifactInput } from '../schema/artifact-schema.ts';

/**
 * The triggers that can meet each kind. §4.2 `ScanTrigger`: `OnAccess` is a file opened, read, written
 * or started; `OnDemand` a scan of files at rest; `BM` behaviour monitoring, which watches what already
 * runs (processes, memory). So a file at rest is never met by behaviour monitoring, and a behaviour is
 * activity that neither an on-access check nor a scan reads.
 */
const TRIGGERS_OF: Readonly<Record<ArtifactKind, readonly Trigger[]>> = {
  file: ['on-access', 'scheduled-scan', 'on-demand-scan'],
  process: ['on-access', 'scheduled-scan', 'on-demand-scan', 'behavior'],
  behavior: ['behavior'],
};

const FIX: Readonly<Partial<Record<ArtifactKind, string>>> = {
  file: 'write kind: process for a file that runs (behaviour monitoring stops the running process), or trigger: on-access for a file being written, opened or started',
  behavior: 'write trigger: behavior, or kind: file for a file met on access or in a scan',
};

/**
 * Warnings for one timeline artifact at `path`: an 8.3 short name in its path or process, and a `trigger` that cannot meet its `kind` (defaults:
 * kind `file`; trigger `behavior` for kind behavior, else `on-access`). The artifact still loads and
 * runs as written; a behaviour-triggered file is then treated as running (`Blocked`, never `Prevented`).
 *
 * @example
 * artifactWarnings({ kind: 'file', trigger: 'behavior' }, ['timeline', 0, 'artifact'])[0]?.code; // 'kind_trigger'
 */
export function artifactWarnings(
  artifact: Pick<ArtifactInput, 'kind' | 'trigger'> & Partial<Pick<ArtifactInput, 'path' | 'process'>>,
  path: Path,
): Issue[] {
  return [...kindTriggerWarnings(artifact, path), ...shortNameWarnings(artifact, path)];
}

function kindTriggerWarnings(artifact: Pick<ArtifactInput, 'kind' | 'trigger'>, path: Path): Issue[] {
  const kind = artifact.kind ?? 'file';
  const trigger = artifact.trigger ?? (kind === 'behavior' ? 'behavior' : 'on-access');
  if (TRIGGERS_OF[kind].includes(trigger)) return [];
  const seen =
    trigger === 'behavior' ? 'behaviour monitoring sees only what already runs' : `a ${trigger} check reads files, not activity`;
  return [
    {
      code: 'kind_trigger',
      path: [...path, 'trigger'],
      message: `trigger ${trigger} cannot meet a ${kind === 'behavior' ? 'behaviour' : kind}: ${seen} (§4.2 ScanTrigger)`,
      hint: FIX[kind],
      severity: 'warning',
    },
  ];
}

/**
 * Warnings for an artifact's `path` and `process` that hold an 8.3 short name (`PROGRA~1`): Defender
 * matches the long path it is handed, so exclusions written with long names do not cover them
 * (contract §5.1, [inference]). Short names are not expanded.
 *
 */
function shortNameWarnings(input: Partial<Pick<ArtifactInput, 'path' | 'process'>>, path: Path): Issue[] {
  const issues: Issue[] = [];
  for (const key of ['path', 'process'] as const) {
    const value = input[key];
    const short = value === undefined ? undefined : shortNameIn(value);
    if (short === undefined) continue;
    issues.push({
      code: 'artifact_short_name',
      path: [...path, key],
      severity: 'warning',
      message: `${key} uses the 8.3 short name \`${short}\`; Defender matches the path it is handed, so exclusions written with the long name do not apply to it`,
      hint: 'write the long path, e.g. C:\\Program Files\\… instead of C:\\PROGRA~1\\…, unless the short name is the point of the scenario [inference]',
    });
  }
  return issues;
}
