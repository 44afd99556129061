// Where a SARIF result is: percent-encoded relative URIs, and regions only where a line is known.
import { describe, expect, it } from 'vitest';
import { fileUri, physicalLocation } from '../../engine/report/sarif-location.ts';

describe('fileUri', () => {
  it('should percent-encode each segment and keep the slashes', () => {
    expect(fileUri('my policies/50%.yaml')).toBe('my%20policies/50%25.yaml');
    expect(fileUri('../ü/a#b?.yaml')).toBe('../%C3%BC/a%23b%3F.yaml');
  });

  it('should read a lone surrogate, which no URI can carry, as U+FFFD instead of throwing', () => {
    expect(fileUri('a\ud800.yaml')).toBe('a%EF%BF%BD.yaml');
    expect(fileUri('\udc00')).toBe('%EF%BF%BD');
    expect(fileUri('\ud83d\ude00')).toBe('%F0%9F%98%80');
  });
});

describe('physicalLocation', () => {
  it('should write a region only from a line of at least 1, and a column only with it', () => {
    expect(physicalLocation('a.yaml', { file: 'a.yaml', line: 4, column: 3 })).toEqual({
      physicalLocation: { artifactLocation: { uri: 'a.yaml' }, region: { startLine: 4, startColumn: 3 } },
    });
    expect(physicalLocation('a.yaml', { file: 'a.yaml', line: 0, column: 3 })).toEqual({
      physicalLocation: { artifactLocation: { uri: 'a.yaml' } },
    });
    expect(physicalLocation('a.yaml', { file: 'a.yaml', line: 2, column: 0 })).toEqual({
      physicalLocation: { artifactLocation: { uri: 'a.yaml' }, region: { startLine: 2 } },
    });
  });
});
