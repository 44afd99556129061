// `edrsim run --format json`: every key the contract names (§4), errors in JSON, byte-for-byte determinism.
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

type Json = Record<string, unknown>;

async function runJson(...argv: string[]): Promise<{ code: number; document: Json; stdout: string; stderr: string }> {
  const result = await runCli(['run', ...argv, '--format', 'json']);
  return { ...result, document: JSON.parse(result.stdout) as Json };
}

const scenarioOf = (document: Json, index = 0) => (document['scenarios'] as Json[])[index] as Json;
const records = (scenario: Json, key: string) => scenario[key] as Json[];

describe('edrsim run --format json', () => {
  it('should give a cited expectation its sources (title, link) beside the cite, keeping the cite', async () => {
    const expectations = records(scenarioOf((await runJson('fail.yaml')).document), 'expectations');
    const cited = expectations.find((expectation) => expectation['cite'] === '§3.1');
    expect(cited?.['sources']).toEqual(
      expect.arrayContaining([
        {
          source: 'edr-bm',
          kind: 'page',
          title: 'Endpoint detection and response in block mode',
          url: expect.stringMatching(/edr-in-block-mode$/),
        },
      ]),
    );
    expect(Object.keys(cited ?? {})).toEqual(['name', 'passed', 'message', 'cite', 'sources', 'details']);
  });

  it('should print one object with scenarios and a summary, and nothing else on stdout', async () => {
    const { code, document, stderr } = await runJson('pass.yaml', 'fail.yaml');
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(Object.keys(document)).toEqual(['scenarios', 'summary']);
    expect(document['summary']).toEqual({ scenarios: 2, passed: 1, failed: 1 });
  });

  it('should give each scenario its name, file, seed, passed and every record section', async () => {
    const scenario = scenarioOf((await runJson('records.yaml')).document);
    expect(scenario).toMatchObject({ name: 'Records for every report section', file: 'records.yaml', seed: 11, passed: true });
    for (const key of ['devices', 'verdicts', 'actionCenter', 'alerts', 'recommendations', 'changes', 'expectations']) {
      expect(Array.isArray(scenario[key]), key).toBe(true);
    }
  });

  it('should describe each device with mode, runningMode and edrBlockMode { effective, reasons } at the end of the run', async () => {
    const devices = records(scenarioOf((await runJson('pass.yaml')).document), 'devices');
    expect(devices).toHaveLength(1);
    const [device] = devices;
    expect(device).toMatchObject({
      name: 'ws-01',
      mode: 'passive',
      runningMode: 'EDR Block Mode',
      edrBlockMode: { effective: true },
    });
    const reasons = (device?.['edrBlockMode'] as Json)['reasons'] as Json[];
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(Object.keys(reason)).toEqual(['code', 'message']);
  });

  it('should give each verdict artifact, device, at, outcome, by, detectionStatus, actionCenter and ordered reasons', async () => {
    const verdicts = records(scenarioOf((await runJson('records.yaml')).document), 'verdicts');
    expect(verdicts.map((v) => v['artifact'])).toEqual(['comma', 'plain', 'later']);
    const first = verdicts[0]!;
    expect(first).toMatchObject({
      artifact: 'comma',
      device: 'ws-01',
      at: '1m',
      outcome: 'blocked',
      by: 'edr-block-mode',
      detectionStatus: 'Blocked',
      actionCenter: true,
    });
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(['artifact', 'device', 'at', 'outcome', 'by', 'detectionStatus', 'actionCenter', 'reasons']),
    );
    const reasons = first['reasons'] as Json[];
    for (const reason of reasons) expect(Object.keys(reason)).toEqual(['layer', 'code', 'message']);
    // §2: one reason per layer that looked at it, in the order the layers look (the indicator step last, §5.4).
    expect(reasons.map((r) => r['layer'])).toEqual(['primary-av', 'mdav', 'edr-sensor', 'edr-block-mode', 'indicator']);
    expect(verdicts[2]).toMatchObject({
      artifact: 'later',
      outcome: 'missed',
      by: 'none',
      detectionStatus: 'none',
      actionCenter: false,
    });
  });

  // Issue 14: what a diff of two runs needs to pair and name the artifacts, in a fixed key order.
  it('should give each verdict its path, sha256 when given, threat and technique when given, and an ISO time beside at', async () => {
    const [comma, plain, later] = records(scenarioOf((await runJson('records.yaml')).document), 'verdicts');
    expect(Object.keys(comma!)).toEqual([
      'artifact',
      'device',
      'at',
      'time',
      'path',
      'threat',
      'technique',
      'class',
      'outcome',
      'by',
      'detectionStatus',
      'actionCenter',
      'reasons',
    ]);
    // The scenario starts at the default start, 2026-01-05T09:00:00.000Z: `at` 1m is one minute later.
    expect(comma).toMatchObject({
      at: '1m',
      time: '2026-01-05T09:01:00.000Z',
      path: 'C:\\Users\\mark\\Reports, 2026\\payload.exe',
      threat: 'Behavior:Win32/Execution.A!ml',
      technique: 'T1204.002',
    });
    expect(plain).toMatchObject({
      time: '2026-01-05T09:02:00.000Z',
      sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    });
    expect(Object.keys(plain!).slice(0, 6)).toEqual(['artifact', 'device', 'at', 'time', 'path', 'sha256']);
    expect(later).toMatchObject({ at: '50m', time: '2026-01-05T09:50:00.000Z', path: 'C:\\Users\\ann\\Documents\\notes.txt' });
    expect(Object.keys(later!)).not.toContain('threat');
  });

  it('should give each Action Center entry id, time, device, actionType, actionSource, entity, status and detectionStatus', async () => {
    const entries = records(scenarioOf((await runJson('records.yaml')).document), 'actionCenter');
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual(
        expect.arrayContaining(['id', 'time', 'device', 'actionType', 'actionSource', 'entity', 'status', 'detectionStatus']),
      );
      for (const value of Object.values(entry)) expect(typeof value).toBe('string');
    }
    expect(entries[0]).toMatchObject({
      time: '2026-01-05T09:01:00.000Z',
      device: 'ws-01',
      entity: 'C:\\Users\\mark\\Reports, 2026\\payload.exe',
      status: 'Completed',
      detectionStatus: 'Blocked',
    });
  });

  it('should list alerts and recommendations', async () => {
    const scenario = scenarioOf((await runJson('records.yaml')).document);
    expect(records(scenario, 'alerts').map((a) => [a['device'], a['detectionStatus']])).toEqual([
      ['ws-01', 'Blocked'],
      ['ws-02', 'Blocked'],
    ]);
    // §3.10: after the 30-minute disable window both passive devices are recommended to turn block mode on.
    expect(records(scenario, 'recommendations').map((r) => [r['device'], r['id']])).toEqual([
      ['ws-01', 'turn-on-edr-block-mode'],
      ['ws-02', 'turn-on-edr-block-mode'],
    ]);
  });

  it('should record each change with at, by and status applied or refused', async () => {
    const changes = records(scenarioOf((await runJson('records.yaml')).document), 'changes');
    expect(changes.map((c) => ({ at: c['at'], by: c['by'], status: c['status'] }))).toEqual([
      { at: '10m', by: 'li.wei', status: 'refused' },
      { at: '12m', by: 'dana', status: 'applied' },
    ]);
  });

  it('should give each expectation passed and a message, with details when it failed', async () => {
    const expectations = records(scenarioOf((await runJson('fail.yaml')).document), 'expectations');
    expect(expectations).toHaveLength(1);
    expect(expectations[0]).toMatchObject({
      name: 'artifact a1: outcome missed',
      passed: false,
      message: expect.stringContaining('artifact a1: outcome missed'),
      cite: '§3.1',
    });
    expect((expectations[0]?.['details'] as string[]).length).toBeGreaterThan(0);
  });

  it('should list invalid input in the JSON as errors with file, line, column and path, and count invalid files in the summary', async () => {
    const { code, document, stderr } = await runJson('pass.yaml', 'invalid/unknown-device.yaml', 'invalid/bad-exclusion.yaml');
    expect(code).toBe(2);
    expect(document['summary']).toEqual({ scenarios: 1, passed: 1, failed: 0, invalid: 2 });
    const errors = document['errors'] as Json[];
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatchObject({
      code: 'unknown_device',
      file: 'invalid/unknown-device.yaml',
      line: 6,
      column: 33,
      path: ['timeline', 0, 'artifact', 'device'],
    });
    for (const error of errors)
      expect(Object.keys(error)).toEqual(expect.arrayContaining(['code', 'message', 'file', 'line', 'column', 'path']));
    // The same problems on stderr, so a redirected report does not hide them.
    expect(stderr).toContain('invalid/unknown-device.yaml:6:33');
    expect(stderr).toContain('3 errors');
  });

  it('should print the same bytes twice, for a generated fleet too', async () => {
    const first = await runCli(['run', 'fleet.yaml', 'records.yaml', '--format', 'json']);
    const second = await runCli(['run', 'fleet.yaml', 'records.yaml', '--format', 'json']);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const fleet = scenarioOf(JSON.parse(first.stdout) as Json);
    // §4: JSON never summarises: every generated artifact has its verdict.
    expect(records(fleet, 'verdicts')).toHaveLength(300);
    expect(records(fleet, 'devices')).toHaveLength(25);
  });

  it('should change the generated run when the seed changes', async () => {
    const first = await runCli(['run', 'fleet.yaml', '--format', 'json']);
    const reseeded = await runCli(['run', 'fleet.yaml', '--format', 'json', '--set', 'seed=43']);
    expect(reseeded.code).toBe(0);
    expect(reseeded.stdout).not.toBe(first.stdout);
  });
});
