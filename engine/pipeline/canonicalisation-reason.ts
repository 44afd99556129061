/** The reason a verdict gives, once and first, when the artifact's path or opener was canonicalised (contract §5.1). */
import type { Artifact, WrittenPaths } from '../core/artifact.ts';
import { canonicalisationNote } from '../core/canonical-path.ts';
import type { Reason } from '../core/vocabulary.ts';

// One reason per artifact, however often it is decided (diff, coverage and explain re-run the pipeline).
const known = new WeakMap<WrittenPaths, Reason>();

/**
 * Says what canonicalisation changed (see `canonicalisationNote`), built once per artifact. Undefined
 * when the artifact was already canonical: its reasons stay as they were.
 *
 * @example
 * canonicalisationReason(artifact)?.message;
 * // 'path canonicalised as Windows hands it to Defender: `C:\Tools\..\Windows\x.exe` → `C:\Windows\x.exe` [inference]'
 */
export function canonicalisationReason(artifact: Artifact): Reason | undefined {
  const written = artifact.written;
  if (written === undefined) return undefined;
  const cached = known.get(written);
  if (cached !== undefined) return cached;
  const reason: Reason = Object.freeze({
    layer: 'path',
    code: 'canonicalised',
    message: canonicalisationNote(written, artifact.path, artifact.process),
  });
  known.set(written, reason);
  return reason;
}
