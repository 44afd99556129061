/** A generated artifact's facts word gives back every signals, trigger and scan type combination it packs. */
import { describe, expect, it } from 'vitest';
import { FACTS, factsScanType, factsSignals, factsTrigger } from '../../../engine/pipeline/synth/artifact-facts.ts';
import { SCAN_TYPES, TRIGGERS } from '../../../engine/core/vocabulary.ts';

const TRIGGER_PARTS = {
  'on-access': FACTS.onAccess,
  'scheduled-scan': FACTS.scheduledScan,
  'on-demand-scan': FACTS.onDemandScan,
  behavior: FACTS.behavior,
};
const SCAN_PARTS = { none: 0, quick: FACTS.quick, full: FACTS.full };

describe('artifact facts', () => {
  it('should read back each of the signals, trigger and scan type it was packed from, for every combination', () => {
    const seen = new Set<number>();
    for (const trigger of TRIGGERS) {
      for (const scan of ['none', ...SCAN_TYPES] as const) {
        for (let bits = 0; bits < 8; bits++) {
          const signals = { primaryAv: (bits & 1) !== 0, mdav: (bits & 2) !== 0, edr: (bits & 4) !== 0 };
          const facts =
            TRIGGER_PARTS[trigger] |
            SCAN_PARTS[scan] |
            (signals.primaryAv ? FACTS.primaryAv : 0) |
            (signals.mdav ? FACTS.mdav : 0) |
            (signals.edr ? FACTS.edr : 0);
          expect([factsTrigger(facts), factsScanType(facts), factsSignals(facts)]).toEqual([
            trigger,
            scan === 'none' ? undefined : scan,
            signals,
          ]);
          // A small integer (a Smi in every V8 build), distinct per combination.
          expect(facts >= 0 && facts < 128).toBe(true);
          seen.add(facts);
        }
      }
    }
    expect(seen.size).toBe(TRIGGERS.length * (SCAN_TYPES.length + 1) * 8);
  });

  it('should hand out one shared, frozen signals object per combination: no allocation per artifact', () => {
    const mdav = factsSignals(FACTS.mdav | FACTS.behavior);
    expect(factsSignals(FACTS.mdav | FACTS.onDemandScan | FACTS.full)).toBe(mdav);
    expect(Object.isFrozen(mdav)).toBe(true);
    expect(Object.keys(mdav)).toEqual(['primaryAv', 'mdav', 'edr']);
  });
});
