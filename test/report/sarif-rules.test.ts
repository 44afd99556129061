// The SARIF rules of edrsim's findings: one per issue code and expectation kind, texts fixed, cite keys and no URLs.
import { describe, expect, it } from 'vitest';
import { expectationRule, issueRule } from '../../engine/report/sarif-rules.ts';

describe('SARIF rules', () => {
  it('should give every issue code a rule whose texts never come from one finding', () => {
    const rule = issueRule('bad_duration');
    expect(rule).toMatchObject({ id: 'bad_duration', level: 'error' });
    expect(rule.shortDescription).toContain('bad duration');
    expect(issueRule('some_new_warning', 'warning').level).toBe('warning');
  });

  it('should carry the cite key of a lint rule for the citation registry, and no URL', () => {
    expect(issueRule('exclusion_temp_folder', 'warning')).toMatchObject({ cite: 'excl-mistakes', level: 'warning' });
    expect(JSON.stringify(issueRule('exclusion_temp_folder'))).not.toMatch(/https?:/);
  });

  it('should name a failed expectation rule by its kind', () => {
    expect(expectationRule('device')).toMatchObject({ id: 'expect.device', level: 'error' });
    expect(expectationRule('device').fullDescription).toContain('running mode');
  });
});
