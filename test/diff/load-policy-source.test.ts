// A diff side may be any policy format edrsim imports: each is recognised by its own recogniser and read by its own importer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicySource } from '../../engine/diff/load-policy-source.ts';
import { importIndicatorApi } from '../../engine/policy/indicators/index.ts';
import { importIntuneExclusions } from '../../engine/policy/load-policy-sources.ts';

const INTUNE = 'test/policy/intune/fixtures/av-exclusions.json';
const API = 'test/policy/indicators/fixtures/api-indicators.json';

describe('loadPolicySource', () => {
  it('should read an Intune policy export as its merged exclusion lists, as the Intune importer reads them', () => {
    const loaded = loadPolicySource(INTUNE);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const imported = importIntuneExclusions(readFileSync(INTUNE, 'utf8'));
    if (!imported.ok) throw new Error('fixture does not import');
    expect(loaded.value.policy.what).toBe('an Intune policy export');
    expect(loaded.value.policy.exclusions?.paths).toEqual(imported.value.paths);
    expect(loaded.value.policy.exclusions?.paths.length).toBeGreaterThan(0);
    expect(loaded.value.scenario).toBeUndefined();
  });

  it('should read an indicators API export as its indicators', () => {
    const loaded = loadPolicySource(API);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    expect(loaded.value.policy.what).toBe('an indicators API export');
    expect(loaded.value.policy.indicators).toEqual(importIndicatorApi(readFileSync(API, 'utf8')).indicators);
    expect(loaded.value.policy.indicators?.length).toBe(3);
  });

  it('should refuse a bad indicators API export at its file, with the importer issues', () => {
    const loaded = loadPolicySource('test/policy/indicators/fixtures/api-bad-indicators.json');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.issues.length).toBeGreaterThan(0);
    expect(loaded.issues.every((issue) => issue.file !== undefined)).toBe(true);
  });
});
