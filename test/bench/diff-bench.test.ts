// bench/diff.bench.ts measures what it says: a diff with 10 changes over the generated artifacts, against one run of them.
import { describe, expect, it } from 'vitest';
import { runDiffBench } from '../../bench/diff.bench.ts';

describe('runDiffBench', () => {
  it('should diff the requested artifacts plus probes with 10 changes, and time both', () => {
    const result = runDiffBench({ artifacts: 400, repeat: 1 });
    expect(result.changes).toBe(10);
    expect(result.artifacts).toBe(400 + result.probes);
    expect(result.flipped).toBeGreaterThan(0);
    expect(result.ratio).toBe(result.diffMs / result.runMs);
  });
});
