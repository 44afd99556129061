// engine/run-scenario.ts: the main use case as a library call, with the policy grammars and the reader's limits wired in.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, runScenario, runScenarioFile } from '../engine/index.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PASS = `${ROOT}test/cli/fixtures/pass.yaml`;
const IMPORTS = `${ROOT}scenarios/07-exclusions/06-import-get-mppreference.yaml`;

describe('runScenarioFile', () => {
  it('should load, run and report a scenario file in one call, as loadScenarioFile then runScenario do', () => {
    const run = runScenarioFile(PASS);
    const loaded = loadScenarioFile(PASS);
    expect(run.ok && loaded.ok).toBe(true);
    if (!run.ok || !loaded.ok) return;
    expect(run.value.passed).toBe(true);
    expect(run.value.run.counts.artifacts).toBe(1);
    expect(run.value.expectations.map((one) => one.passed)).toEqual(
      runScenario(loaded.value).expectations.map((one) => one.passed),
    );
  });

  it('should answer a scenario with invalid exclusions with issues placed at file, line and column (the policy grammar is wired in)', () => {
    const run = runScenarioFile(`${ROOT}test/cli/fixtures/invalid/bad-exclusion.yaml`);
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.issues[0]).toMatchObject({
      file: expect.stringContaining('bad-exclusion.yaml'),
      line: 6,
      column: expect.any(Number),
    });
  });

  it('should apply --set overrides and the reader limits it is given', () => {
    // Without block mode the behaviour the third-party antivirus missed is not remediated: the expectation fails.
    const overridden = runScenarioFile(PASS, ['tenant.edrBlockMode=false']);
    expect(overridden.ok && overridden.value.passed).toBe(false);
    const tooBig = runScenarioFile(PASS, [], { maxFileSize: 16 });
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) expect(tooBig.issues[0]).toMatchObject({ code: 'too_large', file: PASS });
  });

  it('should tell onRead of the scenario file and of each file it imports', () => {
    const read: string[] = [];
    expect(runScenarioFile(IMPORTS, [], { onRead: (path) => read.push(path.split('/').pop() ?? '') }).ok).toBe(true);
    expect(read).toEqual(['06-import-get-mppreference.yaml', 'mppref.txt']);
  });
});
