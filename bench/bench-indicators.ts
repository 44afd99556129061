/** Realistic indicator lists for the benchmark: a threat-intel feed plus entries that hit generated files. */
import { Rng } from '../engine/core/random.ts';
import { generateArtifacts, type GenerateSpec } from '../engine/pipeline/synth/index.ts';

/** The device group scoped indicators name; `benchInput` defines it for the servers. */
export const SERVER_GROUP = 'Servers';

/**
 * Entries that name files the generator really produces (the rest is feed noise). A fixed number, so
 * the indicator curve measures the index's size, not a growing share of blocked artifacts.
 */
const HITS = 50;
const EXPIRES = '2027-01-01T00:00:00Z';

/**
 * `count` raw indicator entries, valid for `parseIndicators`. The first 50 (half of a shorter list) name
 * hashes and signers the generator produces (Block and remediate malware, Allow line-of-business files,
 * Audit a few PUA, certificates); the rest is what a feed brings: mostly SHA-256, some SHA-1/MD5,
 * domains, IPs and URLs.
 * One in ten is scoped to the server group and one in ten expires, so lookups pay for scope and time.
 *
 * @example
 * benchIndicators(500, generatorSpec, 7).length; // 500
 */
export function benchIndicators(count: number, generate: GenerateSpec, seed: number): unknown[] {
  const rng = Rng.from(seed).derive('bench-indicators');
  const entries: Record<string, unknown>[] = [...hitEntries(Math.min(HITS, Math.floor(count / 2)), generate, seed)];
  for (let i = entries.length; i < count; i++) entries.push(feedEntry(i, rng));
  // Built field by field, as a YAML or JSON reader builds them: entries share a few hidden classes. Made with
  // spreads, every entry had its own, and parsing the list paid for megamorphic reads that no list read from
  // a file pays (15,000 entries: ≈ 2× the parse; issue 13, thirteenth pass).
  return entries.map((entry, i) => {
    const out: Record<string, unknown> = {
      type: entry.type,
      value: entry.value,
      action: entry.action,
      title: `Bench indicator ${i + 1}`,
      description: 'benchmark list',
      severity: 'Medium',
    };
    if (i % 10 === 3) out.groups = [SERVER_GROUP];
    if (i % 10 === 7) out.expirationTime = EXPIRES;
    return out;
  });
}

// Hashes depend on the file identity only, so a small sample of the same generator names real files.
function hitEntries(wanted: number, generate: GenerateSpec, seed: number): Record<string, unknown>[] {
  if (wanted === 0) return [];
  // 64 devices spread over the fleet (laptops, workstations and servers alike).
  const stride = Math.max(1, Math.floor(generate.devices.length / 64));
  const picked = generate.devices
    .map((_, i) => i)
    .filter((i) => i % stride === 0)
    .slice(0, 64);
  const sample = {
    ...generate,
    count: Math.min(64 * wanted, 200_000),
    devices: picked.map((i) => generate.devices[i] as string),
    ...(generate.os === undefined ? {} : { os: picked.map((i) => generate.os?.[i] ?? 'windows-11') }),
  };
  const seen = new Set<string>();
  const out: Record<string, unknown>[] = [];
  const add = (key: string, entry: Record<string, unknown>): void => {
    if (out.length >= wanted || seen.has(key)) return;
    seen.add(key);
    out.push(entry);
  };
  for (const artifact of generateArtifacts(sample, { seed })) {
    if (out.length >= wanted) break;
    const sha256 = artifact.sha256;
    if (sha256 === undefined) continue;
    if (artifact.class === 'malicious') add(sha256, { type: 'FileSha256', value: sha256, action: 'BlockAndRemediate' });
    else if (artifact.class === 'pua') add(sha256, { type: 'FileSha256', value: sha256, action: 'Audit' });
    else if (artifact.certificate !== undefined && !seen.has(artifact.certificate) && seen.size % 7 === 0) {
      add(artifact.certificate, { type: 'CertificateThumbprint', value: artifact.certificate, action: 'Allowed' });
    } else add(sha256, { type: 'FileSha256', value: sha256, action: 'Allowed' });
  }
  return out;
}

function feedEntry(i: number, rng: Rng): Record<string, unknown> {
  const roll = rng.next();
  const action = rng.chance(0.8) ? 'Block' : 'Audit';
  if (roll < 0.6) return { type: 'FileSha256', value: rng.hex(64), action: action === 'Block' ? 'BlockAndRemediate' : action };
  if (roll < 0.65) return { type: 'FileSha1', value: rng.hex(40), action: 'BlockAndRemediate' };
  if (roll < 0.7) return { type: 'FileMd5', value: rng.hex(32), action: 'BlockAndRemediate' };
  if (roll < 0.85) return { type: 'DomainName', value: `cdn-${rng.hex(8)}-${i}.xyz`, action };
  if (roll < 0.95) return { type: 'IpAddress', value: `45.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255 || 1}`, action };
  return { type: 'Url', value: `https://files-${i}.top/payload/${rng.hex(6)}.bin`, action };
}
