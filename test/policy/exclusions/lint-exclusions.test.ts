// Lint against excl-mistakes (§4.4 lint list): warnings with a code, the entry's path and a fix hint.
import { describe, expect, it } from 'vitest';
import { lintExclusions } from '../../../engine/policy/exclusions/index.ts';

const lint = (...args: Parameters<typeof lintExclusions>) => lintExclusions(...args).map((issue) => [issue.code, issue.path]);

describe('lintExclusions', () => {
  it.each(['C:', 'C:\\', 'C:\\*', '%systemdrive%', 'D:\\'])('should flag %s as the whole drive', (text) => {
    expect(lint({ paths: [text] })).toEqual([['exclusion_too_broad', ['paths', 0]]]);
  });

  it.each(['C:\\Users\\', 'C:\\Users\\*', '%ProgramFiles%', 'C:\\Windows'])('should flag %s as too broad', (text) => {
    expect(lint({ paths: [text] })).toEqual([['exclusion_too_broad', ['paths', 0]]]);
  });

  it.each(['%ProgramFiles%\\Java', 'C:\\Program Files\\Contoso\\', 'C:\\Program Files (x86)\\Contoso\\*'])(
    'should flag vendor root %s',
    (text) => {
      expect(lint({ paths: [text] })).toEqual([['exclusion_vendor_root', ['paths', 0]]]);
    },
  );

  it.each([
    'C:\\Temp',
    'C:\\Temp\\',
    'C:\\Temp\\*',
    '%Windir%\\Temp',
    '%temp%',
    'C:\\Users\\*\\AppData\\Local\\Temp',
    'C:\\Users\\bob\\AppData\\LocalLow\\Temp\\',
  ])('should flag temp folder %s', (text) => {
    expect(lint({ paths: [text] })).toEqual([['exclusion_temp_folder', ['paths', 0]]]);
  });

  it('should accept the documented SharePoint temp folder exceptions', () => {
    expect(
      lint(
        { paths: ['C:\\Users\\Default\\AppData\\Local\\Temp', 'C:\\Users\\svc-sp\\AppData\\Local\\Temp'] },
        { sharePointServiceAccounts: ['SVC-SP'] },
      ),
    ).toEqual([]);
  });

  it('should mention the SharePoint exception for a named user temp folder', () => {
    expect(lintExclusions({ paths: ['C:\\Users\\svc-sp\\AppData\\Local\\Temp'] })[0]?.hint).toContain('SharePoint');
  });

  it.each(['%Windir%\\Prefetch', '%Windir%\\System32\\Spool', 'C:\\Windows\\System32\\CatRoot2\\'])(
    'should flag system folder %s',
    (text) => {
      expect(lint({ paths: [text] })).toEqual([['exclusion_system_folder', ['paths', 0]]]);
    },
  );

  it('should flag risky extensions with or without the dot, and note the image exception', () => {
    const issues = lintExclusions({ extensions: ['.exe', 'PS1', 'jpg', 'ko.gz', 'log'] });
    expect(issues.map((issue) => issue.path)).toEqual([
      ['extensions', 0],
      ['extensions', 1],
      ['extensions', 2],
      ['extensions', 3],
    ]);
    expect(issues[2]?.message).toContain('image libraries are patched');
  });

  it('should flag risky processes by image name or full path, and bare names', () => {
    expect(
      lint({
        processes: [
          'powershell.exe',
          'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\PowerShell.exe',
          'agent.exe',
          'C:\\Backup\\agent.exe',
        ],
      }),
    ).toEqual([
      ['exclusion_risky_process', ['processes', 0]],
      ['exclusion_bare_process_name', ['processes', 0]],
      ['exclusion_risky_process', ['processes', 1]],
      ['exclusion_bare_process_name', ['processes', 2]],
    ]);
  });

  it('should flag %USERPROFILE% as never a user profile (§4.4 #22, C11)', () => {
    const [issue] = lintExclusions({ paths: ['%USERPROFILE%\\Downloads'] });
    expect([issue?.code, issue?.severity]).toEqual(['exclusion_user_profile_variable', 'warning']);
    expect(issue?.message).toContain('systemprofile');
  });

  it('should flag a mapped drive and give the UNC path (§4.4 #25)', () => {
    const issues = lintExclusions(
      { paths: ['Z:\\app'], processes: ['z:\\tools\\a.exe'] },
      { mappedDrives: { 'Z:': '\\\\srv\\share' } },
    );
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['exclusion_mapped_drive', ['paths', 0]],
      ['exclusion_mapped_drive', ['processes', 0]],
    ]);
    expect(issues[0]?.hint).toContain('\\\\srv\\share\\app');
  });

  it('should warn that an 8.3 short name does not match the long path Defender is handed (§5.1 [inference])', () => {
    const issues = lintExclusions({
      paths: ['C:\\PROGRA~2\\Contoso\\App\\'],
      processes: ['C:\\PROGRA~1\\Backup\\agent.exe', 'agent~1.exe'],
    });
    expect(issues.map((issue) => [issue.code, issue.path, issue.severity])).toEqual([
      ['exclusion_short_name', ['paths', 0], 'warning'],
      ['exclusion_short_name', ['processes', 0], 'warning'],
      ['exclusion_short_name', ['processes', 1], 'warning'],
      ['exclusion_bare_process_name', ['processes', 1], 'warning'],
    ]);
    expect(issues[0]?.message).toBe(
      '`C:\\PROGRA~2\\Contoso\\App\\` uses the 8.3 short name `PROGRA~2`, but Defender matches the long path it is handed, so files under the long name are not excluded',
    );
    expect(issues[0]?.hint).toContain('C:\\Program Files\\');
  });

  it('should lint the path part of a contextual entry', () => {
    expect(lint({ paths: ['C:\\Temp\\:{ScanTrigger:OnAccess}'] })).toEqual([['exclusion_temp_folder', ['paths', 0]]]);
  });

  it('should flag a whole network share and leave unparsable entries to the parser', () => {
    expect(lint({ paths: ['\\\\srv\\share\\', 'Temp', '*:\\'] })).toEqual([['exclusion_too_broad', ['paths', 0]]]);
  });

  it('should leave a well-scoped list alone', () => {
    expect(
      lint({
        paths: ['C:\\Program Files\\Contoso\\App\\data', 'D:\\SQLData\\'],
        extensions: ['ldf', 'mdf'],
        processes: ['C:\\Program Files\\Backup\\agent.exe'],
      }),
    ).toEqual([]);
  });
});
