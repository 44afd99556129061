import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFLICT_SETTINGS, deviceWithDefaults, type ServerAgent } from '../../engine/core/config.ts';
import type { MdavMode, OsName } from '../../engine/core/vocabulary.ts';
import { supportedOsRequirement } from '../../engine/model/supported-os-requirement.ts';

const met = (os: OsName, serverAgent: ServerAgent, mode: MdavMode, reading: 'current' | '2021') =>
  supportedOsRequirement(deviceWithDefaults({ name: 's', os, serverAgent }), mode, {
    ...DEFAULT_CONFLICT_SETTINGS,
    server2016BlockMode: reading,
  }).met;

describe('supportedOsRequirement — §3.2 and C1', () => {
  // [os, agent, mode, current reading, 2021 reading]
  const TABLE: [OsName, ServerAgent, MdavMode, boolean, boolean][] = [
    ['windows-10', 'unified', 'passive', true, true],
    ['windows-11', 'unified', 'passive', true, true],
    ['server-1803', 'legacy', 'passive', true, true],
    ['server-2019', 'unified', 'passive', true, true],
    ['server-2025', 'unified', 'active', true, true],
    ['server-2016', 'unified', 'passive', true, false],
    ['server-2016', 'unified', 'active', true, true],
    ['server-2016', 'legacy', 'active', true, true],
    ['server-2016', 'legacy', 'passive', false, false],
    ['server-2012-r2', 'unified', 'passive', true, false],
    ['server-2012-r2', 'unified', 'active', true, false],
    ['server-2012-r2', 'legacy', 'active', false, false],
  ];

  it.each(TABLE)('C1: %s with the %s agent, MDAV %s → current %s, 2021 %s', (os, agent, mode, current, of2021) => {
    expect(met(os, agent, mode, 'current')).toBe(current);
    expect(met(os, agent, mode, '2021')).toBe(of2021);
  });

  it('should cite C1 when the legacy agent rule decides', () => {
    const requirement = supportedOsRequirement(
      deviceWithDefaults({ name: 's', os: 'server-2016', serverAgent: 'legacy' }),
      'passive',
      DEFAULT_CONFLICT_SETTINGS,
    );
    expect(requirement.reason).toMatchObject({ code: 'os-not-supported', cite: '§7 C1' });
  });
});
