// checkExclusion, the equivalent of MpCmdRun -CheckExclusion -path: excluded or not, by which entry, and why.
import { describe, expect, it } from 'vitest';
import { checkExclusion } from '../../../engine/policy/exclusions/index.ts';

const LISTS = {
  paths: ['C:\\Tools\\', 'c:\\documents\\design.doc\\:{PathType:file,ScanTrigger:OnAccess}', 'C:\\MyData\\*.txt'],
  extensions: ['log'],
  processes: ['test.exe'],
};

describe('checkExclusion', () => {
  it('should answer excluded with the match and the lines', () => {
    const result = checkExclusion(LISTS, 'C:\\Tools\\x\\y.exe');
    expect(result.excluded).toBe(true);
    expect(result.match?.entry.index).toBe(0);
    expect(result.lines.at(-1)).toBe('excluded by ExclusionPath entry 1: `C:\\Tools\\` (folder, recursive)');
  });

  it('should default to on-access so a process exclusion applies', () => {
    expect(checkExclusion(LISTS, 'C:\\x\\doc.pdf', { process: 'D:\\test.exe' }).match?.reason.code).toBe('excluded-by-process');
  });

  it('should still check the valid entries and report the invalid ones', () => {
    const result = checkExclusion({ paths: ['*:\\Temp', 'C:\\Temp'] }, 'C:\\Temp\\a');
    expect(result.excluded).toBe(true);
    expect(result.issues.map((issue) => issue.code)).toEqual(['exclusion_wildcard_drive']);
  });

  it('should report a relative path to check', () => {
    expect(checkExclusion(LISTS, 'Tools\\a.exe').issues.map((issue) => issue.code)).toEqual(['exclusion_check_relative_path']);
  });

  it('should honour a folder target for PathType:file (§4.4 #43)', () => {
    expect(checkExclusion({ paths: ['C:\\x.exe\\:{PathType:file}'] }, 'C:\\x.exe', { isFolder: true }).excluded).toBe(true);
  });
});
