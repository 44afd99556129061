// Probes from the policies' entries: inside and just outside a folder, a wildcard instance, an extension, an opener, a hash.
import { describe, expect, it } from 'vitest';
import { deriveProbes, distinctDevices, probeSeeds } from '../../engine/diff/derive-probes.ts';
import { scenarioFrom } from './diff-fixture.ts';

const lists = (paths: string[], extensions: string[] = [], processes: string[] = []) => ({
  exclusions: { paths, extensions, processes },
});

describe('probeSeeds', () => {
  it('should place files inside a folder, deeper inside and just outside, with every wildcard instantiated', () => {
    expect(probeSeeds([lists(['C:\\Users\\*\\AppData\\Local\\Temp\\'])]).map((seed) => seed.path)).toEqual([
      'c:\\users\\probe\\appdata\\local\\edrsim-probe.exe',
      'c:\\users\\probe\\appdata\\local\\temp-outside\\edrsim-probe.exe',
      'c:\\users\\probe\\appdata\\local\\temp\\edrsim-probe.exe',
      'c:\\users\\probe\\appdata\\local\\temp\\sub\\edrsim-probe.exe',
    ]);
  });

  it('should ask about an extension, an opening process and a file hash', () => {
    const seeds = probeSeeds([
      { ...lists([], ['log'], ['agent.exe']), indicators: [{ type: 'FileSha256', value: 'A'.repeat(64), action: 'Block' }] },
    ]);
    expect(seeds).toEqual([
      { key: 'e|log', path: 'C:\\Users\\Public\\Downloads\\edrsim-probe.log' },
      {
        key: `i|sha256|${'a'.repeat(64)}`,
        path: 'C:\\Users\\Public\\Downloads\\edrsim-probe.exe',
        hash: { sha256: 'a'.repeat(64) },
      },
      {
        key: 'p|C:\\Program Files\\Probe\\agent.exe',
        path: 'C:\\Users\\Public\\Downloads\\edrsim-probe.exe',
        process: 'C:\\Program Files\\Probe\\agent.exe',
      },
    ]);
  });
});

describe('deriveProbes', () => {
  it('should run each probe once per distinct device configuration, with each trigger that matters', () => {
    const fleet = scenarioFrom({
      name: 'three laptops, two configurations',
      devices: [
        { name: 'ws-1', os: 'windows-11' },
        { name: 'ws-2', os: 'windows-11' },
        { name: 'ws-3', os: 'windows-11', primaryAv: 'non-microsoft' },
      ],
    });
    expect(distinctDevices(fleet.devices, []).map((device) => device.name)).toEqual(['ws-1', 'ws-3']);
    const { probes, dropped } = deriveProbes(fleet, [lists([], ['log'])]);
    expect(dropped).toBe(0);
    expect(probes.map((probe) => `${probe.device} ${probe.trigger} ${probe.class}`)).toEqual([
      'ws-1 on-access malicious',
      'ws-1 scheduled-scan malicious',
      'ws-1 behavior malicious',
      'ws-3 on-access malicious',
      'ws-3 scheduled-scan malicious',
      'ws-3 behavior malicious',
    ]);
  });
});
