// docs/github-actions.yml, the workflow the README tells a policy repository to copy: it parses, and its edrsim steps are commands the CLI accepts.
import { Command, type Option } from 'commander';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
/** The edrsim command lines of the workflow, as argument lists. */
const edrsimLines = steps
  .flatMap((step) => (step.run ?? '').split('\n'))
  .filter((line) => line.startsWith(PREFIX))
  .map((line) => line.slice(PREFIX.length).trim().split(/\s+/));

/** The value of `--name VALUE` in an argument list. */
const valueOf = (words: readonly string[], name: string): string | undefined =>
  words.includes(name) ? words[words.indexOf(name) + 1] : undefined;

/** Every engine command as registered, so the check follows the options other branches add. */
async function registeredCommands(): Promise<readonly Command[]> {
  const program = new Command('edrsim');
  for (const register of await loadCommands(['--help'], engineCommands())) register(program, recordingIo(REPO).io, () => {});
  return program.commands;
}

/** Why `words` is not a command line the CLI accepts, or [] when it is. `unbuilt` lists format values not yet registered. */
function problemsOf(commands: readonly Command[], words: readonly string[], unbuilt: string[]): string[] {
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
    // `--format sarif` is built by the SARIF issue in parallel; once registered it is checked like any choice.
    if (choices !== undefined && !choices.includes(value)) {
      if (word === '--format' && value === 'sarif') unbuilt.push(words.join(' '));
      else problems.push(`${words[0]} ${word} has no choice ${value}`);
    }
  }
  return problems;
}

describe('docs/github-actions.yml', () => {
  it('should check out the whole history, so a diff step can compare with origin/main', () => {
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
  });

  it('should validate and run the scenarios, and upload the JUnit and SARIF files that the run steps write', () => {
    expect(edrsimLines.map((words) => words[0])).toEqual(expect.arrayContaining(['validate', 'run']));
    const junit = edrsimLines.find((words) => valueOf(words, '--format') === 'junit');
    const sarif = edrsimLines.find((words) => valueOf(words, '--format') === 'sarif');
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))?.with?.['path']).toBe(
      valueOf(junit ?? [], '--out'),
    );
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.['sarif_file']).toBe(valueOf(sarif ?? [], '--out'));
    expect(workflow.permissions['security-events']).toBe('write');
  });

  it('should use only commands and options that the CLI registers', async () => {
    const commands = await registeredCommands();
    const unbuilt: string[] = [];
    expect(edrsimLines.flatMap((words) => problemsOf(commands, words, unbuilt))).toEqual([]);
    expect(unbuilt.length).toBeLessThanOrEqual(1);
  });

  const scratch = mkdtempSync(join(tmpdir(), 'edrsim-workflow-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('should run each edrsim step, as written, in a policy repository', async () => {
    mkdirSync(join(scratch, 'scenarios'));
    copyFileSync(join(REPO, 'scenarios/01-modes/02-passive-with-block-mode.yaml'), join(scratch, 'scenarios', 'block-mode.yaml'));
    const commands = await registeredCommands();
    for (const words of edrsimLines) {
      const unbuilt: string[] = [];
      problemsOf(commands, words, unbuilt);
      if (unbuilt.length > 0) continue; // not registered yet: checked above, run once it is
      const result = await runCli(words, scratch);
      expect({ line: words.join(' '), code: result.code, stderr: result.stderr }).toEqual({
        line: words.join(' '),
        code: 0,
        stderr: '',
      });
      const out = valueOf(words, '--out');
      if (out !== undefined) expect(existsSync(join(scratch, out))).toBe(true);
    }
  });
});
