// `edrsim run -t/--name`, `--tag` and `--bail` (issue 14): choose scenarios as vitest's -t does, stop at the first failure.
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

const REPO = new URL('../../..', import.meta.url).pathname;
const MODES = 'scenarios/01-modes';

type Json = { scenarios: { name: string; file: string }[]; summary: Record<string, number> };
const names = (stdout: string) => (JSON.parse(stdout) as Json).scenarios.map((scenario) => scenario.name);

describe('edrsim run -t/--name', () => {
  it('should run only the scenarios whose name contains the pattern, ignoring case', async () => {
    const result = await runCli(['run', 'pass.yaml', 'fail.yaml', '-t', 'BLOCK MODE', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(names(result.stdout)).toEqual(['Block mode remediates a missed behaviour']);
    expect(result.stderr).toBe('ℹ 1 of 2 scenarios selected by -t "BLOCK MODE"; 1 not run\n');
  });

  it('should read * as any run of characters, and nothing else as special', async () => {
    const glob = await runCli(['run', 'pass.yaml', 'fail.yaml', '--name', 'wrong*run', '--format', 'json']);
    expect(names(glob.stdout)).toEqual(['A wrong expectation fails the run']);
    // A regular expression is plain text here: it selects nothing, and the hint says why.
    const regex = await runCli(['run', 'pass.yaml', 'fail.yaml', '-t', '^Block.+$']);
    expect(regex.code).toBe(2);
    expect(regex.stdout).toBe('');
    expect(regex.stderr).toBe(
      '✖ --name: no scenario matches -t "^Block.+$" (2 loaded)\n' +
        '  hint: -t is a case-insensitive part of the name, with * for any characters (not a regular expression)\n' +
        '1 error\n',
    );
  });

  it('should refuse an empty or over-long pattern with exit 2, naming the option', async () => {
    const empty = await runCli(['run', 'pass.yaml', '-t', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(
      "✖ --name: the pattern is empty\n  hint: give -t part of a scenario name, e.g. -t 'block mode'\n1 error\n",
    );
    const long = await runCli(['run', 'pass.yaml', '-t', 'a'.repeat(257)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toBe(
      '✖ --name: the pattern has 257 characters, more than 256\n  hint: give -t a shorter part of the scenario name\n1 error\n',
    );
  });

  it('should stay linear on a pattern built to make a backtracking matcher explode', async () => {
    const result = await runCli(['run', 'pass.yaml', '-t', `${'a*'.repeat(120)}b`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no scenario matches');
  });
});

describe('edrsim run --tag', () => {
  it('should run the scenarios that have any of the tags given', async () => {
    const result = await runCli(['run', MODES, '--tag', 'disabled', '--tag', 'active-mode', '--format', 'json'], REPO);
    expect(result.code).toBe(0);
    expect(names(result.stdout)).toEqual([
      'Active mode with block mode — MDAV first, block mode catches what it missed',
      'A non-onboarded client with a third-party antivirus has Defender Antivirus disabled',
    ]);
    expect(result.stderr).toBe('ℹ 2 of 5 scenarios selected by --tag disabled --tag active-mode; 3 not run\n');
  });

  it('should need both -t and --tag to match when both are given', async () => {
    const result = await runCli(['run', MODES, '--tag', 'passive-mode', '-t', 'without', '--format', 'json'], REPO);
    expect(names(result.stdout)).toEqual(['Passive mode without block mode only reports']);
  });

  it('should answer a tag nobody has with exit 2 and the tags that exist', async () => {
    const result = await runCli(['run', MODES, '--tag', 'Modes'], REPO);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      '✖ --tag: no scenario matches --tag Modes (5 loaded)\n' +
        '  hint: tags match exactly; the loaded scenarios have: active-mode, disabled, edr-block-mode, imports, modes, onboarding, passive-mode, training\n' +
        '1 error\n',
    );
  });

  it('should refuse an empty tag with exit 2', async () => {
    const result = await runCli(['run', MODES, '--tag', ' '], REPO);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      '✖ --tag: the tag is empty\n  hint: give --tag a scenario tag, e.g. --tag passive-mode\n1 error\n',
    );
  });
});

describe('edrsim run --bail', () => {
  it('should stop at the first failing scenario with exit 1, and say how many were not run', async () => {
    const result = await runCli(['run', 'fail.yaml', 'pass.yaml', 'records.yaml', '--bail', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(names(result.stdout)).toEqual(['A wrong expectation fails the run']);
    expect(result.stderr).toBe('ℹ --bail: stopped at the first failing scenario, fail.yaml; 2 scenarios not run\n');
  });

  it('should say it beside the text report too, and say nothing when the failure was the last scenario', async () => {
    const failing = await runCli(['run', 'fail.yaml', 'pass.yaml', '--bail', '--summary']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('1 scenario run: 0 passed, 1 failed');
    expect(failing.stderr).toBe('ℹ --bail: stopped at the first failing scenario, fail.yaml; 1 scenario not run\n');
    const last = await runCli(['run', 'pass.yaml', 'fail.yaml', '--bail', '--format', 'json']);
    expect(last.code).toBe(1);
    expect(names(last.stdout)).toHaveLength(2);
    expect(last.stderr).toBe('');
  });

  it('should run everything when nothing fails', async () => {
    const passing = await runCli(['run', 'pass.yaml', 'records.yaml', '--bail', '--format', 'json']);
    expect(passing.code).toBe(0);
    expect(names(passing.stdout)).toHaveLength(2);
    expect(passing.stderr).toBe('');
  });
});
