// System-context environment variables (§4.2 table, C11).
import { describe, expect, it } from 'vitest';
import { expandEnvVars } from '../../../engine/policy/exclusions/index.ts';

describe('expandEnvVars', () => {
  it.each([
    ['%ProgramFiles%\\Contoso', 'C:\\Program Files\\Contoso'],
    ['%programfiles(x86)%', 'C:\\Program Files (x86)'],
    ['%ALLUSERSPROFILE%\\x', 'C:\\ProgramData\\x'],
    ['%SystemDrive%\\x', 'C:\\x'],
    ['%windir%\\system32', 'C:\\Windows\\system32'],
    ['%PUBLIC%', 'C:\\Users\\Public'],
    ['%USERPROFILE%\\Downloads', 'C:\\Windows\\system32\\config\\systemprofile\\Downloads'],
    ['%APPDATA%', 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming'],
  ])('should expand %s to %s', (text, expected) => {
    expect(expandEnvVars(text)).toEqual({ text: expected, unknown: [] });
  });

  it('should list a user variable as unknown and leave it as written (C11)', () => {
    expect(expandEnvVars('%OneDrive%\\Docs')).toEqual({ text: '%OneDrive%\\Docs', unknown: ['%OneDrive%'] });
  });

  it('should leave a lone % and %% as text', () => {
    expect(expandEnvVars('C:\\100%\\a%%b')).toEqual({ text: 'C:\\100%\\a%%b', unknown: [] });
  });
});
