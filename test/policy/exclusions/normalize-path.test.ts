// Path normalisation: case, separators, trailing `\`, UNC roots (§4.3, §9).
import { describe, expect, it } from 'vitest';
import { normalizePath, pathSegments } from '../../../engine/policy/exclusions/index.ts';

describe('pathSegments', () => {
  it.each([
    ['C:\\Tools\\', ['c:', 'tools']],
    ['C:/Tools//bin', ['c:', 'tools', 'bin']],
    ['C:\\', ['c:']],
    ['\\\\srv\\share\\app\\', ['\\\\srv', 'share', 'app']],
    ['//srv/share', ['\\\\srv', 'share']],
    ['\\Temp', ['', 'temp']],
    ['Temp\\x', ['temp', 'x']],
  ])('should split %s into %j', (text, expected) => {
    expect(pathSegments(text)).toEqual(expected);
  });

  it('should give the same text for spellings of one path (§9: trailing \\ = same path)', () => {
    expect(new Set(['C:\\Temp', 'c:\\temp\\', 'C:/TEMP', 'C:\\\\Temp'].map(normalizePath))).toEqual(new Set(['c:\\temp']));
  });
});
