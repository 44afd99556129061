// `edrsim explain`: one verdict layer by layer, or one device's status; exit 0, or 2 with a did-you-mean.
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

describe('edrsim explain --artifact', () => {
  it('should trace the verdict layer by layer and exit 0', async () => {
    const result = await runCli(['explain', 'pass.yaml', '--artifact', 'a1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^artifact a1 on ws-01 at 5m: /);
    expect(result.stdout).toMatch(/^ 1\. \[primary-av\] /m);
    expect(result.stdout).toContain('verdict: blocked by edr-block-mode, detection status Blocked, Action Center entry: yes');
  });

  it('should trace a generated artifact too', async () => {
    const run = JSON.parse((await runCli(['run', 'fleet.yaml', '--format', 'json'])).stdout) as {
      scenarios: { verdicts: { artifact: string; outcome: string }[] }[];
    };
    const generated = run.scenarios[0]?.verdicts[123];
    const result = await runCli(['explain', 'fleet.yaml', '--artifact', generated?.artifact ?? '?']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`verdict: ${generated?.outcome}`);
  });

  it('should exit 2 and suggest the closest id for an unknown artifact', async () => {
    const result = await runCli(['explain', 'pass.yaml', '--artifact', 'a2']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'edrsim explain: no artifact "a2" in pass.yaml — did you mean "a1"?\n',
    });
  });

  it('should list the closest ids when none is a plausible typo', async () => {
    const result = await runCli(['explain', 'records.yaml', '--artifact', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^edrsim explain: no artifact "nope" in records\.yaml; the closest ids are "[^"]+"(, "[^"]+"){0,4}\n$/,
    );
  });

  it('should list at most five of the generated ids, and quote what the user typed', async () => {
    const result = await runCli(['explain', 'fleet.yaml', '--artifact', '\u001b[2Jnope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^edrsim explain: no artifact "\\u001b\[2Jnope" in fleet\.yaml; the closest ids are ("[^"]+", ){4}"[^"]+"\n$/,
    );
  });
});

describe('edrsim explain --device', () => {
  it('should print Get-MpComputerStatus and the block-mode checklist at the end of the run', async () => {
    const result = await runCli(['explain', 'pass.yaml', '--device', 'ws-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^AMRunningMode +: EDR Block Mode$/m);
    expect(result.stdout).toContain('EDR in block mode: effective');
  });

  it('should give the state at --at, before a later change takes effect (§3.5: 30 minutes to disable)', async () => {
    const at = async (time: string) => (await runCli(['explain', 'records.yaml', '--device', 'ws-01', '--at', time])).stdout;
    expect(await at('20m')).toMatch(/^AMRunningMode +: EDR Block Mode$/m);
    expect(await at('45m')).toMatch(/^AMRunningMode +: Passive Mode$/m);
  });

  it('should exit 2 and suggest the closest name for an unknown device', async () => {
    const result = await runCli(['explain', 'pass.yaml', '--device', 'ws-1']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'edrsim explain: no device "ws-1" in pass.yaml — did you mean "ws-01"?\n',
    });
  });

  it('should exit 2 for an --at that is not a duration, showing the forms', async () => {
    const result = await runCli(['explain', 'pass.yaml', '--device', 'ws-01', '--at', 'noon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--at noon: "noon" is not a duration (use e.g. 25m, 1h, 00:25:00)');
  });
});

describe('edrsim explain usage', () => {
  it('should exit 2 unless exactly one of --artifact and --device is given', async () => {
    for (const extra of [[], ['--artifact', 'a1', '--device', 'ws-01']]) {
      const result = await runCli(['explain', 'pass.yaml', ...extra]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('edrsim explain: give exactly one of --artifact ID or --device NAME\n');
    }
  });

  it('should exit 2 for a folder instead of quietly explaining its first file', async () => {
    const result = await runCli(['explain', 'mixed', '--artifact', 'a1']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'edrsim explain: mixed is a folder; explain reads one scenario file\n',
    });
  });

  it('should exit 2 with the problems of an invalid scenario', async () => {
    const result = await runCli(['explain', 'invalid/duplicate-id.yaml', '--artifact', 'a1']);
    expect(result.code).toBe(2);
    // The frame only: the wording is pinned by test/scenario/invalid-files.test.ts.
    expect(result.stderr).toMatch(/^✖ invalid\/duplicate-id\.yaml:8:21 timeline\[1\]\.artifact\.id: \S/m);
  });

  it('should apply --set before explaining', async () => {
    const result = await runCli(['explain', 'pass.yaml', '--artifact', 'a1', '--set', 'tenant.edrBlockMode=false']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('verdict: detected');
  });
});
