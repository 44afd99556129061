/** What a generated artifact's draw decides beyond its catalog line, packed in one small integer: signals, trigger, scan type. */
import type { Signals } from '../../core/artifact.ts';
import { SCAN_TYPES, TRIGGERS, type ScanType, type Trigger } from '../../core/vocabulary.ts';

/**
 * The facts word's parts, to be or-ed together: bits 0–2 the signals (1 primary AV, 2 MDAV, 4 EDR), bits 3–4 the
 * trigger (its index in `TRIGGERS`), bits 5–6 the scan type (0 for none, as for on-access and behaviour; else its
 * index in `SCAN_TYPES` + 1). One integer below 2^7 instead of three fields:
 * a `GeneratedArtifact` holds it as one 8-byte slot where the three values took 24 (issue 13, ninth pass), and it
 * is always a small integer, so the field's representation never changes.
 *
 * @example
 * factsSignals(FACTS.mdav | FACTS.scheduledScan | FACTS.quick).mdav; // true
 * factsTrigger(FACTS.mdav | FACTS.scheduledScan | FACTS.quick);      // 'scheduled-scan'
 */
export const FACTS = {
  primaryAv: 1,
  mdav: 2,
  edr: 4,
  onAccess: TRIGGERS.indexOf('on-access') << 3,
  scheduledScan: TRIGGERS.indexOf('scheduled-scan') << 3,
  onDemandScan: TRIGGERS.indexOf('on-demand-scan') << 3,
  behavior: TRIGGERS.indexOf('behavior') << 3,
  quick: (SCAN_TYPES.indexOf('quick') + 1) << 5,
  full: (SCAN_TYPES.indexOf('full') + 1) << 5,
};

/** All eight signal combinations by their bits, shared and frozen: no allocation per artifact. */
const SIGNALS: readonly Signals[] = Array.from({ length: 8 }, (_, bits) =>
  Object.freeze({ primaryAv: (bits & 1) !== 0, mdav: (bits & 2) !== 0, edr: (bits & 4) !== 0 }),
);
// Copied to locals: under tsx each cross-module access is a getter call, and these are read per artifact.
const triggers: readonly Trigger[] = [...TRIGGERS];
const scanTypes: readonly (ScanType | undefined)[] = [undefined, ...SCAN_TYPES, undefined];

/** The signals of a facts word: one of eight shared objects. */
export function factsSignals(facts: number): Signals {
  return SIGNALS[facts & 7]!;
}

/** The trigger of a facts word. */
export function factsTrigger(facts: number): Trigger {
  return triggers[(facts >> 3) & 3]!;
}

/** The scan type of a facts word: `undefined` unless the trigger is a scan. */
export function factsScanType(facts: number): ScanType | undefined {
  return scanTypes[(facts >> 5) & 3];
}
