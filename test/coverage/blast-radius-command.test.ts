import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../cli/run-cli.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SQL = 'scenarios/07-exclusions/06-import-get-mppreference.yaml';
const blast = (...args: string[]) => runCli(['blast-radius', ...args, '--generate', '0'], REPO);

describe('edrsim blast-radius', () => {
  it('should describe an imported extension entry as JSON, with its risks', async () => {
    const result = await blast('ldf', '--policy', SQL, '--format', 'json');
    expect(result.code).toBe(0);
    const radius = JSON.parse(result.stdout);
    expect(radius).toMatchObject({ entry: 'ldf', kind: 'exclusion' });
    expect(radius.words).toContain('extension .ldf, any folder');
    expect(radius.risks.map((risk: { code: string }) => risk.code)).toContain('extension_wide');
  });

  it('should exit 2 with a hint naming the nearest entries for one not in the policy', async () => {
    const result = await blast('lfd', '--policy', SQL);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/lfd is not an exclusion entry or indicator value of .*\n {2}hint: write it as in the policy, e\.g\. .*ldf/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('should exit 2 for a policy file that does not exist', async () => {
    const result = await blast('ldf', '--policy', 'no-such-policy.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no-such-policy.yaml');
  });
});
