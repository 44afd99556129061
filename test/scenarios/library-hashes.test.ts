/** Behaviour is pinned: every library scenario's JSON report must hash to the committed SHA-256. */
import { describe, expect, it } from 'vitest';
import { changedFiles, hashLibrary, readCommittedHashes, UPDATE_COMMAND } from './library-hashes.ts';

describe('the library hashes', () => {
  it('should match the SHA-256 of `edrsim run <file> --format json` for every library scenario', async () => {
    const committed = readCommittedHashes();
    const changed = changedFiles(committed, await hashLibrary());
    const message =
      `the JSON report changed for ${changed.length} scenario(s): ${changed.join(', ')}. ` +
      `If the change is intended, update the hashes in the same commit and say why (${UPDATE_COMMAND}).`;
    expect(changed, message).toEqual([]);
    expect(Object.keys(committed).length).toBeGreaterThanOrEqual(30);
  }, 120_000);

  it('should name added, removed and changed files, and no others', () => {
    const committed = { 'a.yaml': '1', 'b.yaml': '2', 'c.yaml': '3' };
    expect(changedFiles(committed, { 'a.yaml': '1', 'b.yaml': 'x', 'd.yaml': '4' })).toEqual(['b.yaml', 'c.yaml', 'd.yaml']);
    expect(changedFiles(committed, { ...committed })).toEqual([]);
  });
});
