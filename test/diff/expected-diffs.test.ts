// scenarios/11-policy-changes/: each teaching pair's diff is the one its *.diff.json expects (issue 15 "Done when").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentDiff, pairStems, PAIRS_DIR, REPO } from './expected-diffs.ts';

const EXPECTED_LABELS: Record<string, string> = {
  '01-user-temp-folder': 'weaker',
  '02-extension-wide': 'weaker',
  '03-process-exclusion': 'weaker',
  '04-indicator-on-passive': 'equivalent',
  '05-narrower-folder': 'stronger',
};

describe('scenarios/11-policy-changes', () => {
  it('should hold a base, a head and an expected diff for every pair, and teach each label', () => {
    expect(pairStems()).toEqual(Object.keys(EXPECTED_LABELS));
  });

  it.each(pairStems())('should diff %s exactly as its *.diff.json says', async (stem) => {
    const expected = readFileSync(`${REPO}/${PAIRS_DIR}/${stem}.diff.json`, 'utf8');
    const now = await currentDiff(stem);
    expect(now.stderr).toBe('');
    expect(JSON.parse(now.json).label).toBe(EXPECTED_LABELS[stem]);
    expect(now.code).toBe(EXPECTED_LABELS[stem] === 'weaker' ? 1 : 0);
    // Regenerate with `npx tsx test/diff/update-expected-diffs.ts`, in a commit that says why the diff changed.
    expect(now.json).toBe(expected);
  });
});
