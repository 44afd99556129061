/** One synthetic artifact from a device's rng: class, kind, catalog line, file identity, trigger and signals. */
import type { Artifact } from '../../core/artifact.ts';
import { FACTS } from './artifact-facts.ts';
import { GeneratedArtifact, type GeneratedLine } from './generated-artifact.ts';
import { PLACE_OPENERS } from '../../core/artifact-key.ts';
import type { RandomSource } from '../../core/random.ts';
import type { ArtifactClass, ArtifactKind } from '../../core/vocabulary.ts';
import { FILE_TRIGGER_SHARES, KIND_SHARES } from './catalog.ts';
import { PROFILE_FOLDERS } from './catalog-places.ts';
import { CATALOG, variantKey, variantName, type Template } from './compile-catalog.ts';
import { tapeOffset, type HashTapes } from './hash-tape.ts';
import type { SynthPlan } from './synth-plan.ts';

// Imported bindings copied to locals: under tsx each cross-module access is a getter call, on the hot path.
const catalog = CATALOG;
const nameOf = variantName;
const nameKeyOf = variantKey;
const offsetOf = tapeOffset;
const workstationUsers = CATALOG.workstationUsers;
const identities = CATALOG.identities;
const CLASSES: readonly ArtifactClass[] = ['malicious', 'pua', 'benign'];
const KINDS: readonly ArtifactKind[] = ['file', 'process', 'behavior'];
/** Cumulative file / process thresholds per class; the rest is behaviour. */
const KIND_CUTS = [KIND_SHARES.malicious, KIND_SHARES.pua, KIND_SHARES.benign].map(
  ([file, process]) => [file, file + process] as const,
);
const FOLDERS = PROFILE_FOLDERS.length;
const { onAccess, scheduledScan, quickOfScheduled, quickOfOnDemand } = FILE_TRIGGER_SHARES;
const { primaryAv: PRIMARY_AV, mdav: MDAV, edr: EDR, quick: QUICK, full: FULL } = FACTS;
const { onAccess: ON_ACCESS, scheduledScan: SCHEDULED_SCAN, onDemandScan: ON_DEMAND_SCAN, behavior: BEHAVIOR } = FACTS;

/** Scales the high or low 16 bits of a draw onto [0, n): exact for power-of-two n, bias < n/65536 otherwise. */
const high = (word: number, n: number): number => ((word >>> 16) * n) >>> 16;
const low = (word: number, n: number): number => ((word & 0xffff) * n) >>> 16;

let hashTapes: HashTapes | undefined;
// One slot per catalog identity / line, sized up front: filled at scattered indices, an empty array becomes a hash table.
const identityHashes = new Array<IdentityHashes | undefined>(CATALOG.identities);
const lineRecords = new Array<GeneratedLine | undefined>(CATALOG.lines);
interface IdentityHashes {
  readonly sha256: string;
  readonly sha1: string;
  readonly md5: string;
}

/**
 * A file identity's hashes, cut from the tapes once and kept (at most the catalog's identities): the
 * indicator index hashes a string once, so one string per identity is one hash per identity, not per artifact.
 */
function hashesOf(tapes: HashTapes, identity: number): IdentityHashes {
  const known = identityHashes[identity];
  if (known !== undefined) return known;
  const offset = offsetOf(identity);
  const hashes = {
    sha256: tapes.sha256.substring(offset, offset + 64),
    sha1: tapes.sha1.substring(offset, offset + 40),
    md5: tapes.md5.substring(offset, offset + 32),
  };
  identityHashes[identity] = hashes;
  return hashes;
}

/**
 * The shared record of a catalog line (template and variant), made on first use and kept (at most the catalog's
 * lines): everything an artifact of that line has in common, so the artifact holds one reference to it.
 */
function lineOf(tapes: HashTapes, template: Template, variant: number, cls: number, kind: number): GeneratedLine {
  if (tapes !== hashTapes) {
    hashTapes = tapes;
    identityHashes.fill(undefined);
    lineRecords.fill(undefined);
  }
  const index = template.line + variant;
  const known = lineRecords[index];
  if (known !== undefined) return known;
  const file = nameKeyOf(template, variant);
  const hashes = hashesOf(tapes, template.group.first + variant);
  const line: GeneratedLine = {
    class: CLASSES[cls]!,
    kind: KINDS[kind]!,
    fileName: nameOf(template, variant),
    file,
    name: file.name,
    sha256: hashes.sha256,
    sha1: hashes.sha1,
    md5: hashes.md5,
    certificate: template.certificate,
    threat: template.threats[variant % template.threats.length],
    technique: template.technique,
    indicatorAnswer: undefined,
  };
  lineRecords[index] = line;
  return line;
}

