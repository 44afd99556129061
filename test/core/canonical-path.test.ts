// Contract §5.1: artifact paths are canonicalised as Win32 hands them to Defender before anything matches them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalPath, isCanonicalPath, shortNameIn } from '../../engine/core/canonical-path.ts';

describe('canonicalPath', () => {
  it.each([
    ['C:\\Tools\\..\\Windows\\System32\\evil.exe', 'C:\\Windows\\System32\\evil.exe'],
    ['C:\\Tools\\.\\evil.exe', 'C:\\Tools\\evil.exe'],
    ['C:\\a\\b\\..\\..\\c', 'C:\\c'],
    // `..` above the root stays at the root, as Win32 GetFullPathName does.
    ['C:\\..\\..\\Windows\\x.exe', 'C:\\Windows\\x.exe'],
    ['C:\\Tools\\..', 'C:\\'],
    ['C:\\Tools\\evil.exe.', 'C:\\Tools\\evil.exe'],
    ['C:\\Tools\\evil.exe ', 'C:\\Tools\\evil.exe'],
    ['C:\\Tools\\evil.exe. . ', 'C:\\Tools\\evil.exe'],
    ['C:\\folder. \\x', 'C:\\folder\\x'],
    ['C:\\a\\...\\x', 'C:\\a\\x'],
    ['C:/Tools/x.exe', 'C:\\Tools\\x.exe'],
    ['C:\\Tools\\\\x.exe', 'C:\\Tools\\x.exe'],
    ['C:\\Tools\\.\\', 'C:\\Tools\\'],
    // UNC: `\\server\share` is the root; `..` cannot climb above it.
    ['\\\\server\\share\\..', '\\\\server\\share'],
    ['\\\\server\\share\\..\\..\\other\\x.exe', '\\\\server\\share\\other\\x.exe'],
    ['\\\\server\\share\\dir\\..\\x.exe', '\\\\server\\share\\x.exe'],
    ['\\\\.\\C:\\a\\..\\x.exe', '\\\\.\\C:\\x.exe'],
    ['\\Windows\\..\\..\\x.exe', '\\x.exe'],
    // A relative path keeps the `..` it cannot fold (Windows would resolve it against a working folder we do not know).
    ['..\\x.exe', '..\\x.exe'],
    ['a\\..\\..\\x.exe', '..\\x.exe'],
  ])('should turn %s into %s', (written, canonical) => {
    expect(canonicalPath(written)).toBe(canonical);
  });

  it.each([['\\\\?\\C:\\Tools\\..\\Windows\\evil.exe.'], ['\\\\?\\C:\\Tools\\evil.exe '], ['\\\\?\\UNC\\server\\share\\..\\x']])(
    'should leave %s as written: the \\\\?\\ prefix turns normalisation off',
    (path) => {
      expect(canonicalPath(path)).toBe(path);
    },
  );

  it.each([
    ['C:\\Windows\\System32\\evil.exe'],
    ['c:\\program files\\App\\'],
    ['\\\\srv\\share\\x'],
    ['C:\\'],
    ['C:'],
    ['x.exe'],
  ])('should return a canonical path (%s) as the same string', (path) => {
    expect(canonicalPath(path)).toBe(path);
    expect(isCanonicalPath(path)).toBe(true);
  });

  const SEGMENTS = ['a', 'B', 'evil.exe', '.', '..', '...', 'x.', 'y ', 'z. ', ' ', '', 'C:', 'Program Files', '~1'];
  const noisyPath = fc
    .tuple(
      fc.constantFrom('C:', 'd:', '\\\\srv\\share', '\\', '', '\\\\?\\C:', '\\\\'),
      fc.array(
        fc.tuple(
          fc.constantFrom('\\', '/', '\\\\'),
          fc.oneof(fc.constantFrom(...SEGMENTS), fc.string({ unit: fc.constantFrom('a', '.', ' ', '\\', '/', ':') })),
        ),
        { maxLength: 8 },
      ),
      fc.boolean(),
    )
    .map(([root, parts, trailing]) => `${root}${parts.map(([sep, part]) => `${sep}${part}`).join('')}${trailing ? '\\' : ''}`);

  it('should be idempotent: canonicalising a canonical path changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(noisyPath, fc.string()), (path) => {
        const once = canonicalPath(path);
        expect(canonicalPath(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('should leave no `.` or `..` segment, no `/` and no segment ending in a dot or space (outside \\\\?\\ and relative leads)', () => {
    fc.assert(
      fc.property(noisyPath, (path) => {
        const canonical = canonicalPath(path);
        if (canonical.startsWith('\\\\?\\')) return;
        expect(canonical).not.toContain('/');
        const segments = canonical.split('\\');
        // A UNC root (`\\server\share`) is kept as written; a relative path may lead with `..`.
        const body = canonical.startsWith('\\\\')
          ? segments.slice(4)
          : /^[A-Za-z]:$/.test(segments[0] ?? '')
            ? segments.slice(1)
            : segments;
        const leads = canonical.startsWith('\\') ? 0 : body.findIndex((segment) => segment !== '..');
        for (const segment of body.slice(leads === -1 ? body.length : leads))
          if (segment !== '') expect(/[. ]$/.test(segment), `${segment} in ${canonical}`).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('shortNameIn', () => {
  it.each([
    ['C:\\PROGRA~1\\Contoso\\app.exe', 'PROGRA~1'],
    ['C:\\PROGRA~2\\Contoso\\', 'PROGRA~2'],
    ['c:\\users\\alice~1.con\\x', 'alice~1.con'],
    ['%ProgramFiles%\\CONTO~12\\bin', 'CONTO~12'],
  ])('should find the 8.3 short name in %s', (path, name) => {
    expect(shortNameIn(path)).toBe(name);
  });

  it.each([
    ['C:\\Program Files\\Contoso\\'],
    ['C:\\Users\\~alice\\x'],
    ['C:\\data\\backup~old\\x'],
    ['C:\\a~0\\x'],
    ['C:\\Tools\\*~1\\x'],
    ['C:\\LONGNAME~1\\x'],
  ])('should find none in %s', (path) => {
    expect(shortNameIn(path)).toBeUndefined();
  });
});
