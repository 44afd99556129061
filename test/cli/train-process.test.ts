/** `edrsim train` as a real process: with --answers it needs no terminal, and without one it does not hang. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'edrsim-train-process-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ANSWERS = `test/cli/fixtures/train/01-block-mode-on-passive.yaml:
  ws-01@5m.runningMode: 3
  a1.outcome: blocked
  a1.detectionStatus: Blocked
  a1.actionCenter: yes
  a2.outcome: detected
test/cli/fixtures/train/02-switch-off-window.yaml:
  b1.outcome: blocked
  b2.outcome: blocked
  b2.detectionStatus: Detected
  ws-02.runningMode: Passive Mode
`;

const edrsim = (args: string[]) =>
  spawnSync(process.execPath, ['bin/edrsim.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    input: '',
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('edrsim train (process)', () => {
  it('should run a whole session from --answers with stdin not a terminal, and exit 0', () => {
    const answers = join(scratch, 'answers.yaml');
    writeFileSync(answers, ANSWERS);
    const result = edrsim(['train', 'test/cli/fixtures/train', '--answers', answers]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/✘ Q2 outcome: detected — you answered blocked {2}T30 \[\d+\]/);
    expect(result.stdout).toContain('Total: 8/9 (89 %) over 2 scenarios');
  });

  it('should exit 2 at once, not wait for input, without --answers and without a terminal', () => {
    const result = edrsim(['train', 'test/cli/fixtures/train']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('standard input is not a terminal');
  });
});
