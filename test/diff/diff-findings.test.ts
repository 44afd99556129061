// Weakening changes as SARIF findings at the entry's line in HEAD's file (BASE's for a removal).
import { describe, expect, it } from 'vitest';
import { diffFindings } from '../../engine/diff/diff-findings.ts';
import { runDiff } from '../../engine/diff/run-diff.ts';
import { renderDiffMarkdown } from '../../engine/diff/render-diff-markdown.ts';
import { scenarioFrom, side } from './diff-fixture.ts';

const fleet = scenarioFrom({
  name: 'one active laptop',
  devices: [{ name: 'ws-1', os: 'windows-11' }],
  timeline: [
    {
      at: '1m',
      artifact: {
        id: 'dropper',
        device: 'ws-1',
        class: 'malicious',
        kind: 'file',
        trigger: 'on-access',
        path: 'C:\\Temp\\x.exe',
        signals: { primaryAv: 'miss', mdav: 'detect', edr: 'miss' },
      },
    },
  ],
});

const HEAD_TEXT = "exclusions:\n  paths: ['C:\\Temp\\']\n  extensions: ['@team']\n";

function report() {
  const base = side('base.yaml', { paths: ['D:\\Old\\'], extensions: [], processes: [] });
  const head = { ...side('head.yaml', { paths: ['C:\\Temp\\'], extensions: ['@team'], processes: [] }), text: HEAD_TEXT };
  const result = runDiff({ ...base, text: "paths: ['D:\\Old\\']\n" }, head, [fleet], { generate: 0 });
  if (!result.ok) throw new Error('diff failed');
  return result.value;
}

describe('diffFindings', () => {
  it('should give one error per weakening change at its line and column in HEAD, and none for a change that only strengthens', () => {
    expect(diffFindings(report())).toEqual([
      {
        ruleId: 'edrsim-diff-weaker',
        level: 'error',
        message: expect.stringMatching(
          /^path exclusion added: C:\\Temp\\: weaker \d+; e\.g\. dropper on ws-1 \(on-access, C:\\Temp\\x\.exe\)/,
        ),
        location: { file: 'head.yaml', line: 2, column: 12 },
        identity: expect.any(String),
      },
      {
        ruleId: 'edrsim-diff-weaker',
        level: 'error',
        message: expect.stringMatching(/^extension exclusion added: @team: weaker \d+; e\.g\. probe~ws-1~on-access~e\|@team /),
        location: { file: 'head.yaml', line: 3, column: 17 },
        identity: expect.any(String),
      },
    ]);
  });
});

describe('renderDiffMarkdown', () => {
  it('should escape entries and neutralise mentions', () => {
    const markdown = renderDiffMarkdown(report());
    expect(markdown).toContain('extension exclusion added: &#64;team');
    expect(markdown).not.toContain('@');
  });
});