/**
 * Draws the `k`-th artifact of device `device` (its index in `plan.spec.devices`), at time `at` (`deviceIndex`: its
 * fleet index, default −1). `user` indexes the compiled profile users; server users (after the workstation ones)
 * draw from the server catalog. Draw order is fixed, so the same rng
 * state always yields the same artifact: one full draw for the class, then 16-bit halves of three words
 * for the shape, and of two more words for the signals of malicious and PUA artifacts.
 *
 * @example
 * makeArtifact(plan, Rng.from(7).derive('gen-1:ws-01'), 0, 0, 0, 1_000).id; // 'gen-1-ws-01-0' (plan.spec.devices[0] is 'ws-01')
 */
export function makeArtifact(
  plan: SynthPlan,
  rng: RandomSource,
  device: number,
  user: number,
  k: number,
  at: number,
  deviceIndex = -1,
): Artifact {
  // Few draws per artifact: each Rng draw costs more than the arithmetic that splits it. Every draw is taken as an
  // int32 (`nextInt32`: the same word, read below by `>>>` and `&` only), never boxed should a call not be inlined.
  // The class draw is `next()`'s word: `next() < p` exactly when `word < p × 2^32` (both sides scaled by a power of two).
  const classWord = rng.nextInt32() >>> 0;
  const cls = classWord < plan.malicious * 4294967296 ? 0 : classWord < plan.maliciousOrPua * 4294967296 ? 1 : 2;
  const shape = rng.nextInt32();
  const pick = rng.nextInt32();
  const extra = rng.nextInt32();

  const cuts = KIND_CUTS[cls]!;
  const kindFraction = (shape >>> 16) / 65536;
  const kind = kindFraction < cuts[0] ? 0 : kindFraction < cuts[1] ? 1 : 2;
  const table = user >= workstationUsers ? catalog.server : catalog.workstation;
  const templates = table[cls * 3 + kind]!;
  const template = templates[low(shape, templates.length)]!;
  const variant = high(pick, template.group.variants);

  // Trigger, scan type and signals as one facts word (artifact-facts.ts).
  let facts = kind === 2 ? BEHAVIOR : ON_ACCESS;
  // The opener's index in the template (its path and key are read back through the place: GeneratedArtifact).
  let opener = -1;
  // Processes and behaviours always have a parent; only files choose between on-access and a scan.
  const triggerFraction = kind === 0 ? (pick & 0xffff) / 65536 : 0;
  if (triggerFraction < onAccess) {
    opener = high(extra, template.openers.length);
  } else if (triggerFraction < onAccess + scheduledScan) {
    // A scan has no opening process: §4.4 #30, process exclusions never apply to scans.
    facts = SCHEDULED_SCAN | ((extra & 0xffff) / 65536 < quickOfScheduled ? QUICK : FULL);
  } else {
    facts = ON_DEMAND_SCAN | ((extra & 0xffff) / 65536 < quickOfOnDemand ? QUICK : FULL);
  }

  if (cls !== 2) {
    // Benign artifacts are never flagged; malicious and PUA ones by each engine independently.
    const first = rng.nextInt32();
    const second = rng.nextInt32();
    facts |=
      (first >>> 16 < plan.primaryAv16 ? PRIMARY_AV : 0) |
      ((first & 0xffff) < plan.mdav16 ? MDAV : 0) |
      (second >>> 16 < plan.edr16 ? EDR : 0);
  }

  // Issue 13 #1: the matchers' view of the artifact from the compiled catalog: the line's record holds the file's
  // split name and the identity's lower-case hashes; the slot indexes the profile folder's path and segments.
  const slot = template.folder < 0 ? -1 : user * FOLDERS + template.folder;
  const identity = template.group.first + variant;
  // ArtifactKey.place: slot, identity and opener fix the key's content; < 233 × 89,164 × 32 < 2^31 (a test checks).
  const place = ((slot + 1) * identities + identity) * PLACE_OPENERS + (opener < 0 ? 0 : template.openerPlaces[opener]!);
  return new GeneratedArtifact(plan, k, lineOf(plan.tapes, template, variant, cls, kind), device, at, facts, deviceIndex, place);
}
