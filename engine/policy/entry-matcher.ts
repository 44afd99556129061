/** Which artifacts one policy entry (an exclusion entry or a file indicator) matches: the candidates of diff attribution, and of coverage to come. */
import type { Artifact } from '../core/artifact.ts';
import type { ConflictSettings } from '../core/config.ts';
import { buildExclusionMatcher, type ExclusionListName, type ExclusionMatcher } from './exclusions/index.ts';

/** One entry of a policy, as written: an exclusion list entry, or a raw indicator (`{ type, value, … }`). */
export type PolicyEntry =
  | { readonly kind: 'exclusion'; readonly list: ExclusionListName; readonly text: string }
  | { readonly kind: 'indicator'; readonly raw: unknown };

const HASH_OF: Readonly<Record<string, 'sha256' | 'sha1' | 'md5' | 'certificate'>> = {
  FileSha256: 'sha256',
  FileSha1: 'sha1',
  FileMd5: 'md5',
  CertificateThumbprint: 'certificate',
};
const NETWORK = new Set(['IpAddress', 'DomainName', 'Url']);

/**
 * A test, compiled once, of whether the entry matches an artifact under any of `readings` (the conflict
 * settings that change what an entry means: `trailingStar`, `repeatedProcess`; default the reference's
 * recommendation). It over-approximates what a device applies (versions too old for a contextual entry
 * are assumed new enough; an indicator's group scope is not checked; an indicator it cannot read matches
 * everything), so an entry it says does not match can never change the artifact's verdict. A network
 * indicator never matches a file; an exclusion entry that does not parse matches nothing (the engine
 * drops it).
 *
 * @example
 * const matches = entryMatcher({ kind: 'exclusion', list: 'paths', text: 'C:\\Temp\\' });
 * matches(artifact); // true for C:\Temp\x.exe on access
 */
export function entryMatcher(
  entry: PolicyEntry,
  readings: readonly Partial<ConflictSettings>[] = [{}],
): (artifact: Artifact) => boolean {
  if (entry.kind === 'indicator') {
    const record = typeof entry.raw === 'object' && entry.raw !== null ? (entry.raw as Record<string, unknown>) : {};
    const [type, value] = [String(record.type), String(record.value).trim().toLowerCase()];
    const field = HASH_OF[type];
    if (field === undefined) return NETWORK.has(type) ? () => false : () => true;
    return (artifact) => artifact[field]?.toLowerCase() === value;
  }
  const matchers: ExclusionMatcher[] = [];
  for (const conflicts of readings) {
    const built = buildExclusionMatcher({ [entry.list]: [entry.text] }, { conflicts });
    if (built.ok) matchers.push(built.value.matcher);
  }
  return (artifact) => {
    const target = {
      path: artifact.path,
      trigger: artifact.trigger,
      ...(artifact.process === undefined ? {} : { process: artifact.process }),
      ...(artifact.scanType === undefined ? {} : { scanType: artifact.scanType }),
    };
    return matchers.some((matcher) => matcher.match(target) !== undefined);
  };
}
