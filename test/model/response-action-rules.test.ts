import { describe, expect, it } from 'vitest';
import { checkResponseAction, isolationOutcome, ISOLATION_RETRY_MS } from '../../engine/model/response-action-rules.ts';

const device = (
  name: string,
  mode: 'active' | 'passive' | 'disabled' | 'not-installed' = 'active',
  os = 'windows-11' as const,
) => ({
  name,
  os,
  mode,
});

describe('checkResponseAction — manual response actions and their limits (§6.4)', () => {
  it('T82: should allow isolating a device whose Defender Antivirus is passive', () => {
    const check = checkResponseAction({ action: 'Isolate device', license: 'plan-2', devices: [device('pc', 'passive')] });
    expect(check.devices).toMatchObject([{ allowed: true, reason: { cite: 'T82' } }]);
  });

  it('T83: should refuse stop and quarantine on a device with Defender Antivirus disabled or not installed, not on passive', () => {
    const check = checkResponseAction({
      action: 'Stop and quarantine file',
      license: 'plan-2',
      devices: [device('a', 'disabled'), device('b', 'not-installed'), device('c', 'passive')],
    });
    expect(check.allowed).toBe(true);
    expect(check.devices.map((d) => [d.name, d.allowed])).toEqual([
      ['a', false],
      ['b', false],
      ['c', true],
    ]);
    expect(check.devices[0]?.reason.cite).toBe('T83');
  });

  it('T84: should refuse stop and quarantine on 1,200 devices and accept exactly 1,000', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => device(`d${i}`));
    const refused = checkResponseAction({ action: 'Stop and quarantine file', license: 'plan-2', devices: many(1_200) });
    expect(refused).toMatchObject({ allowed: false, reason: { code: 'response-too-many-devices', cite: 'T84' } });
    expect(checkResponseAction({ action: 'Stop and quarantine file', license: 'plan-2', devices: many(1_000) }).allowed).toBe(
      true,
    );
  });

  it('should give Plan 1 only run AV scan, isolate and stop and quarantine', () => {
    for (const action of ['Run antivirus scan', 'Isolate device', 'Stop and quarantine file'] as const)
      expect(checkResponseAction({ action, license: 'plan-1', devices: [device('pc')] }).allowed, action).toBe(true);
    for (const action of ['Collect investigation package', 'Restrict code execution'] as const)
      expect(checkResponseAction({ action, license: 'plan-1', devices: [device('pc')] }).reason.code, action).toBe(
        'response-plan-1',
      );
  });

  it('should refuse restricting app execution before Server 2019', () => {
    const check = checkResponseAction({
      action: 'Restrict code execution',
      license: 'plan-2',
      devices: [{ name: 's', os: 'server-2016', mode: 'active' }],
    });
    expect(check.devices[0]?.allowed).toBe(false);
  });
});

describe('isolationOutcome — an offline device is retried for up to 3 days (T82)', () => {
  it('should isolate when the device comes online within 3 days, and fail at the end of the window otherwise', () => {
    expect(isolationOutcome(100, undefined, 50_000)).toEqual({ status: 'Pending' });
    expect(isolationOutcome(100, 100 + ISOLATION_RETRY_MS, 100 + ISOLATION_RETRY_MS)).toEqual({
      status: 'Completed',
      at: 100 + ISOLATION_RETRY_MS,
    });
    expect(isolationOutcome(100, 101 + ISOLATION_RETRY_MS, 200 + ISOLATION_RETRY_MS)).toEqual({
      status: 'Failed',
      at: 100 + ISOLATION_RETRY_MS,
    });
    expect(isolationOutcome(100, 0, 100)).toEqual({ status: 'Completed', at: 100 });
  });
});
