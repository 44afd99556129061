/** The complete example in scenarios/README.md is a real scenario: it loads and every expectation holds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../engine/core/issue.ts';
import { POLICY_LOAD_OPTIONS, runScenario } from '../../engine/run-scenario.ts';
import { loadScenario } from '../../engine/scenario/index.ts';

const readme = readFileSync(new URL('../../scenarios/README.md', import.meta.url), 'utf8');
const example = readme.split('### A complete example')[1]?.match(/```yaml\n([\s\S]*?)```/)?.[1] ?? '';

const topReadme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const tenLines = topReadme.split('## Ten lines')[1]?.match(/```yaml\n([\s\S]*?)```/)?.[1] ?? '';

/** §4.4: the complete example excludes a Temp folder to show the lint's warning; it shows no other. */
const WARNED_ON_PURPOSE = ['exclusion_temp_folder'];

describe('README.md', () => {
  it('should hold a ten-line example that loads without warnings and passes', () => {
    const loaded = loadScenario(tenLines, 'README.yaml', POLICY_LOAD_OPTIONS);
    expect(loaded.ok ? formatIssues(loaded.value.warnings) : formatIssues(loaded.issues)).toBe('');
    if (!loaded.ok) return;
    const report = runScenario(loaded.value);
    expect(report.expectations.map((e) => e.passed)).toEqual([true]);
  });
});

describe('scenarios/README.md', () => {
  it('should hold a complete example that loads, warns only where it means to, and passes', () => {
    const loaded = loadScenario(example, 'README example.yaml', POLICY_LOAD_OPTIONS);
    // Warnings the example shows on purpose (the §4.4 lint on a Temp-folder exclusion) are listed; nothing else.
    expect(loaded.ok ? loaded.value.warnings.map((warning) => warning.code) : formatIssues(loaded.issues)).toEqual(WARNED_ON_PURPOSE);
    if (!loaded.ok) return;
    const report = runScenario(loaded.value);
    expect(report.expectations.filter((e) => !e.passed).map((e) => e.message)).toEqual([]);
    expect(report.expectations.length).toBeGreaterThanOrEqual(6);
  });
});
