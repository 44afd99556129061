import { describe, expect, it } from 'vitest';
import { CORE_FOLDERS, TEMPORARY_FOLDERS, folderMatch } from '../../engine/model/air-folders.ts';

describe('folderMatch — the folder lists of §6.5, each as its page writes it (§7 C15)', () => {
  it.each([
    ['C:\\Users\\ann\\AppData\\Local\\Temp\\x.exe', '\\users\\*\\appdata\\local\\temp\\*'],
    ['C:\\Documents and Settings\\ann\\Local Settings\\Temp\\x.exe', '\\documents and settings\\*\\local settings\\temp\\*'],
    [
      'C:\\Documents and Settings\\ann\\Local Settings\\Temporary\\x.exe',
      '\\documents and settings\\*\\local settings\\temporary\\*',
    ],
    ['C:\\Windows\\Temp\\x.exe', '\\windows\\temp\\*'],
    ['C:\\Users\\ann\\Downloads\\sub\\x.exe', '\\users\\*\\downloads\\*'],
    ['C:\\Program Files\\App\\x.exe', '\\program files\\'],
    ['C:\\Program Files (x86)\\App\\x.exe', '\\program files (x86)\\*'],
    ['C:\\Documents and Settings\\ann\\Users\\x.exe', '\\documents and settings\\*\\users\\*'],
  ])('temporary: %s is in %s', (path, entry) => {
    expect(folderMatch(path, TEMPORARY_FOLDERS)).toBe(entry);
  });

  it('should list Windows and Program Files as core folders, the Windows temp folder included', () => {
    expect(folderMatch('C:\\Windows\\Temp\\x.exe', CORE_FOLDERS)).toBe('\\windows\\*');
    expect(folderMatch('C:\\PROGRAM FILES\\App\\x.exe', CORE_FOLDERS)).toBe('\\program files\\*');
    expect(folderMatch('C:\\ProgramData\\x.exe', CORE_FOLDERS)).toBeUndefined();
  });

  it('should not match outside a listed folder: ProgramData, a user folder beside Downloads, the Temp folder itself', () => {
    expect(folderMatch('C:\\ProgramData\\x.exe', TEMPORARY_FOLDERS)).toBeUndefined();
    expect(folderMatch('C:\\Users\\ann\\Documents\\x.exe', TEMPORARY_FOLDERS)).toBeUndefined();
    expect(folderMatch('C:\\Windows\\Temp', TEMPORARY_FOLDERS)).toBeUndefined();
  });
});
