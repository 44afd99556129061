/** Probes: malicious files placed by the policies' own entries, so every changed entry is exercised (issue 15). */
import type { Artifact } from '../core/artifact.ts';
import type { DeviceConfig, ExclusionLists } from '../core/config.ts';
import type { SimulationInput } from '../core/simulation-input.ts';
import type { ArtifactKind, Trigger } from '../core/vocabulary.ts';
import { resolveDeviceGroup } from '../policy/device-groups.ts';
import { parseExclusions, type PathPattern, type ProcessPattern } from '../policy/exclusions/index.ts';
import { indicatorTypeValue } from './policy-change.ts';
import type { PolicyParts } from './policy-delta.ts';

/** The most probes one scenario gets; past it the rest are dropped and counted (`probesDropped`). */
export const MAX_PROBES = 50_000;

/** The id prefix of every probe (`probe~ws-01~on-access~e|log`): reports tell probes from the scenario's own artifacts by it. */
export const PROBE_PREFIX = 'probe~';

/** The triggers that matter to an exclusion: real-time, a scan (§4.1 scope; passive mode scans only), behaviour (block mode, §3.8). */
const PROBE_TRIGGERS: readonly { trigger: Trigger; kind: ArtifactKind }[] = [
  { trigger: 'on-access', kind: 'file' },
  { trigger: 'scheduled-scan', kind: 'file' },
  { trigger: 'behavior', kind: 'behavior' },
];

const FOLDER = 'C:\\Users\\Public\\Downloads';
const FILE = 'edrsim-probe.exe';

/** A path a pattern matches: each `*` becomes `probe`, each `?` becomes `p` (an instance of every wildcard). */
function instance(pattern: PathPattern): string {
  return pattern.segments.map((segment) => segment.text.replace(/\*/g, 'probe').replace(/\?/g, 'p')).join('\\');
}

function parent(path: string): string {
  const cut = path.lastIndexOf('\\');
  return cut <= 2 ? path.slice(0, 3) : path.slice(0, cut);
}

/** Where a path entry's probes go: inside it, deeper inside, and just outside (its parent folder). */
function pathPlaces(pattern: PathPattern): string[] {
  const at = instance(pattern);
  if (pattern.shape === 'file-pattern')
    return [at, `${parent(at)}\\sub\\${at.slice(parent(at).length + 1)}`, `${parent(at)}-outside\\${FILE}`];
  return [`${at}\\${FILE}`, `${at}\\sub\\${FILE}`, `${parent(at)}\\${FILE}`, `${at}-outside\\${FILE}`];
}

function processPath(pattern: ProcessPattern): string {
  return pattern.kind === 'image' ? `C:\\Program Files\\Probe\\${pattern.image}` : instance(pattern.pattern);
}

interface ProbeSeed {
  /** What the probe asks about (`f|<path>`, `e|<ext>`, `p|<process>`, `i|<field>|<value>`): its id, with device and trigger. */
  readonly key?: string;
  readonly path: string;
  readonly process?: string;
  readonly hash?: Partial<Pick<Artifact, 'sha256' | 'sha1' | 'md5' | 'certificate'>>;
}

function exclusionSeeds(lists: ExclusionLists, out: Map<string, ProbeSeed>): void {
  for (const entry of parseExclusions(lists).entries) {
    if (entry.kind === 'extension') out.set(`e|${entry.extension}`, { path: `${FOLDER}\\edrsim-probe.${entry.extension}` });
    else if (entry.kind === 'process') {
      const process = processPath(entry.process);
      out.set(`p|${process}`, { path: `${FOLDER}\\${FILE}`, process });
    } else for (const path of pathPlaces(entry.pattern)) out.set(`f|${path.toLowerCase()}`, { path });
  }
}

const HASH_FIELD: Readonly<Record<string, 'sha256' | 'sha1' | 'md5' | 'certificate'>> = {
  FileSha256: 'sha256',
  FileSha1: 'sha1',
  FileMd5: 'md5',
  CertificateThumbprint: 'certificate',
};

/** The places and files every entry of the sides asks about, deduplicated, in a stable order. */
export function probeSeeds(sides: readonly PolicyParts[]): ProbeSeed[] {
  const seeds = new Map<string, ProbeSeed>();
  for (const side of sides) {
    if (side.exclusions !== undefined) exclusionSeeds(side.exclusions, seeds);
    for (const lists of Object.values(side.deviceExclusions ?? {})) exclusionSeeds(lists, seeds);
    for (const raw of side.indicators ?? []) {
      const { type, value } = indicatorTypeValue(raw);
      const field = HASH_FIELD[type];
      if (field !== undefined)
        seeds.set(`i|${field}|${value.toLowerCase()}`, { path: `${FOLDER}\\${FILE}`, hash: { [field]: value.toLowerCase() } });
    }
  }
  // Sorted by key, so that the probes do not depend on which side is BASE (diff(A, B) and diff(B, A) replay the same).
  return [...seeds.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, seed]) => ({ ...seed, key }));
}

/** One device per distinct configuration: equal but for the name, and in the same group under both sides. */
export function distinctDevices(devices: readonly DeviceConfig[], sides: readonly PolicyParts[]): DeviceConfig[] {
  const seen = new Set<string>();
  const out: DeviceConfig[] = [];
  for (const device of devices) {
    const groups = sides.map((side) =>
      side.tenant === undefined ? '' : resolveDeviceGroup(device, side.tenant.deviceGroups).name,
    );
    const own = sides.map((side) => side.deviceExclusions?.[device.name]);
    const key = JSON.stringify([{ ...device, name: '' }, groups, own]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(device);
  }
  return out;
}

/**
 * The probes of one scenario: each seed as a malicious file (flagged by Defender Antivirus and the EDR
 * sensor, not by a primary AV) on one device of each distinct configuration, with each trigger that
 * matters, at the scenario's last event so the fleet is in its final state.
 *
 * @example
 * deriveProbes(input, [base, head]).probes[0].path; // 'c:\\temp\\edrsim-probe.exe'
 */
export function deriveProbes(input: SimulationInput, sides: readonly PolicyParts[]): { probes: Artifact[]; dropped: number } {
  const at = input.timeline.reduce(
    (last, event) => Math.max(last, event.kind === 'generate' ? event.at + event.generate.window : event.at),
    0,
  );
  const devices = distinctDevices(input.devices, sides);
  const probes: Artifact[] = [];
  let dropped = 0;
  for (const seed of probeSeeds(sides)) {
    for (const device of devices) {
      for (const { trigger, kind } of PROBE_TRIGGERS) {
        if (probes.length >= MAX_PROBES) {
          dropped++;
          continue;
        }
        probes.push({
          // Named by content, not by position: the same probe has the same id in every diff of the same entries.
          id: `${PROBE_PREFIX}${device.name}~${trigger}~${seed.key ?? seed.path}`,
          device: device.name,
          at,
          class: 'malicious',
          kind,
          path: seed.path,
          ...(seed.process === undefined ? {} : { process: seed.process }),
          ...seed.hash,
          trigger,
          threat: 'probe',
          signals: { primaryAv: false, mdav: true, edr: true },
        });
      }
    }
  }
  return { probes, dropped };
}
