// Deterministic ids shaped like Defender's: alert ids, machine ids and GUIDs.
import { describe, expect, it } from 'vitest';
import { alertIdOf, guidOf, machineIdOf, recordScope } from '../../engine/report/record-ids.ts';

const SCOPE = recordScope({ name: 'Blocked, prevented, detected', seed: 7 });
const START = Date.UTC(2026, 0, 5, 9);

describe('alertIdOf', () => {
  it('should be shaped like the API example da637472900382838869_1364969609: da, .NET ticks of its creation, _, a signed 32-bit number', () => {
    const id = alertIdOf(SCOPE, 1, START);
    expect(id).toMatch(/^da\d{18}_-?\d{1,10}$/);
    // alert-api's example id da637472900382838869_… was created 2021-01-26T20:33:58Z: the ticks read back to it.
    const ticks = Number(/^da(\d+)_/.exec(alertIdOf(SCOPE, 1, Date.UTC(2021, 0, 26, 20, 33, 58)))![1]!.slice(0, -4));
    expect(ticks - 62_135_596_800_000).toBe(Date.UTC(2021, 0, 26, 20, 33, 58));
    expect(id.startsWith('da6390320040000000')).toBe(true);
  });

  it('should never repeat within a scenario, even for alerts at the same instant', () => {
    const ids = new Set<string>();
    for (let ordinal = 1; ordinal <= 20_000; ordinal++) ids.add(alertIdOf(SCOPE, ordinal, START));
    expect(ids.size).toBe(20_000);
  });

  it('should give the same id for the same scenario, seed and alert, and another for another seed', () => {
    expect(alertIdOf(SCOPE, 3, START)).toBe(alertIdOf(recordScope({ name: 'Blocked, prevented, detected', seed: 7 }), 3, START));
    expect(alertIdOf(recordScope({ name: 'Blocked, prevented, detected', seed: 8 }), 3, START)).not.toBe(
      alertIdOf(SCOPE, 3, START),
    );
  });
});

describe('machineIdOf and guidOf', () => {
  it('should give a machine id of 40 lowercase hex digits, like a SHA-1, per scenario and device', () => {
    const id = machineIdOf(SCOPE, 'ws-01');
    expect(id).toMatch(/^[0-9a-f]{40}$/);
    expect(machineIdOf(SCOPE, 'ws-01')).toBe(id);
    expect(machineIdOf(SCOPE, 'ws-02')).not.toBe(id);
    expect(machineIdOf(recordScope({ name: 'other', seed: 7 }), 'ws-01')).not.toBe(id);
  });

  it('should give a GUID shaped like the machine action example 5382f7ea-7557-4ab7-9782-d50480024a4e', () => {
    const guid = guidOf(SCOPE, 'action:1');
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(guidOf(SCOPE, 'action:1')).toBe(guid);
    expect(guidOf(SCOPE, 'action:2')).not.toBe(guid);
  });
});
