import { defineConfig } from 'vitest/config';
import { ISOLATED_TEST_FILES } from './test/isolated-files.ts';

export default defineConfig({
  test: {
    pool: 'threads',
    testTimeout: 30_000,
    // Two projects: most files share their worker's loaded modules (about half the suite's CPU time: each file
    // no longer loads the engine anew); the files that mock modules keep a fresh module graph each.
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: [...ISOLATED_TEST_FILES], isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: [...ISOLATED_TEST_FILES], isolate: true } },
    ],
    coverage: {
      provider: 'v8',
      include: ['engine/**/*.ts'],
      exclude: ['engine/cli/**'],
      reporter: ['text-summary'],
      // A thin model cannot pass: engine/ (cli excepted) must keep branch and line coverage up.
      thresholds: { branches: 85, lines: 90 },
    },
  },
});
