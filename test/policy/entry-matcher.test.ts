// One entry against one artifact: the over-approximation diff attribution narrows its candidates with.
import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../engine/core/artifact.ts';
import { entryMatcher } from '../../engine/policy/entry-matcher.ts';

const artifact = (path: string, extra: Partial<Artifact> = {}): Artifact => ({
  id: 'a',
  device: 'ws-1',
  at: 0,
  class: 'malicious',
  kind: 'file',
  path,
  trigger: 'on-access',
  signals: { primaryAv: false, mdav: true, edr: false },
  ...extra,
});

describe('entryMatcher', () => {
  it('should match a folder entry inside the folder and not beside it', () => {
    const matches = entryMatcher({ kind: 'exclusion', list: 'paths', text: 'C:\\Temp\\' });
    expect(matches(artifact('C:\\Temp\\sub\\x.exe'))).toBe(true);
    expect(matches(artifact('C:\\Temp2\\x.exe'))).toBe(false);
  });

  it('should read a trailing star under either reading it is given', () => {
    const entry = { kind: 'exclusion', list: 'paths', text: 'C:\\Temp\\*' } as const;
    expect(entryMatcher(entry)(artifact('C:\\Temp\\sub\\x.exe'))).toBe(false);
    expect(entryMatcher(entry, [{}, { trailingStar: 'folder' }])(artifact('C:\\Temp\\sub\\x.exe'))).toBe(true);
  });

  it('should match a process entry on access only, as Defender applies it', () => {
    const matches = entryMatcher({ kind: 'exclusion', list: 'processes', text: 'agent.exe' });
    expect(matches(artifact('D:\\x.exe', { process: 'C:\\Backup\\agent.exe' }))).toBe(true);
    expect(matches(artifact('D:\\x.exe', { process: 'C:\\Backup\\agent.exe', trigger: 'scheduled-scan' }))).toBe(false);
  });

  it("should match a file indicator by the artifact's hash in any case, never a network indicator, and an unreadable one always", () => {
    const hash = 'A'.repeat(64);
    expect(
      entryMatcher({ kind: 'indicator', raw: { type: 'FileSha256', value: hash } })(
        artifact('C:\\x.exe', { sha256: hash.toLowerCase() }),
      ),
    ).toBe(true);
    expect(entryMatcher({ kind: 'indicator', raw: { type: 'FileSha256', value: hash } })(artifact('C:\\x.exe'))).toBe(false);
    expect(entryMatcher({ kind: 'indicator', raw: { type: 'DomainName', value: 'x.test' } })(artifact('C:\\x.exe'))).toBe(false);
    expect(entryMatcher({ kind: 'indicator', raw: 'garbage' })(artifact('C:\\x.exe'))).toBe(true);
  });

  it('should match nothing for an entry that does not parse', () => {
    expect(entryMatcher({ kind: 'exclusion', list: 'paths', text: '' })(artifact('C:\\x.exe'))).toBe(false);
  });
});
