// docs/github-actions.yml, the workflow the README tells a policy repository to copy: it parses, and its edrsim steps are commands the CLI accepts.
import { Command, type Option } from 'commander';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { engineCommands } from '../../engine/cli/commands/index.ts';
import { loadCommands } from '../../engine/cli/load-commands.ts';
import { recordingIo, runCli } from '../cli/run-cli.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PREFIX = 'npx --no-install edrsim ';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Readonly<Record<string, unknown>>;
}
interface Workflow {
  readonly permissions: Readonly<Record<string, string>>;
  readonly jobs: Readonly<Record<string, { readonly steps: readonly Step[] }>>;
}

const workflow = parse(readFileSync(join(REPO, 'docs', 'github-actions.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
/** The edrsim command lines of the workflow, as argument lists, with `${{ github.base_ref }}` as a pull request to main has it. */
const edrsimLines = steps
  .flatMap((step) => (step.run ?? '').split('\n'))
  .filter((line) => line.startsWith(PREFIX))
  .map((line) => line.slice(PREFIX.length).trim().replaceAll('${{ github.base_ref }}', 'main').split(/\s+/));

/** The value of `--name VALUE` in an argument list. */
const valueOf = (words: readonly string[], name: string): string | undefined =>
  words.includes(name) ? words[words.indexOf(name) + 1] : undefined;

/** Every engine command as registered, so the check follows the options other branches add. */
async function registeredCommands(): Promise<readonly Command[]> {
  const program = new Command('edrsim');
  for (const register of await loadCommands(['--help'], engineCommands())) register(program, recordingIo(REPO).io, () => {});
  return program.commands;
}

/** Why `words` is not a command line the CLI accepts, or [] when it is. */
function problemsOf(commands: readonly Command[], words: readonly string[]): string[] {
  const command = commands.find((candidate) => candidate.name() === words[0]);
  if (command === undefined) return [`no command ${words[0]}`];
  const problems: string[] = [];
  for (let index = 1; index < words.length; index++) {
    const word = words[index] ?? '';
    if (!word.startsWith('-')) continue;
    const option: Option | undefined = command.options.find((candidate) => candidate.long === word || candidate.short === word);
    if (option === undefined) {
      problems.push(`${words[0]} has no option ${word}`);
      continue;
    }
    if (!option.required && !option.optional) continue;
    const value = words[++index] ?? '';
    const choices = option.argChoices;
    if (choices !== undefined && !choices.includes(value)) problems.push(`${words[0]} ${word} has no choice ${value}`);
  }
  return problems;
}

describe('docs/github-actions.yml', () => {
  it('should check out the whole history, so a diff step can compare with origin/main', () => {
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
  });

  it('should validate, run, diff and cover the scenarios, and upload the JUnit file and every SARIF file the steps write', () => {
    expect(edrsimLines.map((words) => words[0])).toEqual(expect.arrayContaining(['validate', 'run', 'diff', 'coverage']));
    const junit = edrsimLines.find((words) => valueOf(words, '--format') === 'junit');
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))?.with?.['path']).toBe(
      valueOf(junit ?? [], '--out'),
    );
    const written = edrsimLines.filter((words) => valueOf(words, '--format') === 'sarif').map((words) => valueOf(words, '--out'));
    const uploaded = steps
      .filter((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))
      .map((step) => step.with?.['sarif_file']);
    expect(written).toHaveLength(3);
    expect(uploaded).toEqual(written);
    expect(workflow.permissions['security-events']).toBe('write');
  });

  it('should compare the policy at the pull request target with the one in the pull request, only on pull requests', () => {
    const diff = steps.find((step) => step.run?.includes('edrsim diff'));
    expect(diff?.if).toContain("github.event_name == 'pull_request'");
    expect(diff?.run).toContain('origin/${{ github.base_ref }}:policies/mppref.txt policies/mppref.txt');
  });

  it('should use only commands and options that the CLI registers', async () => {
    const commands = await registeredCommands();
    expect(edrsimLines.flatMap((words) => problemsOf(commands, words))).toEqual([]);
  });

  const scratch = mkdtempSync(join(tmpdir(), 'edrsim-workflow-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('should run each edrsim step, as written, in a policy repository with a pull request to main', async () => {
    // The README's layout, in a git repository whose origin/main has the policy before the pull request.
    mkdirSync(join(scratch, 'scenarios'));
    mkdirSync(join(scratch, 'policies'));
    copyFileSync(join(REPO, 'scenarios/01-modes/02-passive-with-block-mode.yaml'), join(scratch, 'scenarios', 'block-mode.yaml'));
    writeFileSync(join(scratch, 'policies', 'mppref.txt'), 'ExclusionPath : {C:\\Build\\}\n');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=edrsim test', '-c', 'user.email=test@example.invalid', ...args], { cwd: scratch });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'policy before');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    writeFileSync(join(scratch, 'policies', 'mppref.txt'), 'ExclusionPath : {C:\\Build\\, D:\\Tools\\}\n');
    const commands = await registeredCommands();
    for (const words of edrsimLines) {
      expect(problemsOf(commands, words)).toEqual([]);
      const result = await runCli(words, scratch);
      // diff may exit 1 (the change weakens protection): that fails the job on purpose, after the SARIF is written.
      expect({
        line: words.join(' '),
        ok: result.code === 0 || (words[0] === 'diff' && result.code === 1),
        stderr: result.stderr,
      }).toEqual({
        line: words.join(' '),
        ok: true,
        stderr: '',
      });
      const out = valueOf(words, '--out');
      if (out !== undefined) expect(existsSync(join(scratch, out))).toBe(true);
    }
  });
});
