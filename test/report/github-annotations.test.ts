// renderGithubAnnotations: one workflow command per finding, escaped so no string can end it or start another.
import { describe, expect, it } from 'vitest';
import { renderGithubAnnotations } from '../../engine/report/github-annotations.ts';
import type { SarifFinding } from '../../engine/report/sarif-input.ts';
import { expectationRule, issueRule } from '../../engine/report/sarif-rules.ts';

function annotate(findings: readonly SarifFinding[], relativePath?: (file: string) => string): string {
  const chunks: string[] = [];
  renderGithubAnnotations(
    {
      version: '1',
      rules: [issueRule('unknown_key'), issueRule('exclusion_temp_folder', 'warning'), expectationRule('artifact')],
      results: (emit) => findings.forEach(emit),
    },
    (chunk) => void chunks.push(chunk),
    relativePath === undefined ? {} : { relativePath },
  );
  return chunks.join('');
}

describe('renderGithubAnnotations', () => {
  it('should write ::error for an error and ::warning for a lint warning, with file, line, col and the rule as title', () => {
    expect(
      annotate([
        { ruleId: 'unknown_key', message: 'unknown key "nmae"', location: { file: 'a.yaml', line: 2, column: 1 } },
        { ruleId: 'exclusion_temp_folder', message: 'excludes a temp folder', location: { file: 'dir\\b.yaml', line: 9 } },
      ]),
    ).toBe(
      '::error file=a.yaml,line=2,col=1,title=Unknown key in a scenario (unknown_key)::unknown key "nmae"\n' +
        '::warning file=dir/b.yaml,line=9,title=Exclusion covers a temp folder (exclusion_temp_folder)::excludes a temp folder\n',
    );
  });

  it("should write a finding's own level, notice for a note, and no file for a finding without one", () => {
    expect(annotate([{ ruleId: 'unknown_key', level: 'note', message: 'm' }])).toBe(
      '::notice title=Unknown key in a scenario (unknown_key)::m\n',
    );
  });

  it('should make the file relative through the caller', () => {
    expect(annotate([{ ruleId: 'unknown_key', message: 'm', location: { file: 'a.yaml' } }], (file) => `sub/${file}`)).toMatch(
      /^::error file=sub\/a\.yaml,title=/,
    );
  });

  it('should keep each finding on one line whatever its strings hold: %, CR, LF encoded; : and , in properties too', () => {
    const hostile = 'a%0A\r\n::error file=x::pwned,b:c\u001b[31m\u202e';
    const out = annotate([
      { ruleId: 'expect.artifact', message: hostile, location: { file: `p,${hostile}.yaml`, line: 1, column: 1 } },
    ]);
    expect(out.split('\n')).toHaveLength(2);
    expect(out).toBe(
      '::error file=p%2Ca%250A\\u000d\\u000a%3A%3Aerror file=x%3A%3Apwned%2Cb%3Ac\\u001b[31m\\u202e.yaml,line=1,col=1,' +
        'title=Failed artifact expectation (expect.artifact)::a%250A\\u000d%0A::error file=x::pwned,b:c\\u001b[31m\\u202e\n',
    );
  });
});
