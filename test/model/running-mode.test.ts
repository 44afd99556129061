import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFLICT_SETTINGS } from '../../engine/core/config.ts';
import { runningMode } from '../../engine/model/running-mode.ts';

describe('runningMode — §3.6 AMRunningMode', () => {
  it('T19: should print EDR Block Mode for passive with block mode effective', () => {
    expect(runningMode('passive', true)).toBe('EDR Block Mode');
  });

  it('T03: should print Passive Mode (never "Passive", C2) for passive without block mode', () => {
    expect(runningMode('passive', false)).toBe('Passive Mode');
  });

  it('T20: should print Normal for active with block mode effective by default (C3, FAQ)', () => {
    expect(runningMode('active', true)).toBe('Normal');
  });

  it('C3: should print EDR Block Mode for active with block mode effective under the mdav-win reading, Normal without it', () => {
    const mdavWin = { ...DEFAULT_CONFLICT_SETTINGS, activeRunningMode: 'EDR Block Mode' as const };
    expect(runningMode('active', true, mdavWin)).toBe('EDR Block Mode');
    expect(runningMode('active', false, mdavWin)).toBe('Normal');
  });

  it.each(['disabled', 'not-installed'] as const)('should print Not running when MDAV is %s (§9 inference)', (mode) => {
    expect(runningMode(mode, true)).toBe('Not running');
  });
});
