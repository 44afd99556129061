/** The test files that replace modules with `vi.mock`: they run isolated, every other file shares its worker's modules. */

/**
 * Sharing modules between test files (vitest's `isolate: false`) halves the suite's CPU time, but a file that
 * mocks a module would see the real one another file loaded first, or leave its mock to the next file. Keep
 * every file that calls `vi.mock`/`vi.doMock` here; `test/architecture/isolated-files.test.ts` checks it.
 */
export const ISOLATED_TEST_FILES: readonly string[] = [
  'test/cli/collect-files.test.ts',
  'test/cli/internal-error.test.ts',
  'test/cli/temp-file-guard.test.ts',
  'test/cli/write-output.test.ts',
  'test/model/fleet-model.scale.test.ts',
];
