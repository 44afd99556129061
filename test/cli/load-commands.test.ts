// Lazy start-up: which command modules `main` imports for an argv, and that every lazy entry names its command truly.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { engineCommands } from '../../engine/cli/commands/index.ts';
import { loadCommands } from '../../engine/cli/load-commands.ts';
import type { CommandEntry, LazyCommand, RegisterCommand } from '../../engine/cli/register-command.ts';
import { registerBench } from '../../bench/register-bench.ts';
import { recordingIo } from './run-cli.ts';

/** The names the registers add to a fresh program, in order. */
function namesOf(registers: readonly RegisterCommand[]): string[] {
  const program = new Command('edrsim');
  for (const register of registers) register(program, recordingIo('/').io, () => {});
  return program.commands.map((command) => command.name());
}

/** A lazy entry that counts its imports. */
function counted(name: string): LazyCommand & { loads: () => number } {
  let loads = 0;
  const register: RegisterCommand = (program) => void program.command(name);
  return { name, load: async () => (loads++, register), loads: () => loads };
}

const LAZY = engineCommands().filter((entry): entry is LazyCommand => typeof entry !== 'function');

describe('the engine command list', () => {
  it.each(LAZY.map((entry) => [entry.name, entry] as const))(
    'should register `%s` under the name its entry gives',
    async (name, entry) => {
      expect(namesOf([await entry.load()])).toEqual([name]);
    },
  );

  it('should list the commands in help order, with the commands from outside the engine before train', () => {
    const names = engineCommands([counted('bench')]).map((entry) => entry.name);
    // Commands added later (diff, doctor, export, …) go between schema and bench.
    expect(names.slice(0, 5)).toEqual(['run', 'validate', 'explain', 'check-exclusion', 'schema']);
    expect(names.slice(-2)).toEqual(['bench', 'train']);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('loadCommands', () => {
  const entries = (): { all: CommandEntry[]; run: ReturnType<typeof counted>; validate: ReturnType<typeof counted> } => {
    const run = counted('run');
    const validate = counted('validate');
    return { all: [run, registerBench, validate], run, validate };
  };

  it('should import no lazy command for --version or -V, keeping the loaded ones', async () => {
    for (const argv of [['--version'], ['-V'], ['-V', '--version']]) {
      const { all, run, validate } = entries();
      expect(namesOf(await loadCommands(argv, all))).toEqual(['bench']);
      expect([run.loads(), validate.loads()]).toEqual([0, 0]);
    }
  });

  it('should import only the command that argv names, its --help included', async () => {
    for (const argv of [
      ['validate', 'x.yaml'],
      ['validate', '--help'],
      ['--help', 'validate'],
    ]) {
      const { all, run, validate } = entries();
      expect(namesOf(await loadCommands(argv, all))).toEqual(['bench', 'validate']);
      expect([run.loads(), validate.loads()]).toEqual([0, 1]);
    }
  });

  it('should import every command, in order, for the top-level help, `help <command>` and an unknown command', async () => {
    for (const argv of [[], ['--help'], ['-h'], ['help', 'run'], ['runn', 'x.yaml'], ['--version', 'x']]) {
      const { all } = entries();
      expect(namesOf(await loadCommands(argv, all))).toEqual(['run', 'bench', 'validate']);
    }
  });
});
