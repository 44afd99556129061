// §4.4 worked matching examples #1–45, run against the fast matcher and the reference matcher alike.
import { describe, expect, it } from 'vitest';
import type { ExclusionLists } from '../../../engine/core/config.ts';
import { version } from '../../../engine/core/version.ts';
import { TRIGGERS, type ScanType, type Trigger } from '../../../engine/core/vocabulary.ts';
import { buildExclusionMatcher, parseExclusions, type BuildOptions } from '../../../engine/policy/exclusions/index.ts';
import { referenceIsValid, referenceMatch } from './reference-matcher.ts';

const SCANS: Trigger[] = ['scheduled-scan', 'on-demand-scan'];
const RTP: Trigger[] = ['on-access', 'behavior'];

interface Case {
  readonly id: string;
  readonly lists: Partial<ExclusionLists>;
  readonly path: string;
  readonly process?: string;
  readonly isFolder?: boolean;
  readonly scanType?: ScanType;
  readonly triggers?: readonly Trigger[];
  readonly expected: 'excluded' | 'scanned';
  readonly options?: BuildOptions;
}

const p = (...paths: string[]): Partial<ExclusionLists> => ({ paths });

const CASES: readonly Case[] = [
  { id: '#1', lists: p('C:\\test\\sample'), path: 'C:\\test\\sample\\a.txt', expected: 'excluded' },
  { id: '#2', lists: p('C:\\test\\sample'), path: 'C:\\test\\sample\\x\\y\\z.dll', expected: 'excluded' },
  { id: '#3', lists: p('C:\\test\\sample'), path: 'C:\\test\\sample2\\a.txt', expected: 'scanned' },
  { id: '#4', lists: p('C:\\sample\\sample.test'), path: 'C:\\sample\\sample.test', expected: 'excluded' },
  { id: '#5', lists: p('C:\\sample\\sample.test'), path: 'C:\\sample\\other.test', expected: 'scanned' },
  { id: '#6', lists: p('C:\\MyData\\*.txt'), path: 'C:\\MyData\\notes.txt', expected: 'excluded' },
  { id: '#7', lists: p('C:\\MyData\\*.txt'), path: 'C:\\MyData\\2024\\notes.txt', expected: 'scanned' },
  { id: '#8', lists: p('C:\\somepath\\*\\Data'), path: 'C:\\somepath\\Archives\\Data\\f.bin', expected: 'excluded' },
  { id: '#9', lists: p('C:\\somepath\\*\\Data'), path: 'C:\\somepath\\Authorized\\Data\\deep\\f.bin', expected: 'excluded' },
  { id: '#10', lists: p('C:\\somepath\\*\\Data'), path: 'C:\\somepath\\Data\\f.bin', expected: 'scanned' },
  { id: '#11', lists: p('C:\\somepath\\*\\Data'), path: 'C:\\somepath\\a\\b\\Data\\f.bin', expected: 'scanned' },
  { id: '#12', lists: p('C:\\Serv\\*\\*\\Backup'), path: 'C:\\Serv\\Primary\\Denied\\Backup\\x.bak', expected: 'excluded' },
  { id: '#13', lists: p('C:\\Serv\\*\\*\\Backup'), path: 'C:\\Serv\\Primary\\Backup\\x.bak', expected: 'scanned' },
  { id: '#14', lists: p('C:\\MyData\\my?.zip'), path: 'C:\\MyData\\my1.zip', expected: 'excluded' },
  { id: '#15', lists: p('C:\\MyData\\my?.zip'), path: 'C:\\MyData\\my12.zip', expected: 'scanned' },
  { id: '#15', lists: p('C:\\MyData\\my?.zip'), path: 'C:\\MyData\\my.zip', expected: 'scanned' },
  { id: '#16', lists: p('C:\\somepath\\?\\Data'), path: 'C:\\somepath\\P\\Data\\x', expected: 'excluded' },
  { id: '#17', lists: p('C:\\somepath\\test0?\\Data'), path: 'C:\\somepath\\test01\\Data\\sub\\x', expected: 'excluded' },
  {
    id: '#18',
    lists: p('%ALLUSERSPROFILE%\\CustomLogFiles'),
    path: 'C:\\ProgramData\\CustomLogFiles\\Folder1\\file1.txt',
    expected: 'excluded',
  },
  {
    id: '#19',
    lists: p('%PROGRAMFILES%\\Contoso*\\v?\\bin\\contoso.exe'),
    path: 'c:\\Program Files\\Contoso Labs\\v1\\bin\\contoso.exe',
    expected: 'excluded',
  },
  { id: '#20', lists: p('c:\\data\\*\\marked\\date*'), path: 'c:\\data\\final\\marked\\date1.txt', expected: 'excluded' },
  { id: '#21', lists: p('c:\\data\\*\\marked\\date*'), path: 'c:\\data\\review\\marked\\old\\date1.txt', expected: 'scanned' },
  { id: '#22', lists: p('%USERPROFILE%\\Downloads'), path: 'C:\\Users\\alice\\Downloads\\x.exe', expected: 'scanned' },
  {
    id: '#22',
    lists: p('%USERPROFILE%\\Downloads'),
    path: 'C:\\Windows\\System32\\config\\systemprofile\\Downloads\\x.exe',
    expected: 'excluded',
  },
  { id: '#25', lists: p('Z:\\share\\app'), path: '\\\\srv\\share\\app\\x.dll', expected: 'scanned' },
  { id: '#25', lists: p('\\\\srv\\share\\app'), path: '\\\\srv\\share\\app\\x.dll', expected: 'excluded' },
  {
    id: '#26',
    lists: p('C:\\data'),
    path: 'C:\\data\\link\\x.exe',
    options: { reparsePoints: ['C:\\data\\link'] },
    expected: 'scanned',
  },
  {
    id: '#26',
    lists: p('C:\\data', 'C:\\data\\link'),
    path: 'C:\\data\\link\\x.exe',
    options: { reparsePoints: ['C:\\data\\link'] },
    expected: 'excluded',
  },
  { id: '#27', lists: { extensions: ['log'] }, path: 'D:\\any\\x.log', expected: 'excluded' },
  { id: '#28', lists: { extensions: ['.log'] }, path: 'D:\\any\\x.log.txt', expected: 'scanned' },
  {
    id: '#29',
    lists: { processes: ['test.exe'] },
    path: 'C:\\x\\doc.pdf',
    process: 'd:\\internal\\files\\test.exe',
    triggers: ['on-access'],
    expected: 'excluded',
  },
  {
    id: '#30',
    lists: { processes: ['test.exe'] },
    path: 'C:\\x\\doc.pdf',
    process: 'd:\\internal\\files\\test.exe',
    triggers: SCANS,
    expected: 'scanned',
  },
  {
    id: '#31',
    lists: { processes: ['test.exe'] },
    path: 'd:\\internal\\files\\test.exe',
    process: 'C:\\Windows\\explorer.exe',
    expected: 'scanned',
  },
  {
    id: '#33',
    lists: { processes: ['c:\\test\\sample\\*'] },
    path: 'C:\\x\\doc.pdf',
    process: 'c:\\test\\sample\\utility.exe',
    triggers: ['on-access'],
    expected: 'excluded',
  },
  {
    id: '#34',
    lists: p('c:\\documents\\design.doc\\:{PathType:file,ScanTrigger:OnAccess}'),
    path: 'c:\\documents\\design.doc',
    triggers: ['on-access'],
    expected: 'excluded',
  },
  {
    id: '#35',
    lists: p('c:\\documents\\design.doc\\:{PathType:file,ScanTrigger:OnAccess}'),
    path: 'c:\\documents\\design.doc',
    triggers: SCANS,
    expected: 'scanned',
  },
  {
    id: '#36',
    lists: p('C:\\program.exe\\:{ScanType:quick}'),
    path: 'C:\\program.exe',
    scanType: 'quick',
    triggers: SCANS,
    expected: 'excluded',
  },
  {
    id: '#37',
    lists: p('C:\\program.exe\\:{ScanType:quick}'),
    path: 'C:\\program.exe',
    scanType: 'full',
    triggers: SCANS,
    expected: 'scanned',
  },
  { id: '#37', lists: p('C:\\program.exe\\:{ScanType:quick}'), path: 'C:\\program.exe', triggers: RTP, expected: 'scanned' },
  {
    id: '#38',
    lists: p('C:\\documents\\:{ScanType:full}'),
    path: 'C:\\documents\\a.doc',
    scanType: 'full',
    triggers: SCANS,
    expected: 'excluded',
  },
  {
    id: '#39',
    lists: p('c:\\documents\\design.doc\\:{Process:"winword.exe"}'),
    path: 'c:\\documents\\design.doc',
    process: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
    triggers: ['on-access'],
    expected: 'excluded',
  },
  {
    id: '#40',
    lists: p('c:\\documents\\design.doc\\:{Process:"winword.exe"}'),
    path: 'c:\\documents\\design.doc',
    process: 'C:\\Windows\\System32\\SearchIndexer.exe',
    triggers: ['on-access'],
    expected: 'scanned',
  },
  { id: '#41', lists: p('C:\\X\\:{ScanTrigger:OnAccess,ScanTrigger:OnDemand}'), path: 'C:\\X', expected: 'scanned' },
  { id: '#42', lists: p('C:\\documents\\*\\:{PathType:folder}'), path: 'C:\\documents\\a.doc', expected: 'scanned' },
  { id: '#43', lists: p('C:\\x.exe\\:{PathType:file}'), path: 'C:\\x.exe', isFolder: true, expected: 'excluded' },
  {
    id: '#45',
    lists: p('C:\\program.exe\\:{ScanType:quick}'),
    path: 'C:\\program.exe',
    scanType: 'quick',
    triggers: SCANS,
    options: { platform: version('4.18.2204.5') },
    expected: 'scanned',
  },
  {
    id: '#45',
    lists: p('C:\\program.exe\\:{ScanType:quick}'),
    path: 'C:\\program.exe',
    scanType: 'quick',
    triggers: SCANS,
    options: { platform: version('4.18.2205.7'), engine: version('1.1.19300.2') },
    expected: 'excluded',
  },
];

