// Intune policy exports and the indicators API JSON through the CLI: check-exclusion --policy, validate, and a walked folder.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

const SOURCES = new URL('../../scenario/fixtures/sources/', import.meta.url);
const scratch = mkdtempSync(join(tmpdir(), 'edrsim-sources-'));
cpSync(SOURCES, scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('edrsim check-exclusion --policy with an Intune policy export', () => {
  it('should check against the policy lists and name the settings it ignores on stderr', async () => {
    const excluded = await runCli(['check-exclusion', 'C:\\BuildAgent\\work\\a.dll', '--policy', 'av-exclusions.json'], scratch);
    expect(excluded.code).toBe(0);
    expect(excluded.stdout).toContain('excluded by ExclusionPath entry 1: `C:\\BuildAgent\\work`');
    expect(excluded.stderr).toContain('av-exclusions.json:55:26');
    expect(excluded.stderr).toContain('allowrealtimemonitoring" is ignored');
    const other = await runCli(['check-exclusion', 'C:\\Other\\a.dll', '--policy', 'av-exclusions.json'], scratch);
    expect(other.code).toBe(1);
  });

  it('should exit 2 with file:line:col for a bad setting in the export', async () => {
    const cloud = 'device_vendor_msft_policy_config_defender_allowcloudprotection';
    writeFileSync(
      join(scratch, 'bad-intune.json'),
      `{ "name": "p", "settings": [\n  { "settingInstance": { "settingDefinitionId": "${cloud}", "choiceSettingValue": { "value": "${cloud}_9" } } }\n] }`,
    );
    const result = await runCli(['check-exclusion', 'C:\\x', '--policy', 'bad-intune.json'], scratch);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad-intune\.json:2:\d+ .*allowcloudprotection has the value/);
  });
});

describe('edrsim validate and run with the new sources', () => {
  it('should run the scenario that takes its policy from Intune, a local admin and the API', async () => {
    const result = await runCli(['run', 'fleet-policy.yaml'], scratch);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 scenario: 1 passed, 0 failed');
    const checked = await runCli(['validate', 'fleet-policy.yaml'], scratch);
    expect(checked.code).toBe(0);
    // One line per conflict, at the second policy that sets it (Intune reports a conflict, the device gets neither).
    expect(checked.stderr).toContain(
      'av-additional.json:60:30 value[1].settings[0]: cloudProtection conflicts: policy "AV - Build servers" sets true, policy "AV - Cloud off (lab)" sets false; the device gets neither',
    );
  });

  it('should say how to import an export named as a scenario', async () => {
    const intune = await runCli(['validate', 'av-additional.json'], scratch);
    expect(intune.code).toBe(2);
    expect(intune.stderr).toContain(
      'this is an Intune policy export; import it with `devices[].intune: { from: av-additional.json }`',
    );
    const api = await runCli(['validate', 'api-indicators.json'], scratch);
    expect(api.stderr).toContain('this is an indicators API export; import it with `indicators: { from: api-indicators.json }`');
  });
});
