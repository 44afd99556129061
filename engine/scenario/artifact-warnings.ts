/** Lint for timeline artifacts that load but cannot mean what the author thinks: a trigger that cannot see the artifact's kind. */
import type { Issue, Path } from '../core/issue.ts';
import type { ArtifactKind, Trigger } from '../core/vocabulary.ts';
import type { ArtifactInput } from './artifact-schema.ts';

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
 * Warnings for one timeline artifact at `path`: a `trigger` that cannot meet its `kind` (defaults:
 * kind `file`; trigger `behavior` for kind behavior, else `on-access`). The artifact still loads and
 * runs as written; a behaviour-triggered file is then treated as running (`Blocked`, never `Prevented`).
 *
 * @example
 * artifactWarnings({ kind: 'file', trigger: 'behavior' }, ['timeline', 0, 'artifact'])[0]?.code; // 'kind-trigger'
 */
export function artifactWarnings(artifact: Pick<ArtifactInput, 'kind' | 'trigger'>, path: Path): Issue[] {
  const kind = artifact.kind ?? 'file';
  const trigger = artifact.trigger ?? (kind === 'behavior' ? 'behavior' : 'on-access');
  if (TRIGGERS_OF[kind].includes(trigger)) return [];
  const seen = trigger === 'behavior' ? 'behaviour monitoring sees only what already runs' : `a ${trigger} check reads files, not activity`;
  return [
    {
      code: 'kind-trigger',
      path: [...path, 'trigger'],
      message: `trigger ${trigger} cannot meet a ${kind === 'behavior' ? 'behaviour' : kind}: ${seen} (§4.2 ScanTrigger)`,
      hint: FIX[kind],
      severity: 'warning',
    },
  ];
}
