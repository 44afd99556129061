// Parsing the three lists: every invalid entry reported by list and index with a fix hint (§4.2).
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../../engine/core/issue.ts';
import {
  parseExclusions,
  parseExtensionEntry,
  parsePathEntry,
  parseProcessEntry,
} from '../../../engine/policy/exclusions/index.ts';

const codes = (lists: Parameters<typeof parseExclusions>[0]) =>
  parseExclusions(lists).issues.map((issue) => [issue.code, issue.path]);

describe('parseExclusions', () => {
  it('should report every problem at once, by list and index', () => {
    const parsed = parseExclusions({
      paths: ['C:\\ok', '%MYAPP%\\bin', 'Temp\\x'],
      extensions: ['*.log', ''],
      processes: ['a?.exe', ' '],
    });
    expect(formatIssues(parsed.issues)).toMatchInlineSnapshot(`
      "✖ paths[1]: path exclusion \`%MYAPP%\\bin\` uses %MYAPP%, which is not a system environment variable
        expected: a variable the MDAV service (LocalSystem) knows
        received: %MYAPP%
        hint: user variables are not expanded (§4.2, C11); write the real path or use one of %APPDATA%, %LOCALAPPDATA%, %PROGRAMDATA%, %ALLUSERSPROFILE%, %PROGRAMFILES%, %PROGRAMFILES(X86)% (16 in all: scenarios/README.md, "Paths as Defender sees them")
      ✖ paths[2]: path exclusion \`Temp\\x\` is not a full path
        expected: a path that starts with a drive (C:\\…) or a UNC share (\\\\server\\share\\…)
        received: Temp\\x
        hint: write the full path
      ✖ extensions[0]: extension exclusion \`*.log\` is not a file extension
        expected: an extension such as log or .log, without wildcards or folders
        received: *.log
        hint: write \`log\`; a path with wildcards belongs in the path list
      ✖ extensions[1]: extension exclusion is empty
        expected: an extension such as log or .log, without wildcards or folders
        received: 
        hint: remove the entry, or use a path exclusion for a folder
      ✖ processes[0]: process exclusion \`a?.exe\` is an image name with a wildcard
        expected: an image name without * or ?, or a full path (which may use wildcards)
        received: a?.exe
        hint: wildcards are not allowed in image-name-only entries (§4.2); write a full path such as C:\\Tools\\a?.exe
      ✖ processes[1]: process exclusion is empty
        hint: remove the empty entry"
    `);
    expect(parsed.entries.map((entry) => entry.text)).toEqual(['C:\\ok']);
  });

  it('should expand variable names case-insensitively (§4.2)', () => {
    const entry = parsePathEntry('%programfiles(x86)%\\App', 0).entry;
    expect(entry?.pattern.normalized).toBe('c:\\program files (x86)\\app');
  });

  it('should read / as \\ and drop a trailing \\ (§9)', () => {
    expect(parsePathEntry('C:/Tools/', 0).entry?.pattern.normalized).toBe('c:\\tools');
  });

  it('should accept exactly six wildcards (§4.2)', () => {
    expect(codes({ paths: ['C:\\*\\*\\*\\a?\\b?\\*.txt'] })).toEqual([]);
  });

  it('should hint an extension exclusion for a path entry written as *.log', () => {
    expect(parseExclusions({ paths: ['*.log'] }).issues[0]?.hint).toContain('extension exclusion: log');
  });

  it('should reject contextual syntax without \\: and without a closing brace', () => {
    expect(codes({ paths: ['C:\\a:{ScanType:full}', 'C:\\a\\:{ScanType:full'] })).toEqual([
      ['exclusion_contextual_syntax', ['paths', 0]],
      ['exclusion_contextual_syntax', ['paths', 1]],
    ]);
  });

  it('should reject a case-mismatched value with the right spelling (§4.4 #44)', () => {
    const [issue] = parseExclusions({ paths: ['C:\\a\\:{ScanTrigger:onaccess}'] }).issues;
    expect([issue?.code, issue?.hint]).toEqual([
      'exclusion_contextual_value',
      'keywords and values are case-sensitive: write `OnAccess`',
    ]);
  });

  it('should reject an unknown restriction, an unquoted Process and empty braces', () => {
    expect(codes({ paths: ['C:\\a\\:{Trigger:OnAccess}', 'C:\\a\\:{Process:winword.exe}', 'C:\\a\\:{}'] })).toEqual([
      ['exclusion_contextual_keyword', ['paths', 0]],
      ['exclusion_contextual_process_quotes', ['paths', 1]],
      ['exclusion_contextual_empty', ['paths', 2]],
    ]);
  });

  it('should parse a quoted Process with wildcards and commas around it (ctx-excl)', () => {
    const entry = parsePathEntry(
      'C:\\a\\:{Process:"C:\\Program Files*\\Microsoft Office\\root\\Office??\\winword.exe",ScanTrigger:OnAccess}',
      0,
    ).entry;
    expect(entry?.restrictions?.processes[0]?.kind).toBe('path');
    expect(entry?.restrictions?.scanTrigger).toBe('OnAccess');
  });

  it('should treat the same restriction repeated with the same value as one', () => {
    const parsed = parseExclusions({ paths: ['C:\\a\\:{ScanType:quick,ScanType:quick}'] });
    expect(parsed.issues).toEqual([]);
    expect(parsed.entries[0]?.inactive).toBeUndefined();
  });

  it('should reject contextual syntax in a process entry', () => {
    expect(parseProcessEntry('C:\\a.exe\\:{ScanType:full}', 3).issues[0]?.path).toEqual(['processes', 3]);
  });

  it('should read a process entry whose env var expands to a full path as a path', () => {
    expect(parseProcessEntry('%ALLUSERSPROFILE%\\MyFolder\\MyProcess.exe', 0).entry?.process).toMatchObject({
      kind: 'path',
      pattern: { normalized: 'c:\\programdata\\myfolder\\myprocess.exe' },
    });
  });

  it('should keep compound extensions and fold case', () => {
    expect(parseExtensionEntry('.KO.GZ', 0).entry?.extension).toBe('ko.gz');
    expect(parseExtensionEntry('a\\b', 0).issues[0]?.code).toBe('exclusion_extension_invalid');
  });

  it('should report a list item that is not text', () => {
    expect(codes({ paths: [42 as unknown as string] })).toEqual([['exclusion_not_text', ['paths', 0]]]);
  });
});
