// explain output: every entry's decision as text, in precedence order, and the outcome.
import { describe, expect, it } from 'vitest';
import { compileExclusions, explainExclusion, parseExclusions } from '../../../engine/policy/exclusions/index.ts';

const LISTS = {
  paths: ['C:\\Tools\\', 'c:\\documents\\design.doc\\:{PathType:file,ScanTrigger:OnAccess}', 'C:\\MyData\\*.txt'],
  extensions: ['log'],
  processes: ['test.exe'],
};

describe('explainExclusion', () => {
  it('should list every entry with its decision and end with the outcome', () => {
    const matcher = compileExclusions(parseExclusions(LISTS).entries);
    expect(
      explainExclusion(matcher, { path: 'c:\\documents\\design.doc', trigger: 'scheduled-scan', process: 'D:\\bin\\test.exe' }),
    ).toMatchInlineSnapshot(`
      [
        "checking file c:\\documents\\design.doc (scheduled-scan, full scan, opened by D:\\bin\\test.exe)",
        "  ExclusionProcess entry 1: \`test.exe\`: skipped: applies to real-time protection only, not to scans (§4.1)",
        "  ExclusionExtension entry 1: \`log\`: no: the file name does not end with this extension",
        "  ExclusionPath entry 1: \`C:\\Tools\\\`: no: the path does not match",
        "  ExclusionPath entry 2: \`c:\\documents\\design.doc\\:{PathType:file,ScanTrigger:OnAccess}\`: skipped: ScanTrigger:OnAccess does not cover this trigger",
        "  ExclusionPath entry 3: \`C:\\MyData\\*.txt\`: no: the path does not match",
        "not excluded: no entry applies",
      ]
    `);
  });

  it('should show only the deciding entry with detail: first', () => {
    const matcher = compileExclusions(parseExclusions(LISTS).entries);
    expect(explainExclusion(matcher, { path: 'C:\\MyData\\a.txt', trigger: 'on-access' }, { detail: 'first' })).toEqual([
      'checking file C:\\MyData\\a.txt (on-access)',
      '  ExclusionPath entry 3: `C:\\MyData\\*.txt`: matches',
      'excluded by ExclusionPath entry 3: `C:\\MyData\\*.txt` (files directly in the folder matching *.txt, no subfolders)',
    ]);
  });

  it('should say when no exclusions are configured', () => {
    expect(explainExclusion(compileExclusions([]), { path: 'C:\\a', trigger: 'on-access' })).toContain(
      '  no exclusions are configured',
    );
  });

  it('should explain a reparse point and an inactive entry', () => {
    const parsed = parseExclusions({ paths: ['C:\\data', 'C:\\data\\:{ScanTrigger:OnAccess,ScanTrigger:BM}'] });
    const matcher = compileExclusions(parsed.entries, { reparsePoints: ['C:\\data\\link'] });
    const lines = explainExclusion(matcher, { path: 'C:\\data\\link\\x.exe', trigger: 'on-access' });
    expect(lines[1]).toContain('reparse point');
    expect(lines[2]).toContain('never applies: two ScanTrigger values (OnAccess, BM) can never both hold');
  });
});