function title(c: Case): string {
  const entry = Object.values(c.lists).flat().join(', ');
  const by = c.process === undefined ? '' : ` opened by ${c.process}`;
  return `should ${c.expected === 'excluded' ? 'exclude' : 'scan'} ${c.isFolder === true ? 'folder ' : ''}${c.path}${by} given ${entry} (§4.4 ${c.id})`;
}

describe('§4.4 worked matching examples', () => {
  for (const c of CASES) {
    it(title(c), () => {
      const built = buildExclusionMatcher(c.lists, c.options);
      expect(built.ok).toBe(true);
      if (!built.ok) return;
      for (const trigger of c.triggers ?? TRIGGERS) {
        const target = {
          path: c.path,
          trigger,
          ...(c.process === undefined ? {} : { process: c.process }),
          isFolder: c.isFolder ?? false,
          scanType: c.scanType ?? 'full',
        };
        const fast = built.value.matcher.match(target) !== undefined;
        const reference = referenceMatch(c.lists, target, { ...c.options }) !== undefined;
        expect({ trigger, fast, reference }).toEqual({
          trigger,
          fast: c.expected === 'excluded',
          reference: c.expected === 'excluded',
        });
      }
    });
  }
});

describe('§4.4 invalid entries', () => {
  const INVALID = [
    { id: '#23', list: 'paths', text: '*:\\Temp', code: 'exclusion_wildcard_drive' },
    { id: '#24', list: 'paths', text: 'C:\\a\\*\\*\\*\\*\\*\\*\\*\\x', code: 'exclusion_too_many_wildcards' },
    { id: '#32', list: 'processes', text: 'test*.exe', code: 'exclusion_process_image_wildcard' },
    { id: '#44', list: 'paths', text: 'c:\\d\\x.doc\\:{pathtype:file}', code: 'exclusion_contextual_keyword' },
  ] as const;
  for (const row of INVALID) {
    it(`should reject ${row.list} entry ${row.text} with ${row.code} (§4.4 ${row.id})`, () => {
      const parsed = parseExclusions({ [row.list]: ['C:\\ok', row.text] });
      expect(parsed.issues.map((issue) => [issue.code, issue.path, issue.severity])).toEqual([
        [row.code, [row.list, 1], undefined],
      ]);
      expect(parsed.entries).toHaveLength(1);
      expect(referenceIsValid(row.list, row.text)).toBe(false);
    });
  }

  it('should hint the right spelling of a case-mismatched keyword (§4.4 #44)', () => {
    const [issue] = parseExclusions({ paths: ['c:\\d\\x.doc\\:{pathtype:file}'] }).issues;
    expect(issue?.hint).toContain('`PathType`');
    expect(issue?.message).toContain('c:\\d\\x.doc\\:{pathtype:file}');
  });

  it('should warn that a repeated ScanTrigger never applies (§4.4 #41)', () => {
    const parsed = parseExclusions({ paths: ['C:\\X\\:{ScanTrigger:OnAccess,ScanTrigger:OnDemand}'] });
    expect(parsed.issues.map((issue) => [issue.code, issue.severity])).toEqual([
      ['exclusion_contextual_never_applies', 'warning'],
    ]);
    expect(parsed.entries[0]?.inactive).toMatch(/ScanTrigger/);
  });

  it('should warn that a contextual entry is unsupported on platform 4.18.2204 (§4.4 #45)', () => {
    const parsed = parseExclusions({ paths: ['C:\\a\\:{ScanType:quick}', 'C:\\plain'] }, { platform: version('4.18.2204.5') });
    expect(parsed.issues.map((issue) => [issue.code, issue.path, issue.severity])).toEqual([
      ['exclusion_contextual_unsupported', ['paths', 0], 'warning'],
    ]);
  });

  it('should warn for an engine older than 1.1.19300.2 even on a new platform (§4.4 #45)', () => {
    const parsed = parseExclusions(
      { paths: ['C:\\a\\:{ScanType:quick}'] },
      { platform: version('4.18.2205.7'), engine: version('1.1.19200.1') },
    );
    expect(parsed.issues[0]?.message).toContain('engine 1.1.19200.1');
  });
});
