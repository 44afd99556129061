import { describe, expect, it } from 'vitest';
import { INDICATOR_NOT_CONSULTED_IN_BLOCK_MODE, indicatorsHonoured } from '../../../engine/policy/indicators/index.ts';

const active = { mode: 'active', allowOrBlockFile: true, cloudProtection: true, platform: '4.18.24090.11' } as const;
const codes = (input: Parameters<typeof indicatorsHonoured>[0]) => indicatorsHonoured(input).reasons.map((r) => r.code);

describe('indicatorsHonoured', () => {
  it('should honour file indicators on an active device that meets every prerequisite', () => {
    expect(indicatorsHonoured(active)).toEqual({
      honoured: true,
      reasons: [expect.objectContaining({ code: 'honoured', cite: '§5.2' })],
    });
  });

  it('should never honour indicators in passive mode (T47, T35)', () => {
    expect(indicatorsHonoured({ ...active, mode: 'passive' }).honoured).toBe(false);
    expect(codes({ ...active, mode: 'passive' })).toEqual(['mdav-passive']);
  });

  it.each(['disabled', 'not-installed'] as const)('should not honour indicators when MDAV is %s', (mode) => {
    expect(codes({ ...active, mode })).toEqual([`mdav-${mode}`]);
  });

  it('should make blocking unavailable when "Allow or block file" is off (T48)', () => {
    expect(indicatorsHonoured({ ...active, allowOrBlockFile: false })).toMatchObject({
      honoured: false,
      reasons: [{ code: 'allow-or-block-file-off' }],
    });
  });

  it('should not need "Allow or block file" for certificate indicators', () => {
    expect(indicatorsHonoured({ ...active, allowOrBlockFile: false, kind: 'certificate' }).honoured).toBe(true);
  });

  it('should list every unmet prerequisite at once', () => {
    expect(
      codes({
        mode: 'passive',
        allowOrBlockFile: false,
        cloudProtection: false,
        platform: '4.18.1812.3',
        os: 'server-2016',
        serverAgent: 'legacy',
      }),
    ).toEqual(['mdav-passive', 'allow-or-block-file-off', 'cloud-protection-off', 'client-too-old', 'legacy-server-agent']);
  });

  it('should accept client 4.18.1901.x exactly and refuse an unreadable version', () => {
    expect(indicatorsHonoured({ ...active, platform: '4.18.1901.7' }).honoured).toBe(true);
    expect(codes({ ...active, platform: 'four' })).toEqual(['client-unknown']);
  });

  it('should honour indicators on Server 2016 with the unified agent', () => {
    expect(indicatorsHonoured({ ...active, os: 'server-2016', serverAgent: 'unified' }).honoured).toBe(true);
  });
});

describe('INDICATOR_NOT_CONSULTED_IN_BLOCK_MODE', () => {
  it('should be the reason the pipeline quotes when EDR in block mode decides (§3.8)', () => {
    expect(INDICATOR_NOT_CONSULTED_IN_BLOCK_MODE).toEqual({
      layer: 'indicator',
      code: 'not-consulted',
      message: 'indicator not consulted: EDR in block mode ignores indicators',
      cite: '§3.8',
    });
  });
});
