// The stream curve's peak RSS is the child's own: a forked process inherits its parent's RSS as its starting maxRSS.
import { platform } from 'node:os';
import { describe, expect, it } from 'vitest';
import { measureRun } from '../../bench/stream-run.ts';
import { runStreamChild } from '../../bench/stream-length.ts';

// Linux reads the child's own high-water mark from /proc; elsewhere the figure falls back to maxRSS (measure.ts).
describe.skipIf(platform() !== 'linux')("peak RSS of the bench's child processes", () => {
  it("should report the child's own peak, not the RSS its parent had when it forked it", async () => {
    // The parent holds 400 MB of touched memory; a child counting 2,000 artifacts peaks far below that.
    const held = Buffer.alloc(400 * 1024 * 1024, 1);
    const parentMb = process.memoryUsage().rss / 1024 / 1024;
    const result = await runStreamChild({ devices: 10, artifacts: 2_000, exclusions: 10, indicators: 10, seed: 7 });
    expect(held[held.length - 1]).toBe(1);
    expect(parentMb).toBeGreaterThan(450);
    expect(result.artifacts).toBe(2_000);
    expect(result.peakRssMb).toBeGreaterThan(result.baseRssMb - 1);
    expect(result.peakRssMb).toBeLessThan(parentMb - 200);
  }, 60_000);

  it('should report an `edrsim run` child its own peak too (the memory table of bench/README.md)', async () => {
    const held = Buffer.alloc(400 * 1024 * 1024, 1);
    const parentMb = process.memoryUsage().rss / 1024 / 1024;
    const file = new URL('../../scenarios/01-modes/01-passive-without-block-mode.yaml', import.meta.url).pathname;
    const row = await measureRun(file, 'text', 1);
    expect(held[0]).toBe(1);
    expect(row.exit).toBe(0);
    expect(row.peakRssMb).toBeGreaterThan(20);
    expect(row.peakRssMb).toBeLessThan(parentMb - 200);
  }, 60_000);
});
