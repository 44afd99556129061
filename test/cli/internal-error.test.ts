// A bug while loading a scenario is an internal error (contract §4: exit 3, one line, no stack), never "invalid input".
import { describe, expect, it, vi } from 'vitest';
import { runCli } from './run-cli.ts';

vi.mock('../../engine/scenario/text/parse-source.ts', () => ({
  parseSource: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

describe('edrsim when loading a scenario hits a bug', () => {
  it('should exit 3 with one line naming the file, for validate and run alike', async () => {
    for (const command of ['validate', 'run']) {
      const result = await runCli([command, 'pass.yaml']);
      expect(result.code).toBe(3);
      expect(result.stderr).toBe(
        'edrsim: internal error: pass.yaml: could not load the file: Maximum call stack size exceeded (a bug in edrsim; please report it with the file)\n',
      );
      expect(result.stdout).toBe('');
    }
  });
});
