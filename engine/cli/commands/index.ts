/** Registers every `edrsim` command on the program. */
import type { Command } from 'commander';
import type { ExitCode, Io } from '../io.ts';
import { registerBench } from './bench.ts';
import { registerCheckExclusion } from './check-exclusion.ts';
import { registerExplain } from './explain.ts';
import { registerRun } from './run.ts';
import { registerSchema } from './schema.ts';
import { registerTrain } from './train.ts';
import { registerValidate } from './validate.ts';

/** Each command reports its exit code through `exit`; the last call wins. */
export type SetExit = (code: ExitCode) => void;

export function registerCommands(program: Command, io: Io, exit: SetExit): void {
  registerRun(program, io, exit);
  registerValidate(program, io, exit);
  registerExplain(program, io, exit);
  registerCheckExclusion(program, io, exit);
  registerSchema(program, io, exit);
  registerBench(program, io, exit);
  registerTrain(program, io, exit);
}
