// The entry-level delta and BASE with changes applied: the whole delta gives HEAD's entries back.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFLICT_SETTINGS } from '../../engine/core/config.ts';
import { alignSides, applyChanges, policyDelta } from '../../engine/diff/policy-delta.ts';
import type { DiffPolicy } from '../../engine/diff/diff-policy.ts';

const tenant = { edrBlockMode: true, allowOrBlockFile: true, deviceGroups: [] };
const base: DiffPolicy = {
  source: 'base',
  what: 'a scenario file',
  text: '',
  tenant,
  settings: DEFAULT_CONFLICT_SETTINGS,
  exclusions: { paths: ['C:\\Data\\', 'C:\\Temp\\'], extensions: [], processes: [] },
  indicators: [{ type: 'FileSha256', value: 'A'.repeat(64), action: 'Audit' }],
  deviceExclusions: { 'ws-01': { paths: [], extensions: ['log'], processes: [] } },
};
const head: DiffPolicy = {
  ...base,
  source: 'head',
  tenant: { ...tenant, edrBlockMode: false, deviceGroups: [{ name: 'Servers', rank: 1, match: { os: ['server-2022'] } }] },
  settings: { ...DEFAULT_CONFLICT_SETTINGS, trailingStar: 'folder' },
  exclusions: { paths: ['C:\\Data\\'], extensions: ['obj'], processes: [] },
  indicators: [
    { type: 'FileSha256', value: 'a'.repeat(64), action: 'BlockAndRemediate', expirationTime: '2030-01-01T00:00:00Z' },
    { type: 'FileSha1', value: 'b'.repeat(40), action: 'Allowed' },
  ],
  deviceExclusions: { 'ws-01': { paths: [], extensions: [], processes: [] } },
};

describe('policyDelta', () => {
  it('should list each entry-level change once, with ids and titles', () => {
    expect(policyDelta(base, head).map((change) => `${change.id} ${change.title}`)).toEqual([
      'c1 tenant edrBlockMode: true -> false',
      'c2 device group added: Servers',
      'c3 setting trailingStar: literal -> folder',
      'c4 path exclusion removed: C:\\Temp\\',
      'c5 extension exclusion added: obj',
      `c6 indicator changed: FileSha256 ${'a'.repeat(64)} (action, expirationTime)`,
      `c7 indicator added: FileSha1 ${'b'.repeat(40)}`,
      'c8 extension exclusion removed on device ws-01: log',
    ]);
  });

  it('should give HEAD back when every change is applied to BASE, and BASE when none is', () => {
    const all = applyChanges(base, policyDelta(base, head));
    expect(policyDelta(all, head)).toEqual([]);
    expect(policyDelta(applyChanges(base, []), base)).toEqual([]);
  });

  it('should see no change in a part only one side carries', () => {
    const exportOnly: DiffPolicy = { source: 'x', what: 'a Get-MpPreference export', text: '', exclusions: base.exclusions };
    const aligned = alignSides(exportOnly, head);
    expect(policyDelta(aligned.base, aligned.head).map((change) => change.kind)).toEqual([
      'exclusion-removed',
      'exclusion-added',
    ]);
  });
});
