// The compiled matcher: precedence, precomputed reasons, conflict settings and the scope of each kind (§4.1–4.3).
import { describe, expect, it } from 'vitest';
import type { ExclusionLists } from '../../../engine/core/config.ts';
import {
  compileExclusions,
  parseExclusions,
  type ExclusionOptions,
  type ExclusionTarget,
} from '../../../engine/policy/exclusions/index.ts';

function matcher(lists: Partial<ExclusionLists>, options: ExclusionOptions = {}) {
  return compileExclusions(parseExclusions(lists, options).entries, options);
}
const onAccess = (path: string, extra: Partial<ExclusionTarget> = {}): ExclusionTarget => ({
  path,
  trigger: 'on-access',
  ...extra,
});

describe('compileExclusions', () => {
  it('should give the reason with the list, the 1-based entry number and the scope', () => {
    const hit = matcher({ paths: ['D:\\x', 'C:\\Tools\\'] }).match(onAccess('C:\\Tools\\bin\\a.exe'));
    expect(hit?.reason).toEqual({
      layer: 'exclusion',
      code: 'excluded-by-path',
      message: 'excluded by ExclusionPath entry 2: `C:\\Tools\\` (folder, recursive)',
      cite: '§4.2',
    });
  });

  it('should return the same reason object on every match (precomputed once)', () => {
    const m = matcher({ paths: ['C:\\Tools\\'] });
    expect(m.match(onAccess('C:\\Tools\\a'))?.reason).toBe(m.match(onAccess('C:\\Tools\\b'))?.reason);
  });

  it('should return one match object per entry, made on its first match, for every list', () => {
    // The match is made lazily (issue 13); callers key their refs by it, so it must not change between matches.
    const m = matcher({ paths: ['C:\\Tools\\'], extensions: ['log'], processes: ['app.exe'] });
    const viaProcess = (file: string) => m.match(onAccess(file, { process: 'C:\\App\\app.exe' }));
    expect(viaProcess('D:\\a.txt')).toBeDefined();
    expect(viaProcess('D:\\a.txt')).toBe(viaProcess('E:\\b.bin'));
    expect(m.match(onAccess('D:\\a.log'))).toBe(m.match(onAccess('E:\\b\\c.log')));
    expect(m.match(onAccess('C:\\Tools\\a.exe'))).toBe(m.match(onAccess('C:\\Tools\\x\\b.dll')));
    expect(m.match(onAccess('C:\\Tools\\a.exe'))?.entry).toBe(m.entries.find((entry) => entry.list === 'paths'));
  });

  it('should prefer a process exclusion, then an extension, then a path (§4.3 order)', () => {
    const m = matcher({ paths: ['C:\\Data'], extensions: ['log'], processes: ['app.exe'] });
    expect(m.match(onAccess('C:\\Data\\x.log', { process: 'C:\\App\\app.exe' }))?.reason.code).toBe('excluded-by-process');
    expect(m.match(onAccess('C:\\Data\\x.log'))?.reason.code).toBe('excluded-by-extension');
    expect(m.match(onAccess('C:\\Data\\x.txt'))?.reason.code).toBe('excluded-by-path');
  });

  it('should pick the lowest index within a list, whatever the trie depth', () => {
    const m = matcher({ paths: ['C:\\a\\b\\c', 'C:\\a\\*', 'C:\\a'] });
    expect(m.match(onAccess('C:\\a\\b\\c\\d'))?.entry.index).toBe(0);
    expect(m.match(onAccess('C:\\a\\b\\x'))?.entry.index).toBe(2);
    expect(m.match(onAccess('C:\\a\\x'))?.entry.index).toBe(1);
  });

  it('should read C:\\Temp\\* as files directly in C:\\Temp by default (§4.3 literal)', () => {
    const m = matcher({ paths: ['C:\\Temp\\*'] });
    expect(m.match(onAccess('C:\\Temp\\a.exe'))).toBeDefined();
    expect(m.match(onAccess('C:\\Temp\\sub\\a.exe'))).toBeUndefined();
  });

  it('should read C:\\Temp\\* as the whole folder with trailingStar: folder (§4.3)', () => {
    const m = matcher({ paths: ['C:\\Temp\\*'] }, { conflicts: { trailingStar: 'folder' } });
    expect(m.match(onAccess('C:\\Temp\\sub\\a.exe'))?.reason.message).toContain('trailing \\* read as the folder');
    expect(m.match(onAccess('C:\\Temp', { isFolder: true }))).toBeDefined();
  });

  it('should combine repeated Process restrictions with OR by default and AND when asked (C12)', () => {
    const lists = { paths: ['C:\\doc\\:{Process:"winword.exe",Process:"excel.exe"}'] };
    const target = onAccess('C:\\doc\\a.docx', { process: 'C:\\Office\\EXCEL.EXE' });
    expect(matcher(lists).match(target)).toBeDefined();
    expect(matcher(lists, { conflicts: { repeatedProcess: 'and' } }).match(target)).toBeUndefined();
  });

  it('should apply ScanTrigger:BM to behaviour monitoring only', () => {
    const m = matcher({ paths: ['C:\\a\\:{ScanTrigger:BM}'] });
    expect(
      ['on-access', 'behavior', 'scheduled-scan', 'on-demand-scan'].map(
        (trigger) => m.match({ path: 'C:\\a\\x', trigger: trigger as ExclusionTarget['trigger'] }) !== undefined,
      ),
    ).toEqual([false, true, false, false]);
  });

  it('should count scheduled scans as OnDemand (ctx-excl)', () => {
    expect(
      matcher({ paths: ['C:\\a\\:{ScanTrigger:OnDemand}'] }).match({ path: 'C:\\a\\x', trigger: 'scheduled-scan' }),
    ).toBeDefined();
  });

  it('should apply process exclusions to behaviour monitoring as part of real-time protection', () => {
    expect(
      matcher({ processes: ['app.exe'] }).match({ path: 'C:\\x', process: 'D:\\app.exe', trigger: 'behavior' }),
    ).toBeDefined();
  });

  it('should match a process full path with wildcards and a folder segment wildcard', () => {
    const m = matcher({ processes: ['C:\\*\\*\\MyProcess.exe', 'C:\\MyFolder\\MyProcess??.exe'] });
    expect(m.match(onAccess('D:\\f', { process: 'C:\\MyFolder1\\MyFolder2\\MyProcess.exe' }))?.entry.index).toBe(0);
    expect(m.match(onAccess('D:\\f', { process: 'C:\\MyFolder\\MyProcess42.exe' }))?.entry.index).toBe(1);
    expect(m.match(onAccess('D:\\f', { process: 'C:\\MyFolder\\MyProcess4.exe' }))).toBeUndefined();
  });

  it('should not match an image-name entry against a different name that ends the same', () => {
    expect(matcher({ processes: ['test.exe'] }).match(onAccess('C:\\f', { process: 'C:\\mytest.exe' }))).toBeUndefined();
  });

  it('should stop a parent exclusion at the deepest of nested reparse points (#26)', () => {
    const m = matcher({ paths: ['C:\\data', 'C:\\data\\a'] }, { reparsePoints: ['C:\\data\\a', 'C:\\data\\a\\b'] });
    expect(m.match(onAccess('C:\\data\\a\\x'))?.entry.index).toBe(1);
    expect(m.match(onAccess('C:\\data\\a\\b\\x'))).toBeUndefined();
  });

  it('should skip an inactive entry and use a later one', () => {
    const m = matcher({ paths: ['C:\\a\\:{ScanType:quick,ScanType:full}', 'C:\\a'] });
    expect(m.match(onAccess('C:\\a\\x'))?.entry.index).toBe(1);
  });

  it('should match extensions on the final extension or a compound one written out (§4.3)', () => {
    const m = matcher({ extensions: ['gz', 'ko.gz'] });
    expect(m.match(onAccess('C:\\x.tar.gz'))?.entry.index).toBe(0);
    expect(matcher({ extensions: ['ko.gz'] }).match(onAccess('C:\\x.ko.gz'))).toBeDefined();
    expect(matcher({ extensions: ['ko.gz'] }).match(onAccess('C:\\x.gz'))).toBeUndefined();
    expect(matcher({ extensions: ['log'] }).match(onAccess('C:\\log'))).toBeUndefined();
  });

  it('should decide every entry one by one in the same order as match', () => {
    const m = matcher({ paths: ['C:\\a'], extensions: ['log'], processes: ['x.exe'] });
    expect(m.decide(onAccess('C:\\a\\b.log')).map((d) => [d.entry.list, d.verdict])).toEqual([
      ['processes', 'no-process'],
      ['extensions', 'match'],
      ['paths', 'match'],
    ]);
  });
});
